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

// End an active or paused match; reason: a code of the catalogue "end_reasons" (required).
export function endMatch(db: MaatjeDB, matchId: string, reason: string, note: string): Promise<number> {
  const args: Record<string, unknown> = { match_id: matchId, reason };
  if (note.trim()) args.note = note.trim();
  return enqueue(db, 'match.end', args);
}

// After the end, once: a rating 1-5 (optional), a few words (optional), and whether never to be
// matched with this person again (later suggestions leave them out).
export function evaluateMatch(db: MaatjeDB, matchId: string, rating: number | null, comment: string, avoid: boolean): Promise<number> {
  const args: Record<string, unknown> = { match_id: matchId, avoid };
  if (rating !== null) args.rating = rating;
  if (comment.trim()) args.comment = comment.trim();
  return enqueue(db, 'match.evaluate', args);
}
