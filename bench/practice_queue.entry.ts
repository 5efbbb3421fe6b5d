// Bundled by bench/practice_queue.py (rolldown) and run in Chromium: the practice core as the
// practice screen uses it, against the browser's real IndexedDB. Exposes window.practiceBench.
import { refreshCards } from '../pwa/src/features/practice/cards';
import { replay } from '../pwa/src/features/practice/fsrs';
import { logReview } from '../pwa/src/features/practice/mutations';
import { buildQueue, dayStats, nextCard } from '../pwa/src/features/practice/queue';
import { DEFAULT_SETTINGS } from '../pwa/src/features/practice/settings';
import { MaatjeDB, type LocalCard } from '../pwa/src/store/db';
import type { Rating, ReviewData } from '../pwa/src/types';

const DAY = 86400_000;

// A small deterministic generator: the same histories in every run.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let db: MaatjeDB;
let cards: Map<string, LocalCard>;
let order: string[];

// `cards` phrases with 1-15 reviews each over the last 180 days (each review when the card was
// due, as a newcomer practising would), plus 300 phrases not started; every review stored as
// the pull stores it. Returns the review count and the time refreshCards took to build the cards.
async function seed(count: number): Promise<{ reviews: number; refreshMs: number; refreshAgainMs: number }> {
  await new MaatjeDB('maatje-bench').delete();
  db = new MaatjeDB('maatje-bench');
  const rand = random(7);
  const now = Date.now();
  const rows = [];
  for (let p = 0; p < count; p++) {
    const phrase = `thema${p % 15}.zin-${p}`;
    let at = now - (60 + rand() * 120) * DAY;
    const history: ReviewData[] = [];
    const n = 1 + Math.floor(rand() * 15);
    for (let k = 0; k < n && at < now - 60_000; k++) {
      const rating = (rand() < 0.15 ? 1 : rand() < 0.1 ? 2 : rand() < 0.9 ? 3 : 4) as Rating;
      history.push({ id: `${p}-${k}-${Math.floor(rand() * 1e9)}`, phrase_id: phrase, rating, mode: 'recall',
        reviewed_at: new Date(at).toISOString(), by: 'self', match_id: null, card: null });
      const due = Date.parse(replay(history).due);
      at = Math.max(at + 60_000, due + rand() * 2 * DAY);
    }
    for (const r of history) rows.push({ id: r.id, scope: 'user:bench', seq: rows.length + 1, data: r });
  }
  await db.review.bulkPut(rows);
  order = [...new Set(rows.map((r) => r.data.phrase_id))];
  for (let k = 0; k < 300; k++) order.push(`nieuw.zin-${k}`);
  let t = performance.now();
  cards = await refreshCards(db);
  const refreshMs = performance.now() - t;
  t = performance.now();
  await refreshCards(db);
  return { reviews: rows.length, refreshMs, refreshAgainMs: performance.now() - t };
}

// One practice session of `count` answers, each timed: build today's queue from the in-memory
// cards, pick the next card, log the answer (card after it, review.log queued, card stored).
async function session(count: number): Promise<{ medianMs: number; queueMs: number; due: number; times: number[] }> {
  const rand = random(11);
  const stats = dayStats((await db.review.toArray()).map((r) => r.data), new Date());
  const done = { ...stats.doneToday };
  const settings = { ...DEFAULT_SETTINGS, new_per_day: 50, reviews_per_day: 500 };
  const times: number[] = [];
  const queueTimes: number[] = [];
  let due = -1;
  const recent: string[] = [];
  for (let k = 0; k < count; k++) {
    const t0 = performance.now();
    const queue = buildQueue({ cards, order, doneToday: done, settings, now: new Date(), lastPracticeDay: stats.lastPracticeDay });
    if (due < 0) due = queue.due.length;
    const next = nextCard(queue, new Set(recent));
    if (!next) throw new Error('the queue ran dry');
    const t1 = performance.now();
    const rating = (rand() < 0.2 ? 1 : 3) as Rating;
    const review = await logReview(db, { phrase_id: next.phrase_id, rating, mode: 'recall' });
    const old = cards.get(next.phrase_id);
    cards.set(next.phrase_id, { phrase_id: next.phrase_id, state: review.card!, due: review.card!.due,
      reviews: (old?.reviews ?? 0) + 1, last_id: review.id });
    times.push(performance.now() - t0);
    queueTimes.push(t1 - t0);
    if (next.fresh) done.fresh += 1;
    else done.reviews += 1;
    recent.push(next.phrase_id);
    if (recent.length > 3) recent.shift();
  }
  const stored = await db.card.get(recent[recent.length - 1]);
  if (stored?.last_id !== cards.get(recent[recent.length - 1])?.last_id) throw new Error('card table out of step');
  return { medianMs: median(times), queueMs: median(queueTimes), due, times };
}

// The least an IndexedDB write costs: one row put into an empty store, one transaction, with
// the bare API (no Dexie).
async function baseline(count: number): Promise<number> {
  const request = (r: IDBRequest | IDBOpenDBRequest) => new Promise<unknown>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  await request(indexedDB.deleteDatabase('maatje-bench-baseline'));
  const open = indexedDB.open('maatje-bench-baseline', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('row', { keyPath: 'id' });
  const bare = (await request(open)) as IDBDatabase;
  const put = (row: object) => new Promise<void>((resolve, reject) => {
    const tx = bare.transaction('row', 'readwrite');
    tx.objectStore('row').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const times: number[] = [];
  for (let k = 0; k < count; k++) {
    const t0 = performance.now();
    await put({ id: 'r', at: new Date().toISOString() });
    times.push(performance.now() - t0);
  }
  bare.close();
  return median(times);
}

(window as unknown as { practiceBench: unknown }).practiceBench = { seed, session, baseline };
