// Live goals of one match, with this phone's pending changes on top.
import type { MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { Side } from '../../types';
import { overlayGoals, type ShownGoal } from './overlay';
import { pendingMutations } from '../../sync/outbox';

export async function loadGoals(db: MaatjeDB, matchId: string, role: Side): Promise<ShownGoal[]> {
  const [rows, pending] = await Promise.all([db.goal.where('scope').equals(`match:${matchId}`).toArray(), pendingMutations(db)]);
  const mine = pending.filter((m) => m.name !== 'goal.add' || m.args.match_id === matchId);
  return overlayGoals(rows.map((r) => r.data), mine, role);
}

export function watchGoals(db: MaatjeDB, matchId: string, role: Side): Watch<ShownGoal[]> {
  return watch(() => loadGoals(db, matchId, role));
}
