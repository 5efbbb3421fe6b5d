// The day's practice: the caps a newcomer set, what they already did today, the backlog after a
// week away spread over the next days, the streak that forgives one missed day, the summary.
import { describe, expect, it } from 'vitest';
import { spreadDays } from '../src/features/practice/backlog';
import { emptyCard } from '../src/features/practice/fsrs';
import { progressSummary } from '../src/features/practice/progress';
import { buildQueue, dayStats, nextCard, type QueueInput } from '../src/features/practice/queue';
import { DEFAULT_SETTINGS } from '../src/features/practice/settings';
import { streak } from '../src/features/practice/streak';
import type { LocalCard } from '../src/store/db';
import type { ContentCatalogue, ReviewData } from '../src/types';

// Noon in Amsterdam on Wednesday 11 March 2026 (winter time, UTC+1).
const NOW = new Date('2026-03-11T11:00:00Z');
const DAY = 86400_000;

// A card in review, last seen `seenDaysAgo` days ago, due `dueInDays` days from NOW (negative: overdue).
function card(id: string, dueInDays: number, seenDaysAgo = 10, stability = 5): LocalCard {
  const state = { ...emptyCard('2026-01-01T10:00:00Z'), state: 2 as const, stability, reps: 3,
    due: new Date(NOW.getTime() + dueInDays * DAY).toISOString(), last_review: new Date(NOW.getTime() - seenDaysAgo * DAY).toISOString() };
  return { phrase_id: id, state, due: state.due, reviews: 3, last_id: `${id}-r` };
}

function input(cards: LocalCard[], extra: Partial<QueueInput> = {}, orderSize = 400): QueueInput {
  const order = [...cards.map((c) => c.phrase_id), ...Array.from({ length: orderSize }, (_u, k) => `new${k}`)];
  return { cards: new Map(cards.map((c) => [c.phrase_id, c])), order, doneToday: { fresh: 0, reviews: 0 },
    settings: DEFAULT_SETTINGS, now: NOW, lastPracticeDay: '2026-03-10', ...extra };
}

describe('the daily queue', () => {
  it('offers the cards due today, most overdue first, and new phrases in catalogue order up to the caps', () => {
    const q = buildQueue(input([card('later', 0.4), card('first', -0.2), card('tomorrow', 1)]));
    expect(q.due).toEqual(['first', 'later']); // due later today counts: the day is the unit
    expect(q.fresh).toEqual(Array.from({ length: 10 }, (_u, k) => `new${k}`));
    expect(q.waiting).toBe(0);
    expect(nextCard(q)).toEqual({ phrase_id: 'first', fresh: false });
    expect(nextCard(q, new Set(['first', 'later']))).toEqual({ phrase_id: 'new0', fresh: true });
  });

  it('holds back what is over the caps, minus what was done today', () => {
    const cards = Array.from({ length: 80 }, (_u, k) => card(`c${k}`, -k / 100));
    const q = buildQueue(input(cards, { settings: { ...DEFAULT_SETTINGS, new_per_day: 5, reviews_per_day: 60 }, doneToday: { fresh: 3, reviews: 50 } }));
    expect(q.due).toHaveLength(10);
    expect(q.fresh).toEqual(['new0', 'new1']);
    expect(q.waiting).toBe(70);
    const done = buildQueue(input(cards, { doneToday: { fresh: 12, reviews: 70 } }));
    expect(done).toEqual({ due: [], fresh: [], waiting: 80 });
    expect(nextCard(done)).toBeNull();
  });

  it('brings a phrase missed today back the same day, whatever the cap', () => {
    const missed = card('missed', 10 / 1440, 0); // seen a minute ago, due again in ten minutes
    const q = buildQueue(input([missed, card('c', -1)], { doneToday: { fresh: 0, reviews: 60 } }));
    expect(q.due).toEqual(['missed']);
  });

  it('skips a phrase no longer practised (a deleted branch phrase)', () => {
    const i = input([card('org:gone', -1)]);
    i.order = i.order.filter((id) => id !== 'org:gone');
    expect(buildQueue(i).due).toEqual([]);
  });

  it('after seven days away with 140 due, spreads the backlog: today 20 of it plus today\'s own', () => {
    const backlog = Array.from({ length: 140 }, (_u, k) => card(`b${String(k).padStart(3, '0')}`, -1 - (k % 7), 20));
    const today = [card('t1', 0.1, 20), card('t2', 0.2, 20)];
    const q = buildQueue(input([...backlog, ...today], { lastPracticeDay: '2026-03-03' }));
    expect(spreadDays('2026-03-11', '2026-03-03')).toBe(7);
    expect(q.due).toHaveLength(22);
    expect(q.due.slice(-2)).toEqual(['t1', 't2']);
    // most overdue first: the 20 that fell due first (7 days ago)
    expect(q.due.slice(0, 20).every((id) => backlog.find((c) => c.phrase_id === id)!.due <= new Date(NOW.getTime() - 5 * DAY).toISOString())).toBe(true);
    expect(q.waiting).toBe(120);
    // the next day (practised yesterday) the cap alone keeps it gentle
    const next = buildQueue(input([...backlog.slice(20)], { now: new Date(NOW.getTime() + DAY), lastPracticeDay: '2026-03-11' }));
    expect(next.due).toHaveLength(60);
  });

  it('does not spread after one day off, and spreads at most over a week', () => {
    expect(spreadDays('2026-03-11', '2026-03-10')).toBe(1);
    expect(spreadDays('2026-03-11', '2026-03-09')).toBe(2);
    expect(spreadDays('2026-03-11', '2025-12-01')).toBe(7);
    expect(spreadDays('2026-03-11', null)).toBe(1);
  });
});

