// Scheduling on the phone: a good answer pushes a phrase out, a missed one brings it back soon;
// and the replay is a pure function of the set of reviews, so two phones that hold the same
// reviews (whatever order they came in, sent twice or not) show the same cards.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { allReviews, applyOwnReview, refreshCards } from '../src/features/practice/cards';
import { emptyCard, nextState, ratingsFor, replay } from '../src/features/practice/fsrs';
import type { MaatjeDB } from '../src/store/db';
import type { Rating, ReviewData } from '../src/types';
import { freshDb } from './helpers';

const DAY = 86400_000;
const T0 = Date.parse('2026-03-02T08:00:00Z');

function review(id: string, phrase: string, at: number, rating: Rating): ReviewData {
  return { id, phrase_id: phrase, rating, mode: 'recall', reviewed_at: new Date(at).toISOString(), by: 'self', match_id: null, card: null };
}

const dbs: MaatjeDB[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});
function db(): MaatjeDB {
  const d = freshDb();
  dbs.push(d);
  return d;
}

async function store(d: MaatjeDB, reviews: ReviewData[]): Promise<void> {
  await d.review.bulkPut(reviews.map((r) => ({ id: r.id, scope: 'user:u', seq: 1, data: r })));
}

describe('scheduling', () => {
  it('a new phrase answered well comes back later than one missed', () => {
    const at = new Date(T0).toISOString();
    const good = nextState(emptyCard(at), at, 3);
    const again = nextState(emptyCard(at), at, 1);
    expect(Date.parse(again.due) - T0).toBeLessThanOrEqual(10 * 60_000); // within the session
    expect(Date.parse(good.due)).toBeGreaterThan(Date.parse(again.due));
    expect(good.reps).toBe(1);
  });

  it('good answers on later days push the phrase out to days, then weeks', () => {
    const reviews = [review('a', 'p', T0, 3), review('b', 'p', T0 + 11 * 60_000, 3), review('c', 'p', T0 + 3 * DAY, 3)];
    const card = replay(reviews);
    expect(card.state).toBe(2); // review
    expect(Date.parse(card.due) - T0 - 3 * DAY).toBeGreaterThan(5 * DAY);
    const missed = replay([...reviews, review('d', 'p', Date.parse(card.due), 1)]);
    expect(missed.lapses).toBe(1);
    expect(Date.parse(missed.due) - Date.parse(card.due)).toBeLessThan(DAY);
  });

  it('two buttons rate again or good; four add hard and easy', () => {
    expect(ratingsFor(2)).toEqual([1, 3]);
    expect(ratingsFor(4)).toEqual([1, 2, 3, 4]);
  });

  it('easy (four buttons) goes further than good, hard less far', () => {
    const base = replay([review('a', 'p', T0, 3), review('b', 'p', T0 + 15 * 60_000, 3)]);
    const later = new Date(Date.parse(base.due)).toISOString();
    const [hard, good, easy] = ([2, 3, 4] as Rating[]).map((r) => Date.parse(nextState(base, later, r).due));
    expect(hard).toBeLessThan(good);
    expect(good).toBeLessThan(easy);
  });

  it('fuzz is a pure function of the reviews: the same history gives the same due on every run', () => {
    // Long intervals are where ts-fsrs adds its spread; replay twice and compare to the millisecond.
    const history = Array.from({ length: 8 }, (_u, k) => review(`r${k}`, 'p', T0 + k * k * 5 * DAY, 3));
    expect(replay(history)).toEqual(replay([...history].reverse()));
    const dues = new Set(Array.from({ length: 5 }, () => replay(history).due));
    expect(dues.size).toBe(1);
  });
});

// Random histories: up to 3 phrases, reviews at random times over 60 days (some at the same
// millisecond), each known to device A, device B or both.
const histories = fc.array(
  fc.record({
    phrase: fc.constantFrom('p1', 'p2', 'org:x'),
    offset: fc.integer({ min: 0, max: 60 * 24 * 12 }).map((k) => k * 5 * 60_000),
    rating: fc.constantFrom<Rating>(1, 2, 3, 4),
    where: fc.constantFrom('a', 'b', 'both'),
  }),
  { minLength: 1, maxLength: 25 },
).map((list) => list.map((r, k) => ({ ...review(`id-${String(k).padStart(2, '0')}`, r.phrase, T0 + r.offset, r.rating), where: r.where })));

function byPhrase(reviews: ReviewData[]): Map<string, ReviewData[]> {
  const out = new Map<string, ReviewData[]>();
  for (const r of reviews) out.set(r.phrase_id, [...(out.get(r.phrase_id) ?? []), r]);
  return out;
}

describe('replay', () => {
  it('two devices merged in any order, with duplicates, equal one device that saw everything', () => {
    fc.assert(fc.property(histories, fc.integer(), (list, seed) => {
      const a = list.filter((r) => r.where !== 'b');
      const b = list.filter((r) => r.where !== 'a');
      const merged = fc.sample(fc.shuffledSubarray([...a, ...b], { minLength: a.length + b.length }), { numRuns: 1, seed })[0];
      for (const [phrase, all] of byPhrase(list)) {
        expect(replay(merged.filter((r) => r.phrase_id === phrase))).toEqual(replay(all));
      }
    }), { numRuns: 300 });
  });

  it('the stored cards after refreshCards are the same on both devices, whatever reached them first', async () => {
    await fc.assert(fc.asyncProperty(histories, async (list) => {
      const a = list.filter((r) => r.where !== 'b');
      const b = list.filter((r) => r.where !== 'a');
      const one = db();
      await store(one, list);
      const expected = await refreshCards(one);
      // Device two: its own reviews first (one at a time, as logged), then the other's in a pull.
      const two = db();
      for (const r of a) {
        await store(two, [r]);
        await applyOwnReview(two, r);
      }
      await refreshCards(two);
      await store(two, [...b].reverse());
      const got = await refreshCards(two);
      expect(got).toEqual(expected);
      expect(await two.card.toArray()).toEqual(await one.card.toArray());
      for (const [phrase, all] of byPhrase(list)) expect(got.get(phrase)?.state).toEqual(replay(all));
    }), { numRuns: 40 });
  }, 60_000); // 40 pairs of IndexedDB databases: slow on a busy machine

  it('takes in a together session\'s review (rated by the buddy, no card) when it arrives', async () => {
    const d = db();
    const own = review('a', 'p1', T0, 3);
    await store(d, [own]);
    await refreshCards(d);
    const together: ReviewData = { ...review('b', 'p1', T0 + DAY, 1), mode: 'together', by: 'buddy', match_id: 'm1' };
    await store(d, [together]);
    const card = (await refreshCards(d)).get('p1');
    expect(card).toMatchObject({ reviews: 2, last_id: 'b', state: replay([own, together]) });
    expect(card?.state.lapses).toBe(0); // a missed phrase in learning: again, not a lapse
    expect(Date.parse(card!.due) - (T0 + DAY)).toBeLessThanOrEqual(10 * 60_000);
  });

  it('a reset (no reviews any more) takes the cards away; queued reviews count before they are sent', async () => {
    const d = db();
    await store(d, [review('a', 'p1', T0, 3)]);
    expect((await refreshCards(d)).has('p1')).toBe(true);
    await d.review.clear();
    await d.outbox.add({ mid: 1, name: 'review.log', args: { ...review('b', 'p2', T0, 1), card: null }, created_at: '' });
    const cards = await refreshCards(d);
    expect([...cards.keys()]).toEqual(['p2']);
    expect((await allReviews(d)).map((r) => r.id)).toEqual(['b']);
  });
});
