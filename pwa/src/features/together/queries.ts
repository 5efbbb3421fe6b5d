// What the newcomer allows their buddy (the synced practice_share row of the match), and the
// buddy's ratings of this match still waiting to be sent.
import type { MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { PracticeShareData } from '../../types';

// null: no row yet (the newcomer never chose anything, or the pull has not brought it).
export function watchShare(db: MaatjeDB, matchId: string): Watch<PracticeShareData | null> {
  return watch(async () => (await db.practice_share.get(matchId))?.data ?? null);
}

export function watchUnsentRatings(db: MaatjeDB, matchId: string): Watch<number> {
  return watch(async () => {
    // The outbox alone: the `sent` ones have reached the server already.
    const unsent = await db.outbox.toArray();
    return unsent.filter((m) => m.name === 'review.together' && m.args.match_id === matchId).length;
  });
}
