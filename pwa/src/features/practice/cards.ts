// The phone's derived cards (table `card`, never synced), kept in agreement with the reviews: the
// synced ones, this phone's own not yet confirmed, another device's and a together session's.
import type { LocalCard, MaatjeDB, OutboxEntry } from '../../store/db';
import { pendingMutations } from '../../sync/outbox';
import type { ReviewData } from '../../types';
import { compareReviews, nextState, replay } from './fsrs';

// A queued review.log as the review it will become (only this phone's own reviews are queued).
function pendingReview(m: OutboxEntry): ReviewData | null {
  const a = m.args;
  if (m.name !== 'review.log' || typeof a.id !== 'string' || typeof a.phrase_id !== 'string') return null;
  return {
    id: a.id, phrase_id: a.phrase_id, rating: a.rating as ReviewData['rating'], mode: a.mode as ReviewData['mode'],
    reviewed_at: String(a.reviewed_at), by: 'self', match_id: null, card: (a.card as ReviewData['card']) ?? null,
  };
}

function merge(stored: ReviewData[], pending: OutboxEntry[]): ReviewData[] {
  const byId = new Map(stored.map((r) => [r.id, r]));
  for (const m of pending) {
    const review = pendingReview(m);
    if (review && !byId.has(review.id)) byId.set(review.id, review);
  }
  return [...byId.values()];
}

// Every review this phone knows of, each once: the `review` table and the queued review.log.
export async function allReviews(db: MaatjeDB): Promise<ReviewData[]> {
  const [rows, pending] = await Promise.all([db.review.toArray(), pendingMutations(db)]);
  return merge(rows.map((r) => r.data), pending);
}

async function reviewsOf(db: MaatjeDB, phraseId: string): Promise<ReviewData[]> {
  const [rows, pending] = await Promise.all([
    db.review.where('data.phrase_id').equals(phraseId).toArray(), pendingMutations(db),
  ]);
  return merge(rows.map((r) => r.data), pending.filter((m) => m.args.phrase_id === phraseId));
}

function cardFrom(phraseId: string, reviews: ReviewData[]): LocalCard {
  const state = replay(reviews);
  const last = [...reviews].sort(compareReviews)[reviews.length - 1];
  return { phrase_id: phraseId, state, due: state.due, reviews: reviews.length, last_id: last.id };
}

// Makes the `card` table agree with the reviews and returns every card. Reviews are append-only,
// so when the cards account for exactly as many reviews as there are and each card's last review
// is still there, nothing changed: that check reads only the review ids (a practice screen
// opening, a sync without reviews). Otherwise only the phrases whose review count or last review
// differ are replayed (another device's reviews, a together session's), and a phrase without
// reviews any more (a reset) loses its card.
export async function refreshCards(db: MaatjeDB): Promise<Map<string, LocalCard>> {
  const { ids, stored, pending } = await db.transaction('r', db.review, db.card, db.outbox, db.sent, async () => {
    const [keys, cards, queued] = await Promise.all([db.review.toCollection().primaryKeys(), db.card.toArray(), pendingMutations(db)]);
    return { ids: new Set(keys as string[]), stored: cards, pending: queued };
  });
  for (const m of pending) {
    const own = pendingReview(m);
    if (own) ids.add(own.id);
  }
  const cards = new Map(stored.map((c) => [c.phrase_id, c]));
  let counted = 0;
  let intact = true;
  for (const card of stored) {
    counted += card.reviews;
    if (!ids.has(card.last_id)) intact = false;
  }
  if (intact && counted === ids.size) return cards;

  const byPhrase = new Map<string, ReviewData[]>();
  for (const r of merge((await db.review.toArray()).map((row) => row.data), pending)) {
    const list = byPhrase.get(r.phrase_id);
    if (list) list.push(r);
    else byPhrase.set(r.phrase_id, [r]);
  }
  const changed: LocalCard[] = [];
  for (const [phrase, list] of byPhrase) {
    const card = cards.get(phrase);
    let last = list[0];
    for (const r of list) if (compareReviews(r, last) > 0) last = r;
    if (card && card.reviews === list.length && card.last_id === last.id) continue;
    const fresh = cardFrom(phrase, list);
    cards.set(phrase, fresh);
    changed.push(fresh);
  }
  const gone = [...cards.keys()].filter((id) => !byPhrase.has(id));
  for (const id of gone) cards.delete(id);
  if (changed.length || gone.length) {
    await db.transaction('rw', db.card, async () => {
      if (changed.length) await db.card.bulkPut(changed);
      if (gone.length) await db.card.bulkDelete(gone);
    });
  }
  return cards;
}

// The card after `review`: one step of the scheduler when the review comes after the card's last
// in replay order (the usual case), else (a clock set back, no card yet) the phrase is replayed
// with it. Nothing is written.
export async function cardAfter(db: MaatjeDB, review: ReviewData): Promise<LocalCard> {
  const card = await db.card.get(review.phrase_id);
  if (card && card.last_id === review.id) return card;
  const after = card && card.state.last_review
    && compareReviews(review, { id: card.last_id, reviewed_at: card.state.last_review, rating: review.rating }) > 0;
  if (card && after) {
    const state = nextState(card.state, review.reviewed_at, review.rating);
    return { phrase_id: review.phrase_id, state, due: state.due, reviews: card.reviews + 1, last_id: review.id };
  }
  const reviews = await reviewsOf(db, review.phrase_id);
  if (!reviews.some((r) => r.id === review.id)) reviews.push(review);
  return cardFrom(review.phrase_id, reviews);
}

// After this phone's own review: its card, stored. A review another device made meanwhile is
// taken in by the next refreshCards (its count no longer matches).
export async function applyOwnReview(db: MaatjeDB, review: ReviewData): Promise<LocalCard> {
  const next = await cardAfter(db, review);
  await db.card.put(next);
  return next;
}
