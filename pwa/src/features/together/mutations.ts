// The buddy's ratings in a together session, queued like every change (offline too): each is a
// review of the NEWCOMER's (review.together), counted in their replay once it reaches their phone.
// Ending the session logs it as the pair's activity through the activities feature's mutation.
import type { MaatjeDB } from '../../store/db';
import { enqueue } from '../../sync/outbox';
import type { Rating } from '../../types';
import { uuid } from '../../uuid';
import { logActivity } from '../activities/mutations';
import { amsterdamDay } from '../activities/words';
import { sessionMinutes } from './deck';

export async function rateTogether(db: MaatjeDB, matchId: string, phraseId: string, rating: Rating): Promise<string> {
  const id = uuid();
  await enqueue(db, 'review.together', {
    id, match_id: matchId, phrase_id: phraseId, rating, reviewed_at: new Date().toISOString(),
  });
  return id;
}

// The session as an activity of type "phrases" on the day it ended (Amsterdam), done together.
export function logTogetherSession(db: MaatjeDB, matchId: string, startedAt: Date, now: Date = new Date()): Promise<string> {
  return logActivity(db, matchId, {
    type: 'phrases', day: amsterdamDay(now), minutes: sessionMinutes(startedAt, now), initiative: 'both', note: '',
  });
}
