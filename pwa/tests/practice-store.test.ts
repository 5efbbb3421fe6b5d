// The practice data on the phone: a review logged offline is queued with its card and shows in
// the card table at once; settings changed offline show at once over the synced row; the catalogue
// is kept for offline use; the summary goes at most once an hour.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshCards } from '../src/features/practice/cards';
import { loadCatalogue, practicePhrases } from '../src/features/practice/catalogue';
import { replay } from '../src/features/practice/fsrs';
import { logReview, saveSettings, sendProgress } from '../src/features/practice/mutations';
import { DEFAULT_SETTINGS, loadPractice } from '../src/features/practice/settings';
import { getMeta, setMeta, type MaatjeDB } from '../src/store/db';
import type { ContentCatalogue, OrgPhraseData, ProgressSummary } from '../src/types';
import { freshDb } from './helpers';

const USER = '11111111-1111-4111-8111-111111111111';
const dbs: MaatjeDB[] = [];
function db(): MaatjeDB {
  const d = freshDb();
  dbs.push(d);
  return d;
}
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

describe('logging a review', () => {
  it('queues review.log with the card after it, and the card table has it at once', async () => {
    const d = db();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-11T09:00:00Z') });
    const first = await logReview(d, { phrase_id: 'kennismaken.a', rating: 3, mode: 'recall' });
    vi.setSystemTime(new Date('2026-03-11T09:20:00Z'));
    const second = await logReview(d, { phrase_id: 'kennismaken.a', rating: 1, mode: 'type' });
    const queued = await d.outbox.toArray();
    expect(queued.map((m) => [m.name, m.args.id, m.args.rating])).toEqual([['review.log', first.id, 3], ['review.log', second.id, 1]]);
    const expected = replay([first, second]);
    expect(queued[1].args.card).toEqual(expected);
    expect((await d.card.get('kennismaken.a'))?.state).toEqual(expected);
    // nothing to redo when the cards are refreshed: the count and the last id agree
    expect((await refreshCards(d)).get('kennismaken.a')).toEqual(await d.card.get('kennismaken.a'));
  });
});

describe('settings', () => {
  it('are the gentle defaults until something is stored', async () => {
    expect(await loadPractice(db(), USER)).toEqual(DEFAULT_SETTINGS);
  });

  it('show a change made offline at once, over the synced row', async () => {
    const d = db();
    await d.practice.put({ id: USER, scope: `user:${USER}`, seq: 1, data: { ...DEFAULT_SETTINGS, new_per_day: 5, buttons: 4 } });
    await saveSettings(d, { reviews_per_day: 30, together: true });
    const shown = await loadPractice(d, USER);
    expect(shown).toMatchObject({ new_per_day: 5, buttons: 4, reviews_per_day: 30, progress_consent_at: null });
    expect(shown.together_consent_at).toEqual(expect.any(String));
    await saveSettings(d, { together: false });
    expect((await loadPractice(d, USER)).together_consent_at).toBeNull();
    expect((await d.outbox.toArray()).map((m) => m.args)).toEqual([{ reviews_per_day: 30, together: true }, { together: false }]);
  });
});

describe('the progress summary', () => {
  it('is queued at most once an hour unless forced', async () => {
    const d = db();
    const summary = (at: string): ProgressSummary => ({ due_today: 3, streak: 2, weeks: [0, 0, 0, 0, 0, 0, 1, 4], themes: {}, at });
    expect(await sendProgress(d, summary('2026-03-11T09:00:00Z'))).toBe(true);
    expect(await sendProgress(d, summary('2026-03-11T09:30:00Z'))).toBe(false);
    expect(await sendProgress(d, summary('2026-03-11T09:31:00Z'), true)).toBe(true);
    expect(await sendProgress(d, summary('2026-03-11T10:32:00Z'))).toBe(true);
    expect((await d.outbox.toArray()).map((m) => [m.name, m.args.at])).toEqual([
      ['practice.progress', '2026-03-11T09:00:00Z'], ['practice.progress', '2026-03-11T09:31:00Z'], ['practice.progress', '2026-03-11T10:32:00Z'],
    ]);
  });
});

const AR: ContentCatalogue = {
  lang: 'ar', dir: 'rtl', version: 'v1', themes: [{ code: 'kennismaken', label: 'تعارف' }, { code: 'winkel', label: 'متجر' }],
  phrases: [{ id: 'kennismaken.a', nl: 'Hallo', theme: 'kennismaken', level: 'A0', t: 'مرحبا' }, { id: 'winkel.b', nl: 'Wat kost dit?', theme: 'winkel', level: 'A1', t: 'كم سعر هذا؟' }],
};

describe('the catalogue', () => {
  it('is fetched once and kept; offline with nothing kept there is none', async () => {
    const d = db();
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(JSON.stringify(AR), { status: 200 });
    });
    expect(await loadCatalogue(d, 'ar')).toEqual(AR);
    expect(await getMeta(d, 'phrases')).toEqual(AR);
    vi.stubGlobal('fetch', async () => { throw new TypeError('offline'); });
    vi.stubGlobal('navigator', { onLine: false });
    expect(await loadCatalogue(d, 'ar')).toEqual(AR); // kept
    expect(await loadCatalogue(d, 'ti')).toBeNull(); // another language, offline
    expect(fetched).toEqual(['/content/ar.json']);
  });

  it('takes a newer version in the background', async () => {
    const d = db();
    await setMeta(d, 'phrases', AR);
    let answered!: () => void;
    const done = new Promise<void>((resolve) => { answered = resolve; });
    vi.stubGlobal('fetch', async () => {
      setTimeout(answered, 10);
      return new Response(JSON.stringify({ ...AR, version: 'v2' }), { status: 200 });
    });
    expect((await loadCatalogue(d, 'ar'))?.version).toBe('v1'); // at once, from the phone
    await done;
    expect((await getMeta(d, 'phrases'))?.version).toBe('v2');
  });

  it('puts a branch\'s own phrases after the national ones of their theme, translated where it can', () => {
    const org = (id: string, nl: string, theme: string, translations: Record<string, string> = {}): OrgPhraseData =>
      ({ id, nl, theme, level: 'A1', translations, note: '', updated_at: '' });
    const phrases = practicePhrases(AR, [
      org('org:2', 'Waar is het gemeentehuis?', 'kennismaken', { ar: 'أين البلدية؟' }), org('org:1', 'Welkom bij de bieb', 'kennismaken'),
      org('org:3', 'Onbekend thema', 'elders'),
    ]);
    expect(phrases.map((p) => p.id)).toEqual(['kennismaken.a', 'org:2', 'org:1', 'winkel.b', 'org:3']);
    expect(phrases[1].t).toBe('أين البلدية؟');
    expect(phrases[2]).not.toHaveProperty('t');
  });
});
