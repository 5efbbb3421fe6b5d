// A party's answer to a proposal: match.accept / match.decline, queued like every change, so a
// newcomer can answer on the bus with no signal; the server decides when it arrives.
import type { MaatjeDB } from '../../store/db';
import { enqueue } from '../../sync/outbox';

export function acceptMatch(db: MaatjeDB, matchId: string): Promise<number> {
  return enqueue(db, 'match.accept', { match_id: matchId });
}

// reason: a code of the catalogue "decline_reasons" (optional), note: a few words (optional).
export function declineMatch(db: MaatjeDB, matchId: string, reason: string | null, note: string): Promise<number> {
  const args: Record<string, unknown> = { match_id: matchId };
  if (reason) args.reason = reason;
  if (note.trim()) args.note = note.trim();
  return enqueue(db, 'match.decline', args);
}
