// Practising together: the deck a session goes through, how long it counts, and against the real
// server: the buddy's ratings, queued offline, become the newcomer's reviews (with consent only),
// and the session becomes the pair's activity.
import { describe, expect, it } from 'vitest';
import { enqueue } from '../src/sync/outbox';
import { buildDeck, MIXED, sessionMinutes, tally, themesWithPhrases } from '../src/features/together/deck';
import { logTogetherSession, rateTogether } from '../src/features/together/mutations';
import type { ContentPhrase, Level } from '../src/types';
import { pairOnServer, today } from './pair';

const phrase = (id: string, theme: string, level: Level): ContentPhrase => ({ id, nl: id, theme, level });
const ORG_PHRASE = 'org:5b0e8a7c-1d2e-4f30-9a1b-2c3d4e5f6071'; // a branch's own phrase
const PHRASES = [
  phrase('a.b1', 'a', 'B1'), phrase('a.a0', 'a', 'A0'), phrase('a.a1', 'a', 'A1'), phrase('a.a0b', 'a', 'A0'),
  ...Array.from({ length: 30 }, (_, i) => phrase(`b.${i}`, 'b', i % 2 ? 'A1' : 'A2')),
];

// A fixed sequence instead of Math.random, so a test sees the same shuffle every run.
function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}

describe('the deck of a together session', () => {
  it('takes every phrase of the chosen theme once, the easier levels first', () => {
    const deck = buildDeck(PHRASES, 'a', seeded(7));
    expect([...deck].sort()).toEqual(['a.a0', 'a.a0b', 'a.a1', 'a.b1']);
    expect(deck.slice(0, 2).sort()).toEqual(['a.a0', 'a.a0b']);
    expect(deck.slice(2)).toEqual(['a.a1', 'a.b1']);
  });

  it('mixes twenty phrases of all themes, no phrase twice, easier first', () => {
    const deck = buildDeck(PHRASES, MIXED, seeded(3));
    expect(deck).toHaveLength(20);
    expect(new Set(deck).size).toBe(20);
    const levels = deck.map((id) => PHRASES.find((p) => p.id === id)!.level);
    expect(levels).toEqual([...levels].sort());
  });

  it('offers only themes that have phrases, in the catalogue order', () => {
    const themes = [{ code: 'b', label: 'B' }, { code: 'empty', label: 'E' }, { code: 'a', label: 'A' }];
    expect(themesWithPhrases(themes, PHRASES).map((t) => t.code)).toEqual(['b', 'a']);
  });

  it('counts a session of two minutes as five, and of two hours and a bit as its minutes', () => {
    const start = new Date('2026-11-30T10:00:00Z');
    expect(sessionMinutes(start, new Date('2026-11-30T10:02:00Z'))).toBe(5);
    expect(sessionMinutes(start, new Date('2026-11-30T12:07:29Z'))).toBe(127);
    expect(sessionMinutes(start, new Date('2026-12-01T10:00:00Z'))).toBe(720);
    expect(tally([1, 3, 3, 1, 4])).toEqual({ total: 5, again: 2 });
  });
});

describe('a together session against the server', () => {
  it("turns the buddy's offline ratings into the newcomer's reviews and logs the session once", async () => {
    const { matchId, anna, bram, sync } = await pairOnServer();
    await enqueue(anna, 'practice.settings', { together: true });
    await sync(anna);
    await sync(bram);
    expect((await bram.practice_share.get(matchId))?.data.together).toBe(true);

    // Offline: three ratings and the end of the session wait in the buddy's outbox.
    const started = new Date(Date.now() - 12 * 60_000);
    for (const [id, rating] of [['kennismaken.hoe-heet-je', 3], ['kennismaken.ik-heet', 1], [ORG_PHRASE, 3]] as const) {
      await rateTogether(bram, matchId, id, rating);
    }
    await logTogetherSession(bram, matchId, started);
    expect(await bram.outbox.count()).toBe(4);
    await sync(bram);
    await sync(anna);

    const reviews = (await anna.review.toArray()).map((r) => r.data);
    expect(reviews.map((r) => [r.phrase_id, r.rating, r.by, r.mode]).sort()).toEqual([
      ['kennismaken.hoe-heet-je', 3, 'buddy', 'together'],
      ['kennismaken.ik-heet', 1, 'buddy', 'together'],
      [ORG_PHRASE, 3, 'buddy', 'together'],
    ]);
    expect(await bram.review.count()).toBe(0); // the buddy never holds the newcomer's reviews
    const activities = (await anna.activity.toArray()).map((r) => r.data);
    expect(activities.map((a) => [a.type, a.day, a.minutes, a.initiative])).toEqual([['phrases', today(), 12, 'both']]);
  });

  it('without consent the ratings are refused with a notice, and nothing reaches the newcomer', async () => {
    const { matchId, anna, bram, sync } = await pairOnServer();
    await rateTogether(bram, matchId, 'kennismaken.hoe-heet-je', 3);
    await sync(bram);
    await sync(anna);
    expect(await anna.review.count()).toBe(0);
    const notices = (await bram.notice.toArray()).map((r) => r.data);
    expect(notices.some((n) => n.mutation === 'review.together')).toBe(true);
  });
});
