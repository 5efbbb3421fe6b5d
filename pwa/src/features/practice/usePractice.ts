// Everything the practice screens read, live: the phrase catalogue of the app's language (with the
// branch's own phrases), the settings, every review (synced and still waiting) and the derived
// cards. The screens compute the queue and the summary from it with the pure modules.
import { useEffect, useState } from 'preact/hooks';
import type { LocalCard, MaatjeDB } from '../../store/db';
import { watch } from '../../sync/views';
import type { ContentCatalogue, ContentPhrase, OrgPhraseData, PracticeData, ReviewData } from '../../types';
import { useDb } from '../../ui/db-context';
import { useWatch } from '../../ui/useWatch';
import { amsterdamToday, utcToAmsterdam } from '../meetings/time';
import { allReviews, refreshCards } from './cards';
import { loadCatalogue, practicePhrases } from './catalogue';
import { buildQueue, type Queue } from './queue';
import { watchPractice } from './settings';

export interface Practice {
  catalogue: ContentCatalogue;
  phrases: ContentPhrase[]; // national and the branch's own, in catalogue order
  orgPhrases: ContentPhrase[];
  settings: PracticeData;
  reviews: ReviewData[];
  cards: Map<string, LocalCard>;
  waiting: number; // ratings made on this phone and not sent yet
}

// undefined: still loading; null: no catalogue on this phone and no connection to fetch it.
export type PracticeState = Practice | null | undefined;

interface Logged {
  reviews: ReviewData[];
  waiting: number;
}

function watchLogged(db: MaatjeDB) {
  return watch<Logged>(async () => ({
    reviews: await allReviews(db),
    waiting: await db.outbox.filter((m) => m.name === 'review.log').count(),
  }));
}

export function usePractice(userId: string, lang: string): PracticeState {
  const db = useDb();
  const [catalogue, setCatalogue] = useState<ContentCatalogue | null | undefined>(undefined);
  const [cards, setCards] = useState<Map<string, LocalCard> | null>(null);
  const settings = useWatch<PracticeData | null>(watchPractice(db, userId), null, [db, userId]);
  const orgRows = useWatch<OrgPhraseData[] | null>(watch(async () => (await db.org_phrase.toArray()).map((r) => r.data)), null, [db]);
  const logged = useWatch<Logged | null>(watchLogged(db), null, [db]);

  useEffect(() => {
    let live = true;
    setCatalogue(undefined);
    void loadCatalogue(db, lang).then((c) => live && setCatalogue(c));
    return () => { live = false; };
  }, [db, lang]);

  // The card table follows the reviews (another device's, a together session's): recompute the
  // changed phrases whenever the set of reviews changes. Written outside the live query, which
  // may only read.
  useEffect(() => {
    if (!logged) return;
    let live = true;
    void refreshCards(db).then((next) => live && setCards(next));
    return () => { live = false; };
  }, [db, logged]);

  if (catalogue === null) return null;
  if (!catalogue || !settings || !orgRows || !logged || !cards) return undefined;
  const phrases = practicePhrases(catalogue, orgRows);
  const orgPhrases = phrases.filter((p) => p.id.startsWith('org:'));
  return { catalogue, phrases, orgPhrases, settings, reviews: logged.reviews, cards, waiting: logged.waiting };
}

// What was practised today (Amsterdam day): new phrases and reviews, for the daily caps; and the
// last earlier day with practice, for the backlog spreading.
export function today(reviews: readonly ReviewData[], now: Date): { doneToday: { fresh: number; reviews: number }; lastPracticeDay: string | null } {
  const day = amsterdamToday(now);
  const first = new Map<string, string>(); // phrase -> the day of its first review
  const todays: ReviewData[] = [];
  let lastPracticeDay: string | null = null;
  for (const r of [...reviews].sort((a, b) => a.reviewed_at.localeCompare(b.reviewed_at))) {
    const d = utcToAmsterdam(r.reviewed_at).day;
    if (!first.has(r.phrase_id)) first.set(r.phrase_id, d);
    if (d === day) todays.push(r);
    else if (d < day && (lastPracticeDay === null || d > lastPracticeDay)) lastPracticeDay = d;
  }
  const freshIds = new Set(todays.filter((r) => first.get(r.phrase_id) === day).map((r) => r.phrase_id));
  const reviewed = new Set(todays.filter((r) => !freshIds.has(r.phrase_id)).map((r) => r.phrase_id));
  return { doneToday: { fresh: freshIds.size, reviews: reviewed.size }, lastPracticeDay };
}

// The branch's own phrases are one theme of their own on the practice home.
export const ORG_THEME = 'org';

export function inTheme(phrase: ContentPhrase, theme: string): boolean {
  return theme === ORG_THEME ? phrase.id.startsWith('org:') : phrase.theme === theme;
}

// Today's queue within the caps, for all phrases or one theme.
export function todaysQueue(p: Practice, now: Date, theme?: string): Queue {
  const order = p.phrases.filter((ph) => !theme || inTheme(ph, theme)).map((ph) => ph.id);
  return buildQueue({ cards: p.cards, order, settings: p.settings, now, ...today(p.reviews, now) });
}