function review(id: string, phrase: string, at: string): ReviewData {
  return { id, phrase_id: phrase, rating: 3, mode: 'recall', reviewed_at: at, by: 'self', match_id: null, card: null };
}

describe('what was done today', () => {
  it('counts phrases started and reviewed today (Amsterdam), and the last day before today', () => {
    const stats = dayStats([
      review('1', 'old', '2026-03-02T10:00:00Z'), review('2', 'old', '2026-03-10T23:30:00Z'), // 00:30 on the 11th in Amsterdam
      review('3', 'new', '2026-03-11T08:00:00Z'), review('4', 'new', '2026-03-11T08:05:00Z'),
      review('5', 'other', '2026-03-10T22:30:00Z'), review('6', 'other', '2026-03-09T12:00:00Z'),
    ], NOW);
    expect(stats.doneToday).toEqual({ fresh: 1, reviews: 1 });
    expect(stats.lastPracticeDay).toBe('2026-03-10');
  });
});

describe('the streak', () => {
  it('counts practice days, forgiving one missed day between two', () => {
    expect(streak(['2026-03-09', '2026-03-10', '2026-03-11'], '2026-03-11')).toBe(3);
    expect(streak(['2026-03-07', '2026-03-09', '2026-03-11'], '2026-03-11')).toBe(3);
    expect(streak(['2026-03-06', '2026-03-09', '2026-03-10'], '2026-03-11')).toBe(2); // two missed: a new streak
  });

  it('is not ended by today before practising; two missed days end it', () => {
    expect(streak(['2026-03-09', '2026-03-10'], '2026-03-11')).toBe(2);
    expect(streak(['2026-03-08', '2026-03-09'], '2026-03-11')).toBe(2); // yesterday forgiven
    expect(streak(['2026-03-07', '2026-03-08'], '2026-03-11')).toBe(0);
    expect(streak([], '2026-03-11')).toBe(0);
  });
});

describe('the progress summary', () => {
  const catalogue: ContentCatalogue = {
    lang: 'ar', dir: 'rtl', version: 'v1',
    themes: [{ code: 'kennismaken', label: 'تعارف' }, { code: 'winkel', label: 'متجر' }],
    phrases: [
      { id: 'kennismaken.a', nl: 'A', theme: 'kennismaken', level: 'A0' },
      { id: 'kennismaken.b', nl: 'B', theme: 'kennismaken', level: 'A0' },
      { id: 'winkel.c', nl: 'C', theme: 'winkel', level: 'A1' },
    ],
  };

  it('reports due today, the streak, eight weeks of reviews and mastery per theme', () => {
    const reviews = [
      review('1', 'kennismaken.a', '2026-03-11T08:00:00Z'), review('2', 'kennismaken.b', '2026-03-10T08:00:00Z'),
      review('3', 'kennismaken.a', '2026-03-09T08:00:00Z'), // Monday: this week
      review('4', 'kennismaken.a', '2026-03-08T08:00:00Z'), // Sunday: last week
      review('5', 'kennismaken.a', '2026-01-05T08:00:00Z'), // ten weeks ago: not in the chart
    ];
    const cards = new Map([
      ['kennismaken.a', card('kennismaken.a', 30, 0, 25)],
      ['kennismaken.b', card('kennismaken.b', -1, 1, 2)],
    ]);
    const summary = progressSummary(cards, reviews, catalogue, NOW);
    expect(summary.weeks).toEqual([0, 0, 0, 0, 0, 0, 1, 3]);
    expect(summary.streak).toBe(4);
    expect(summary.themes).toEqual({ kennismaken: { started: 2, mastered: 1 }, winkel: { started: 0, mastered: 0 } });
    expect(summary.due_today).toBe(2); // kennismaken.b to review, winkel.c new
    expect(summary.at).toBe(NOW.toISOString());
  });
});
