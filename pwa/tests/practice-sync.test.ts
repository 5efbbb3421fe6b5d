// Through the real server: Anna practises on her phone and her tablet, both offline, then each
// syncs. Afterwards both hold every review and the same card of every phrase, and both offer the
// same practice for today.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as twin from '../src/api.testing';
import { server } from '../src/api.testing';
import { allReviews, refreshCards } from '../src/features/practice/cards';
import { replay } from '../src/features/practice/fsrs';
import { logReview } from '../src/features/practice/mutations';
import { buildQueue, dayStats } from '../src/features/practice/queue';
import { DEFAULT_SETTINGS } from '../src/features/practice/settings';
import type { MaatjeDB } from '../src/store/db';
import { syncOnce } from '../src/sync/engine';
import type { Rating } from '../src/types';
import { freshDb, seedServer, signedIn } from './helpers';

const ORG_PHRASE = 'org:5a7e0c1d-1111-4111-8111-0123456789ab'; // a branch's own phrase

afterEach(() => {
  vi.useRealTimers();
});

describe('two devices of one newcomer', () => {
  it('log reviews offline, push and pull, and then hold the same cards and the same day', async () => {
    const { anna } = await seedServer(); // logged in on "phone"
    const phone = await signedIn(freshDb(), anna);
    const tablet = await signedIn(freshDb(), anna);
    server.useDevice('tablet');
    await twin.login('anna@example.nl', 'pw');
    const sync = async (db: MaatjeDB) => {
      server.useDevice(db === tablet ? 'tablet' : 'phone');
      try {
        return await syncOnce(db);
      } finally {
        server.useDevice('phone');
      }
    };
    await sync(phone);
    await sync(tablet);

    server.offline = true;
    const start = Date.now() - 3 * 86400_000;
    const at = (minutes: number) => vi.setSystemTime(new Date(start + minutes * 60_000));
    vi.useFakeTimers({ toFake: ['Date'] });
    const log = (db: MaatjeDB, phrase_id: string, rating: Rating) => logReview(db, { phrase_id, rating, mode: 'recall' });
    // The same phrase on both, interleaved in time: each device saw only its own half.
    at(0); await log(phone, 'kennismaken.hoe-heet-je', 3);
    at(2); await log(tablet, 'kennismaken.hoe-heet-je', 1);
    at(15); await log(phone, 'kennismaken.hoe-heet-je', 3);
    at(1440); await log(tablet, 'kennismaken.hoe-heet-je', 3);
    at(1441); await log(phone, 'winkel.wat-kost-dit', 4);
    at(2880); await log(tablet, ORG_PHRASE, 2);
    vi.useRealTimers();
    expect(await sync(phone)).toBe('offline');
    server.offline = false;

    await sync(phone);
    await sync(tablet);
    await sync(phone);

    const [phoneCards, tabletCards] = [await refreshCards(phone), await refreshCards(tablet)];
    expect(phoneCards.size).toBe(3);
    expect(tabletCards).toEqual(phoneCards);
    const reviews = await allReviews(phone);
    expect(reviews).toHaveLength(6);
    expect(await phone.outbox.count()).toBe(0);
    expect(await tablet.outbox.count()).toBe(0);
    const both = reviews.filter((r) => r.phrase_id === 'kennismaken.hoe-heet-je');
    expect(phoneCards.get('kennismaken.hoe-heet-je')?.state).toEqual(replay(both));

    const order = ['kennismaken.hoe-heet-je', 'kennismaken.hoe-gaat-het', 'winkel.wat-kost-dit', ORG_PHRASE, 'winkel.dank-je'];
    const now = new Date();
    const queueOf = async (db: MaatjeDB, cards: typeof phoneCards) => {
      const stats = dayStats(await allReviews(db), now);
      return buildQueue({ cards, order, settings: DEFAULT_SETTINGS, now, ...stats });
    };
    const [phoneQueue, tabletQueue] = [await queueOf(phone, phoneCards), await queueOf(tablet, tabletCards)];
    expect(tabletQueue).toEqual(phoneQueue);
    expect(phoneQueue.fresh).toEqual(['kennismaken.hoe-gaat-het', 'winkel.dank-je']);
  });
});
