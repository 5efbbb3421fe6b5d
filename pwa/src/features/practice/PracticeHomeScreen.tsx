// /oefenen: what is due today (within the caps) and a big Start, the forgiving streak, the last
// eight weeks, each theme's progress with "practise this theme", and what waits to be sent.
import { useEffect } from 'preact/hooks';
import { _, ngettext, pgettext } from '../../i18n';
import type { ContentCatalogue, ContentPhrase, ProgressSummary } from '../../types';
import type { LocalCard } from '../../store/db';
import type { ReviewData } from '../../types';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useOnline } from '../../ui/useWatch';
import { useTitle } from '../../ui/useTitle';
import { progressSummary } from './progress';
import { StreakLine, ThemeList, WeeksChart, type ThemeRow } from './ProgressParts';
import { cachePhraseAudio } from '../audio/cache';
import { ORG_THEME, phrasesToCache, todaysQueue, usePractice, type Practice } from './usePractice';
import './practice.css';

function themeRows(p: Practice, summary: ProgressSummary, org: ProgressSummary | null): ThemeRow[] {
  const totals = new Map<string, number>();
  for (const ph of p.catalogue.phrases) totals.set(ph.theme, (totals.get(ph.theme) ?? 0) + 1);
  const rows = p.catalogue.themes.map((t) => ({
    code: t.code, label: t.label, total: totals.get(t.code) ?? 0,
    started: summary.themes[t.code]?.started ?? 0, mastered: summary.themes[t.code]?.mastered ?? 0,
  }));
  if (org && p.orgPhrases.length > 0) {
    rows.push({
      // TRANSLATORS: a theme in practice: the phrases the user's own municipality added.
      code: ORG_THEME, label: _("Zinnen van je gemeente"), total: p.orgPhrases.length,
      started: org.themes[ORG_THEME]?.started ?? 0, mastered: org.themes[ORG_THEME]?.mastered ?? 0,
    });
  }
  return rows;
}

// The branch's own phrases as one theme of their own, measured by the same rule as the rest.
function orgSummary(p: Practice, cards: Map<string, LocalCard>, reviews: ReviewData[], now: Date): ProgressSummary | null {
  if (p.orgPhrases.length === 0) return null;
  const phrases: ContentPhrase[] = p.orgPhrases.map((ph) => ({ ...ph, theme: ORG_THEME }));
  const catalogue: ContentCatalogue = { ...p.catalogue, themes: [{ code: ORG_THEME, label: '' }], phrases };
  return progressSummary(cards, reviews, catalogue, now, p.settings);
}

export function hasUnreviewed(catalogue: ContentCatalogue): boolean {
  return catalogue.themes.some((t) => t.unreviewed) || catalogue.phrases.some((ph) => ph.u === 1);
}

export function NoCatalogue() {
  return (
    <p class="form-error" role="alert" data-testid="no-catalogue">
      <Icon name="warning" /> {_("De zinnen staan nog niet op deze telefoon. Maak verbinding met internet en probeer het opnieuw.")}
    </p>
  );
}

function Waiting({ n }: { n: number }) {
  const online = useOnline();
  if (n === 0) return null;
  return (
    <p class="practice-waiting" role="status" data-testid="practice-waiting" data-pending={String(n)}>
      <Icon name="refresh" /> {ngettext("{n} antwoord wacht op verzending.", "{n} antwoorden wachten op verzending.", n)}
      {!online && <> {_("Ze worden verstuurd zodra je online bent.")}</>}
    </p>
  );
}

export function PracticeHomeScreen({ user, lang }: ScreenProps) {
  // TRANSLATORS: the title of the practice screen (practising Dutch phrases).
  useTitle(pgettext("screen title", "Oefenen"));
  const db = useDb();
  const practice = usePractice(user.id, lang);
  const loaded = Boolean(practice);
  // Before a session that may happen offline, the phone keeps today's audio (online only).
  useEffect(() => {
    if (practice) void cachePhraseAudio(db, phrasesToCache(practice, todaysQueue(practice, new Date())));
  }, [db, loaded]);
  if (practice === undefined) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  const title = <h1 id="practice-title">{pgettext("screen title", "Nederlands oefenen")}</h1>;
  if (practice === null) {
    return <section class="screen practice" data-testid="practice-home" aria-labelledby="practice-title">{title}<NoCatalogue /></section>;
  }
  const now = new Date();
  const queue = todaysQueue(practice, now);
  const count = queue.due.length + queue.fresh.length;
  const summary = progressSummary(practice.cards, practice.reviews, practice.catalogue, now, practice.settings);
  const rows = themeRows(practice, summary, orgSummary(practice, practice.cards, practice.reviews, now));
  return (
    <section class="screen practice" data-testid="practice-home" aria-labelledby="practice-title">
      {title}
      <div class="practice-today">
        <p class="due" data-testid="due-today" data-count={String(count)}>
          {count > 0 ? ngettext("Vandaag staat {n} zin voor je klaar.", "Vandaag staan {n} zinnen voor je klaar.", count)
            : _("Je bent klaar voor vandaag. Goed gedaan!")}
        </p>
        {queue.waiting > 0 && (
          <p class="later" data-testid="waiting-later">
            {ngettext("{n} zin wacht op de volgende dagen: zo wordt het nooit te veel.",
              "{n} zinnen wachten op de volgende dagen: zo wordt het nooit te veel.", queue.waiting)}
          </p>
        )}
        {count > 0 && (
          <a class="btn btn-primary btn-start" href="/oefenen/sessie" data-testid="start">
            <Icon name="arrow" />
            {/* TRANSLATORS: the big button that starts today's practice. */}
            <span>{pgettext("practice", "Start")}</span>
          </a>
        )}
        <StreakLine days={summary.streak} />
      </div>
      <Waiting n={practice.waiting} />
      {hasUnreviewed(practice.catalogue) && (
        <p class="note" data-testid="unreviewed-note"><Icon name="warning" /> {_("Sommige vertalingen zijn nog niet gecontroleerd.")}</p>
      )}
      <h2>{_("Zo ver ben je")}</h2>
      <WeeksChart weeks={summary.weeks} />
      {/* TRANSLATORS: heading above the list of practice themes (introductions, the doctor, ...). */}
      <h2>{pgettext("practice", "Thema's")}</h2>
      <ThemeList rows={rows} />
      <p>
        <a class="btn btn-secondary" href="/oefenen/instellingen" data-testid="to-settings">
          <Icon name="pen" /> <span>{_("Instellingen voor oefenen")}</span>
        </a>
      </p>
    </section>
  );
}
