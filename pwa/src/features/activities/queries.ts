// Live data of one match for the screens: this phone's side (from its match_offer row), the
// activities with pending changes on top, and the catalogue's activity types (stored copy).
import { getMeta, type MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { ActivityType, MatchOfferData, Side } from '../../types';
import { overlayActivities, type ShownActivity } from './overlay';
import { pendingMutations } from '../../sync/outbox';

export async function offerOf(db: MaatjeDB, matchId: string): Promise<MatchOfferData | null> {
  const rows = await db.match_offer.toArray();
  return rows.map((r) => r.data).find((o) => o.match_id === matchId) ?? null;
}

export async function loadActivities(db: MaatjeDB, matchId: string, role: Side): Promise<ShownActivity[]> {
  const scope = `match:${matchId}`;
  const [rows, pending, catalogues] = await Promise.all([
    db.activity.where('scope').equals(scope).toArray(),
    pendingMutations(db),
    getMeta(db, 'catalogues'),
  ]);
  const types: Record<string, ActivityType> = catalogues?.data.activity_types ?? {};
  const mine = pending.filter((m) => !m.name.startsWith('activity.log') || m.args.match_id === matchId);
  return overlayActivities(rows.map((r) => r.data), mine, role, types);
}

export function watchActivities(db: MaatjeDB, matchId: string, role: Side): Watch<ShownActivity[]> {
  return watch(() => loadActivities(db, matchId, role));
}
