// Practice changes made on the phone (offline too), on top of enqueue() like every feature: a
// review (with the card state after it), the settings, the progress summary.
import type { MaatjeDB } from '../../store/db';
import { enqueue, pendingMutations } from '../../sync/outbox';
import type { PracticeData, PracticeMode, ProgressSummary, Rating, ReviewData } from '../../types';
import { uuid } from '../../uuid';
import { cardAfter } from './cards';

export interface NewReview {
  phrase_id: string;
  rating: Rating;
  mode: PracticeMode;
}

// Queues review.log and stores the phrase's new card, the two writes side by side (different
// tables, so IndexedDB runs them at once). Should one fail, the card table and the reviews
// disagree only until the next refreshCards, which replays that phrase (its count differs).
export async function logReview(db: MaatjeDB, review: NewReview): Promise<ReviewData> {
  const made: ReviewData = {
    id: uuid(), phrase_id: review.phrase_id, rating: review.rating, mode: review.mode,
    reviewed_at: new Date().toISOString(), by: 'self', match_id: null, card: null,
  };
  const card = await cardAfter(db, made);
  made.card = card.state;
  await Promise.all([
    enqueue(db, 'review.log', {
      id: made.id, phrase_id: made.phrase_id, rating: made.rating, mode: made.mode, reviewed_at: made.reviewed_at, card: made.card,
    }),
    db.card.put(card),
  ]);
  return made;
}

export type SettingsChange = Partial<Pick<PracticeData, 'new_per_day' | 'reviews_per_day' | 'buttons' | 'voice' | 'modes'>> & {
  together?: boolean; // newcomer only: the buddy's ratings count as my reviews
  share_progress?: boolean; // newcomer only: my buddy sees my progress
};

// Only the named fields travel: two phones changing different settings both keep theirs.
export function saveSettings(db: MaatjeDB, partial: SettingsChange): Promise<number> {
  const args = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return enqueue(db, 'practice.settings', args);
}

const HOUR_MS = 3600_000;
// When this app run last queued a summary, per database: with a queued one still in the outbox
// that covers "at most once an hour" (after a restart, at most one extra summary is sent).
const lastQueued = new WeakMap<MaatjeDB, number>();

// Queues practice.progress after a practice session, at most once an hour unless forced (a
// consent just given). Returns whether it queued one.
export async function sendProgress(db: MaatjeDB, summary: ProgressSummary, force = false): Promise<boolean> {
  const now = Date.parse(summary.at);
  if (!force) {
    const pending = (await pendingMutations(db)).filter((m) => m.name === 'practice.progress');
    const times = [lastQueued.get(db) ?? 0, ...pending.map((m) => Date.parse(String(m.args.at)))];
    if (times.some((t) => now - t < HOUR_MS)) return false;
  }
  await enqueue(db, 'practice.progress', { ...summary });
  lastQueued.set(db, now);
  return true;
}
