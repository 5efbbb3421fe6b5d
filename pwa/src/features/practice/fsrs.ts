// The one scheduler (docs/phrases.md "Scheduling"): ts-fsrs with fixed parameters, and the only
// place that converts between our JSON CardState (ISO strings) and ts-fsrs's Card (Dates).
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import type { CardState, Rating, ReviewData } from '../../types';

// Fixed for every device: a card's state is only the same everywhere if every phone schedules
// with the same parameters. Changing one changes every replayed card (say so in the release).
// - request_retention 0.9: ts-fsrs's default; a newcomer remembers 9 of 10 due phrases.
// - maximum_interval 365 days: a phrase of daily life is seen at least once a year.
// - learning steps 1 and 10 minutes, relearning 10 minutes (ts-fsrs's defaults): a missed phrase
//   comes back in the same session.
// - fuzz on: intervals get a small random spread so the phrases learnt on one day do not all fall
//   due on the same later day. ts-fsrs seeds it from the review's time, the card's reps and
//   difficulty x stability, all part of the replayed state, so it stays a pure function of the
//   reviews (tests/practice-fsrs.test.ts checks that).
// - default weights (FSRS-6 as shipped with ts-fsrs 5): there is no per-user training.
export const PARAMETERS = {
  request_retention: 0.9,
  maximum_interval: 365,
  enable_fuzz: true,
  enable_short_term: true,
  learning_steps: ['1m', '10m'] as const,
  relearning_steps: ['10m'] as const,
};

const scheduler = fsrs({
  ...PARAMETERS,
  learning_steps: [...PARAMETERS.learning_steps],
  relearning_steps: [...PARAMETERS.relearning_steps],
});

function toCard(state: CardState): Card {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsed_days,
    scheduled_days: state.scheduled_days,
    learning_steps: state.learning_steps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.last_review ? new Date(state.last_review) : undefined,
  };
}

function fromCard(card: Card): CardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState['state'],
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

export function emptyCard(now: string = new Date().toISOString()): CardState {
  return fromCard(createEmptyCard(new Date(now)));
}

export function nextState(card: CardState, at: string, rating: Rating): CardState {
  return fromCard(scheduler.next(toCard(card), new Date(at), rating as Grade).card);
}

// The ratings the answer buttons give: "Nog een keer" and "Goed" by default, all four (again,
// hard, good, easy) with the setting `buttons` 4.
export function ratingsFor(buttons: 2 | 4): Rating[] {
  return buttons === 4 ? [1, 2, 3, 4] : [1, 3];
}

type Replayable = Pick<ReviewData, 'id' | 'reviewed_at' | 'rating'>;

// Replay order: by time, then id (two reviews in the same millisecond still have one order).
// Times are compared as instants, so "…Z" and "+00:00" spellings of one moment sort together.
export function compareReviews(a: Replayable, b: Replayable): number {
  return Date.parse(a.reviewed_at) - Date.parse(b.reviewed_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// The state after a set of reviews of one phrase (duplicates by id count once), from an empty
// card made at the first review's time. Pure: the same set gives the same state on any device.
export function replay(reviews: Replayable[]): CardState {
  const unique = [...new Map(reviews.map((r) => [r.id, r])).values()].sort(compareReviews);
  if (unique.length === 0) return emptyCard();
  let card = emptyCard(unique[0].reviewed_at);
  for (const review of unique) card = nextState(card, review.reviewed_at, review.rating);
  return card;
}
