// The one scheduler (docs/phrases.md "Scheduling"): ts-fsrs with fixed parameters, and the only
// place that converts between our JSON CardState (ISO strings) and ts-fsrs's Card (Dates).
import type { CardState, Rating, ReviewData } from '../../types';

export function emptyCard(now?: string): CardState {
  // TODO(praccore): filled in below the skeleton commit
  void now;
  throw new Error('not yet');
}

export function nextState(card: CardState, at: string, rating: Rating): CardState {
  void card; void at; void rating;
  throw new Error('not yet');
}

export function replay(reviews: Pick<ReviewData, 'id' | 'reviewed_at' | 'rating'>[]): CardState {
  void reviews;
  throw new Error('not yet');
}
