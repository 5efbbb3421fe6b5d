// Everything the practice screens read, live: the phrase catalogue of the app's language (with the
// branch's own phrases), the settings, every review (synced and still waiting) and the derived
// cards. The screens compute the queue and the summary from it with the pure modules.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LocalCard, MaatjeDB } from '../../store/db';
import { watch } from '../../sync/views';
import type { ContentCatalogue, ContentPhrase, OrgPhraseData, PracticeData, ReviewData } from '../../types';
import { useDb } from '../../ui/db-context';
import { useWatch } from '../../ui/useWatch';
import { allReviews, refreshCards } from './cards';
import { loadCatalogue, practicePhrases } from './catalogue';
import { buildQueue, dayStats, type Queue } from './queue';
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

  const phrases = useMemo(() => (catalogue && orgRows ? practicePhrases(catalogue, orgRows) : []), [catalogue, orgRows]);
  if (catalogue === null) return null;
  if (!catalogue || !settings || !orgRows || !logged || !cards) return undefined;
  const orgPhrases = phrases.filter((p) => p.id.startsWith('org:'));
  return { catalogue, phrases, orgPhrases, settings, reviews: logged.reviews, cards, waiting: logged.waiting };
}

// The branch's own phrases are one theme of their own on the practice home.
export const ORG_THEME = 'org';

export function inTheme(phrase: ContentPhrase, theme: string): boolean {
  return theme === ORG_THEME ? phrase.id.startsWith('org:') : phrase.theme === theme;
}

// Today's queue within the caps, for all phrases or one theme.
export function todaysQueue(p: Practice, now: Date, theme?: string): Queue {
  const order = p.phrases.filter((ph) => !theme || inTheme(ph, theme)).map((ph) => ph.id);
  return buildQueue({ cards: p.cards, order, settings: p.settings, now, ...dayStats(p.reviews, now) });
}

// The phrases whose audio the phone keeps for offline practice (docs/phrases.md "Offline"):
// today's due ones and the next 20 new ones.
export function phrasesToCache(p: Practice, queue: Queue): string[] {
  const next = p.phrases.filter((ph) => !p.cards.has(ph.id)).slice(0, 20).map((ph) => ph.id);
  return [...new Set([...queue.due, ...queue.fresh, ...next])];
}
