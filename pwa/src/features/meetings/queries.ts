// Live meetings of a match for the screens: the synced rows with this phone's pending intents on
// top (overlay.ts). The role comes from the phone's match_offer row for that match.
import type { MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { MatchOfferData } from '../../types';
import { overlayMeetings, sortMeetings, type ShownMeeting } from './overlay';
import { pendingMutations } from '../../sync/outbox';

export interface MatchMeetings {
  offer: MatchOfferData | null; // null: not a match of this user (or not synced yet)
  meetings: ShownMeeting[];
}

async function loadMeetings(db: MaatjeDB, matchId: string): Promise<MatchMeetings> {
  const [offers, rows, pending] = await Promise.all([
    db.match_offer.toArray(), db.meeting.where('scope').equals(`match:${matchId}`).toArray(), pendingMutations(db),
  ]);
  const offer = offers.map((r) => r.data).find((o) => o.match_id === matchId) ?? null;
  if (!offer) return { offer: null, meetings: [] };
  const shown = overlayMeetings(rows.map((r) => r.data), pending, offer.role).filter((m) => m.match_id === matchId);
  return { offer, meetings: sortMeetings(shown, offer.role) };
}

export function watchMeetings(db: MaatjeDB, matchId: string): Watch<MatchMeetings> {
  return watch(() => loadMeetings(db, matchId));
}

// One meeting of the match (null: unknown here, or of another match).
export function watchMeeting(db: MaatjeDB, matchId: string, id: string): Watch<{ offer: MatchOfferData | null; meeting: ShownMeeting | null }> {
  return watch(async () => {
    const { offer, meetings } = await loadMeetings(db, matchId);
    return { offer, meeting: meetings.find((m) => m.id === id) ?? null };
  });
}
