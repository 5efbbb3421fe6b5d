// A practice session's rounds (features/practice/plan.ts): which cards, in which mode, and that a
// new phrase comes back in the same session until it is remembered, then not again today.
import { describe, expect, it } from 'vitest';
import { replay } from '../src/features/practice/fsrs';
import { modeFor, sessionPlan } from '../src/features/practice/plan';
import { DEFAULT_SETTINGS } from '../src/features/practice/settings';
import type { Practice } from '../src/features/practice/usePractice';
import type { LocalCard } from '../src/store/db';
import type { ContentPhrase, PracticeMode, Rating, ReviewData } from '../src/types';

const NOW = new Date('2026-12-01T09:00:00Z');

function phrase(id: string, extra: Partial<ContentPhrase> = {}): ContentPhrase {
  return { id, nl: `Zin ${id}`, theme: id.split('.')[0], level: 'A0', t: `Phrase ${id}`, ...extra };
}

const PHRASES = [phrase('kennismaken.a'), phrase('kennismaken.b'), phrase('kennismaken.c'), phrase('wonen.a')];

function practice(reviews: ReviewData[], settings = {}): Practice {
  const cards = new Map<string, LocalCard>();
  for (const id of new Set(reviews.map((r) => r.phrase_id))) {
    const own = reviews.filter((r) => r.phrase_id === id);
    const state = replay(own);
    cards.set(id, { phrase_id: id, state, due: state.due, reviews: own.length, last_id: own[own.length - 1].id });
  }
  return {
    catalogue: { lang: 'en', dir: 'ltr', version: 'x', themes: [], phrases: PHRASES },
    phrases: PHRASES, orgPhrases: [], settings: { ...DEFAULT_SETTINGS, ...settings }, reviews, cards, waiting: 0,
  };
}

let n = 0;
function rate(ids: string[], rating: Rating, at: Date): ReviewData[] {
  return ids.map((phrase_id) => ({
    id: `r${++n}`, phrase_id, rating, mode: 'recognise', reviewed_at: at.toISOString(), by: 'self', match_id: null, card: null,
  }));
}

describe('the mode of a card', () => {
  const all: PracticeMode[] = ['recognise', 'recall', 'listen', 'type'];

  it('shows a new phrase before asking for it', () => {
    expect(modeFor(all, true, phrase('x.a'), 3)).toBe('recognise');
    expect(modeFor(['recall', 'listen'], true, phrase('x.a'), 0)).toBe('listen');
    expect(modeFor(['type'], true, phrase('x.a'), 0)).toBe('type'); // the user chose only typing
  });

  it('takes the chosen modes in turn for phrases seen before', () => {
    expect([0, 1, 2, 3, 4].map((i) => modeFor(all, false, phrase('x.a'), i))).toEqual([...all, 'recognise']);
  });

  it('never asks from a translation that is not there', () => {
    const bare = phrase('x.a', { t: undefined });
    expect(modeFor(['recall'], false, bare, 0)).toBe('recognise');
    expect(modeFor(['type'], false, bare, 0)).toBe('recognise');
    expect(modeFor(['type'], false, { ...bare, tts: '0a1b2c3d' }, 0)).toBe('type'); // typed from the voice
  });
});

describe('a session', () => {
  it('starts with the new phrases allowed today, and only those', () => {
    const steps = sessionPlan(practice([], { new_per_day: 2 }), NOW, null, true);
    expect(steps.map((s) => [s.phrase_id, s.fresh])).toEqual([['kennismaken.a', true], ['kennismaken.b', true]]);
  });

  it('brings a new phrase back in a second round, and then leaves it for another day', () => {
    const first = sessionPlan(practice([], { new_per_day: 2 }), NOW, null, true).map((s) => s.phrase_id);
    const once = rate(first, 3, NOW);
    const second = sessionPlan(practice(once, { new_per_day: 2 }), new Date(NOW.getTime() + 60_000), null, false);
    expect(second.map((s) => [s.phrase_id, s.fresh])).toEqual([['kennismaken.a', false], ['kennismaken.b', false]]);
    const twice = [...once, ...rate(first, 3, new Date(NOW.getTime() + 120_000))];
    expect(sessionPlan(practice(twice, { new_per_day: 2 }), new Date(NOW.getTime() + 180_000), null, false)).toEqual([]);
  });

  it('practises a chosen theme ahead of time when nothing of it is due, in its first round only', () => {
    const done = [...rate(['wonen.a'], 3, new Date('2026-11-20T09:00:00Z')), ...rate(['wonen.a'], 3, new Date('2026-11-20T09:05:00Z'))];
    const p = practice([...done, ...rate(['wonen.a'], 4, new Date('2026-11-30T09:00:00Z'))], { new_per_day: 0 });
    expect(p.cards.get('wonen.a')!.due > '2026-12-02').toBe(true);
    expect(sessionPlan(p, NOW, 'wonen', true).map((s) => s.phrase_id)).toEqual(['wonen.a']);
    expect(sessionPlan(p, NOW, 'wonen', false)).toEqual([]);
    expect(sessionPlan(p, NOW, null, true)).toEqual([]); // without a theme nothing is pushed forward
  });
});
