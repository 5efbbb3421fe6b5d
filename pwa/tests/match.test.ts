// A proposal on the phone: the answer shows at once (offline too) as pending, only an open
// proposal takes it, the last answer counts, and the catalogues name the shared codes.
import { beforeEach, describe, expect, it } from 'vitest';
import { normaliseCatalogues, label } from '../src/features/catalogues/catalogues';
import { acceptMatch, declineMatch, evaluateMatch } from '../src/features/match/mutations';
import { byRelevance, overlayOffers, type Offer } from '../src/features/match/overlay';
import { watchOffer, watchOffers } from '../src/features/match/queries';
import type { MaatjeDB } from '../src/store/db';
import { pendingMutations } from '../src/sync/outbox';
import type { Watch } from '../src/sync/views';
import type { MatchOfferData, Mutation } from '../src/types';
import { freshDb } from './helpers';

function first<T>(watch: Watch<T>): Promise<T> {
  return new Promise((resolve) => {
    const stop = watch((value) => {
      resolve(value);
      setTimeout(stop);
    });
  });
}

const M1 = '44444444-4444-4444-8444-444444444444';
const M2 = '55555555-5555-4555-8555-555555555555';

function offer(matchId: string, status: MatchOfferData['status'], created_at: string): MatchOfferData {
  return {
    id: `${matchId}:newcomer`, match_id: matchId, status, role: 'newcomer', other_first_name: 'Bram',
    other_municipality: 'Utrecht', shared_languages: ['nl', 'en'], shared_interests: ['cycling'], own_answer: null,
    expires_at: '2026-12-14T10:00:00+00:00', planned_end: null, contact: null, evaluated: false, created_at,
  };
}

const mutation = (mid: number, name: string, args: Record<string, unknown>): Mutation => ({ mid, name, args });

describe('the answer overlay', () => {
  it('shows a queued yes or no on its proposal as pending; the last one counts', () => {
    const base = [offer(M1, 'proposed', '2026-11-30T10:00:00Z')];
    const [accepted] = overlayOffers(base, [mutation(1, 'match.accept', { match_id: M1 })]);
    expect([accepted.own_answer, accepted.pending, accepted.status]).toEqual(['accepted', true, 'proposed']);
    const [declined] = overlayOffers(base, [
      mutation(2, 'match.decline', { match_id: M1, reason: 'no_time' }),
      mutation(1, 'match.accept', { match_id: M1 }),
    ]);
    expect([declined.own_answer, declined.pending]).toEqual(['declined', true]);
  });

  it('leaves other matches, other mutations and closed proposals as the server sent them', () => {
    const base = [offer(M1, 'withdrawn', '2026-11-30T10:00:00Z'), offer(M2, 'proposed', '2026-11-29T10:00:00Z')];
    const shown = overlayOffers(base, [mutation(1, 'match.accept', { match_id: M1 }), mutation(2, 'profile.update', { match_id: M2 })]);
    expect(shown.map((o) => [o.match_id, o.own_answer, o.pending])).toEqual([[M1, null, false], [M2, null, false]]);
  });

  it('puts the open proposal first, then the active match, closed ones last', () => {
    const offers: Offer[] = [
      { ...offer(M1, 'ended', '2026-11-30T10:00:00Z'), pending: false, endPending: false, evaluationPending: false },
      { ...offer(M2, 'active', '2026-10-01T10:00:00Z'), pending: false, endPending: false, evaluationPending: false },
      { ...offer('m3', 'proposed', '2026-09-01T10:00:00Z'), pending: false, endPending: false, evaluationPending: false },
    ];
    expect(byRelevance(offers).map((o) => o.status)).toEqual(['proposed', 'active', 'ended']);
  });
});

describe('ending and evaluating', () => {
  it('shows a queued end on a running match and a queued evaluation on an ended one', () => {
    const base = [offer(M1, 'active', '2026-11-30T10:00:00Z'), offer(M2, 'ended', '2026-11-29T10:00:00Z')];
    const shown = overlayOffers(base, [
      mutation(1, 'match.end', { match_id: M1, reason: 'moved' }),
      mutation(2, 'match.evaluate', { match_id: M2, rating: 4, avoid: false }),
    ]);
    expect(shown.map((o) => [o.status, o.endPending, o.evaluated, o.evaluationPending])).toEqual([
      ['active', true, false, false], // ended only once the server says so
      ['ended', false, true, true],
    ]);
  });

  it('ignores an end for a match that is no longer running and a second evaluation', () => {
    const base = [offer(M1, 'ended', '2026-11-30T10:00:00Z'), { ...offer(M2, 'ended', '2026-11-29T10:00:00Z'), evaluated: true }];
    const shown = overlayOffers(base, [
      mutation(1, 'match.end', { match_id: M1, reason: 'moved' }),
      mutation(2, 'match.evaluate', { match_id: M2, avoid: true }),
    ]);
    expect(shown.map((o) => [o.endPending, o.evaluationPending])).toEqual([[false, false], [false, false]]);
  });
});

describe('answering on the phone', () => {
  let db: MaatjeDB;
  beforeEach(async () => {
    db = freshDb();
    await db.match_offer.put({ id: `${M1}:newcomer`, scope: 'user:a', seq: 1, data: offer(M1, 'proposed', '2026-11-30T10:00:00Z') });
  });

  it('queues match.accept with the match id and shows the answer before it is sent', async () => {
    await acceptMatch(db, M1);
    expect((await pendingMutations(db)).map((m) => [m.name, m.args])).toEqual([['match.accept', { match_id: M1 }]]);
    const shown = await first(watchOffer(db, M1));
    expect([shown?.own_answer, shown?.pending]).toEqual(['accepted', true]);
    expect((await db.match_offer.get(`${M1}:newcomer`))?.data.own_answer).toBeNull(); // the base waits for the server
  });

  it('sends a decline reason and note only when given', async () => {
    await declineMatch(db, M1, null, '  ');
    await declineMatch(db, M1, 'distance', 'Te ver met de bus');
    expect((await pendingMutations(db)).map((m) => m.args)).toEqual([
      { match_id: M1 },
      { match_id: M1, reason: 'distance', note: 'Te ver met de bus' },
    ]);
    expect((await first(watchOffers(db)))[0].own_answer).toBe('declined');
  });

  it('sends an evaluation with avoid always, rating and comment only when given', async () => {
    await evaluateMatch(db, M1, null, '', true);
    await evaluateMatch(db, M1, 5, ' Fijn! ', false);
    expect((await pendingMutations(db)).map((m) => [m.name, m.args])).toEqual([
      ['match.evaluate', { match_id: M1, avoid: true }],
      ['match.evaluate', { match_id: M1, avoid: false, rating: 5, comment: 'Fijn!' }],
    ]);
  });
});

describe('catalogues', () => {
  it('reads the server\'s [{code, label}] lists and goals per domain; an unknown code shows as itself', () => {
    const catalogues = normaliseCatalogues({
      languages: [{ code: 'nl', label: 'Nederlands' }, { code: 'ar', label: 'Arabisch' }],
      goals: { taal: [{ code: 'speaking', label: 'Nederlands spreken' }] },
      privacy_version: '2026-1',
    });
    expect(catalogues.languages).toEqual({ nl: 'Nederlands', ar: 'Arabisch' });
    expect(catalogues.goals.taal).toEqual({ speaking: 'Nederlands spreken' });
    expect(catalogues.interests).toEqual({});
    expect(catalogues.privacy_version).toBe('2026-1');
    expect(label(catalogues.languages, 'ti')).toBe('ti');
  });
});
