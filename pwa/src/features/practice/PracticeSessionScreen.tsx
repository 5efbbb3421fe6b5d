// /oefenen/sessie (?thema=<code>): one card at a time from today's queue, then a calm summary.
// Each rating is queued the moment it is given, so leaving half-way loses nothing.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { _, ngettext, pgettext } from '../../i18n';
import type { PracticeMode, Rating } from '../../types';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';
import { useQueuedChange } from '../auth/useQueuedChange';
import { watchOffers } from '../match/queries';
import type { Offer } from '../match/overlay';
import { cachePhraseAudio } from '../audio/cache';
import { logReview, sendProgress } from './mutations';
import { NoCatalogue } from './PracticeHomeScreen';
import { PhraseCard } from './PhraseCard';
import { allReviews, refreshCards } from './cards';
import { progressSummary } from './progress';
import { sessionPlan, type Step } from './plan';
import { ORG_THEME, phrasesToCache, todaysQueue, usePractice } from './usePractice';
import { answerChoices } from './words';
import './practice.css';

function Finished({ done, theme }: { done: number; theme: string | null }) {
  return (
    <div class="session-done" data-testid="session-done" data-done={String(done)}>
      <p class="done-title"><Icon name="check" /> {done > 0 ? _("Klaar! Goed gedaan.") : _("Er staat nu niets voor je klaar.")}</p>
      {done > 0 && <p>{ngettext("Je hebt {n} zin geoefend.", "Je hebt {n} zinnen geoefend.", done)}</p>}
      <p>{_("Kom morgen terug: dan staan er nieuwe zinnen voor je klaar.")}</p>
      {!theme && done === 0 && <p>{_("Wil je toch oefenen? Kies een thema.")}</p>}
      <p>
        <a class="btn btn-primary" href="/oefenen" data-testid="back-home">
          <Icon name="back" /> <span>{_("Terug naar oefenen")}</span>
        </a>
      </p>
    </div>
  );
}

interface Round {
  number: number; // 1, 2, ...: phrases missed or still in their first steps come back in the next
  steps: Step[];
}

export function PracticeSessionScreen({ user, lang }: ScreenProps) {
  const db = useDb();
  const { query } = useLocation();
  const theme = query.thema || null;
  // TRANSLATORS: the title of the screen where one practises phrase after phrase.
  useTitle(pgettext("screen title", "Oefenen"));
  const practice = usePractice(user.id, lang);
  const newcomer = user.roles.includes('newcomer');
  const offers = useWatch<Offer[]>(newcomer ? watchOffers(db) : null, [], [db, newcomer]);
  const matchId = offers.find((o) => o.status === 'active')?.match_id;
  const { refused, run } = useQueuedChange();
  const [round, setRound] = useState<Round | null>(null);
  const [index, setIndex] = useState(0);
  const [practised, setPractised] = useState<ReadonlySet<string>>(new Set());
  const [finished, setFinished] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const loaded = practice !== undefined && practice !== null;

  // A round is made once, when the data is there: a sync in the middle must not reshuffle it.
  useEffect(() => {
    if (!loaded || round !== null) return;
    const steps = sessionPlan(practice, new Date(), theme, true);
    setRound({ number: 1, steps });
    setFinished(steps.length === 0);
    void cachePhraseAudio(db, [...steps.map((s) => s.phrase_id), ...phrasesToCache(practice, todaysQueue(practice, new Date()))]);
  }, [loaded]);

  const phrases = loaded ? practice.phrases : null;
  const byId = useMemo(() => new Map((phrases ?? []).map((p) => [p.id, p])), [phrases]);

  const title = !theme ? pgettext("screen title", "Oefenen")
    : theme === ORG_THEME ? _("Zinnen van je gemeente")
      : (loaded && practice.catalogue.themes.find((t) => t.code === theme)?.label) || theme;
  const heading = <h1 id="session-title" dir="auto">{title}</h1>;
  if (practice === undefined || (loaded && round === null)) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (practice === null) return <section class="screen session" aria-labelledby="session-title">{heading}<NoCatalogue /></section>;
  const p = practice;
  const steps = round?.steps ?? [];
  const step = steps[index];
  const phrase = step ? byId.get(step.phrase_id) : undefined;

  // The next round is today's queue again, from the cards as they are after this round's ratings.
  // At the end a newcomer who allowed it shares the new summary with the buddy (at most hourly).
  async function nextRound(number: number, seen: ReadonlySet<string>) {
    const [cards, reviews] = await Promise.all([refreshCards(db), allReviews(db)]);
    const next = sessionPlan({ ...p, cards, reviews }, new Date(), theme, false);
    setIndex(0);
    if (next.length > 0) return setRound({ number: number + 1, steps: next });
    setFinished(true);
    if (newcomer && p.settings.progress_consent_at && seen.size > 0) {
      void sendProgress(db, progressSummary(cards, reviews, p.catalogue, new Date(), p.settings));
    }
  }

  async function rate(rating: Rating, mode: PracticeMode) {
    if (!step || !round) return;
    const ok = await run(() => logReview(db, { phrase_id: step.phrase_id, rating, mode }));
    if (!ok) return;
    const seen = new Set(practised).add(step.phrase_id);
    setPractised(seen);
    setRevealed(false);
    if (index + 1 < steps.length) setIndex(index + 1);
    else await nextRound(round.number, seen);
  }

  return (
    <section class="screen session" data-testid="session" aria-labelledby="session-title">
      {heading}
      {finished || !phrase || !step ? <Finished done={practised.size} theme={theme} /> : (
        <>
          {round && round.number > 1 && index === 0 && (
            <p class="session-round" data-testid="session-round">{_("Nog een rondje met de zinnen van net: zo onthoud je ze beter.")}</p>
          )}
          <p class="session-count" data-testid="session-count">
            {ngettext("Zin {number} van {n}", "Zin {number} van {n}", steps.length, { number: index + 1 })}
          </p>
          <progress class="session-progress" max={steps.length} value={index} aria-hidden="true" />
          <PhraseCard key={`${round?.number}:${index}:${phrase.id}`} phrase={phrase} mode={step.mode} lang={p.catalogue.lang}
            newcomer={newcomer} matchId={matchId} revealed={revealed} onReveal={() => setRevealed(true)} />
          {refused && <p class="form-error" role="alert">{refused}</p>}
          {revealed && (
            <div class={`answer-bar is-${p.settings.buttons}`} role="group" aria-label={_("Wist je het?")} data-testid="answer-bar">
              {answerChoices(p.settings.buttons).map((c) => (
                <button key={c.rating} type="button" class={`btn answer-btn rating-${c.rating}`} data-rating={String(c.rating)}
                  onClick={() => void rate(c.rating, step.mode)}>
                  {c.label}
                </button>
              ))}
            </div>
          )}
          <p class="session-leave">
            <a href="/oefenen" class="btn btn-quiet"><Icon name="back" /> <span>{_("Stoppen voor nu (wat je deed, is bewaard)")}</span></a>
          </p>
        </>
      )}
    </section>
  );
}
