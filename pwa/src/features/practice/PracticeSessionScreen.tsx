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
import { logReview, sendProgress } from './mutations';
import { NoCatalogue } from './PracticeHomeScreen';
import { PhraseCard } from './PhraseCard';
import { progressSummary } from './progress';
import { sessionPlan, type Step } from './plan';
import { usePractice } from './usePractice';
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
  const [steps, setSteps] = useState<Step[] | null>(null);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const loaded = practice !== undefined && practice !== null;

  // The plan is made once, when the data is there: later syncs must not reshuffle the cards.
  useEffect(() => {
    if (loaded && steps === null) setSteps(sessionPlan(practice, new Date(), theme));
  }, [loaded]);

  const byId = useMemo(() => new Map((loaded ? practice.phrases : []).map((p) => [p.id, p])), [loaded && practice.phrases]);
  const finished = steps !== null && index >= steps.length;

  // At the end, a newcomer who allowed it shares the new summary with the buddy (at most hourly).
  useEffect(() => {
    if (!finished || !loaded || !newcomer || !practice.settings.progress_consent_at || done === 0) return;
    void sendProgress(db, progressSummary(practice.cards, practice.reviews, practice.catalogue, new Date(), practice.settings));
  }, [finished]);

  const heading = <h1 id="session-title">{theme && loaded ? practice.catalogue.themes.find((t) => t.code === theme)?.label ?? theme : pgettext("screen title", "Oefenen")}</h1>;
  if (practice === undefined || (loaded && steps === null)) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (practice === null) return <section class="screen session" aria-labelledby="session-title">{heading}<NoCatalogue /></section>;
  const plan = steps ?? [];
  const step = plan[index];
  const phrase = step ? byId.get(step.phrase_id) : undefined;

  async function rate(rating: Rating, mode: PracticeMode) {
    if (!step) return;
    const ok = await run(() => logReview(db, { phrase_id: step.phrase_id, rating, mode }));
    if (!ok) return;
    // "Again" comes back once more at the end of this session, the way a card deck is used.
    if (rating === 1 && plan.filter((s) => s.phrase_id === step.phrase_id).length < 2) {
      setSteps([...plan, { ...step, fresh: false, mode: step.mode }]);
    }
    setDone((n) => n + (plan.slice(0, index).some((s) => s.phrase_id === step.phrase_id) ? 0 : 1));
    setRevealed(false);
    setIndex((i) => i + 1);
  }

  return (
    <section class="screen session" data-testid="session" aria-labelledby="session-title">
      {heading}
      {finished || !phrase ? <Finished done={done} theme={theme} /> : (
        <>
          <p class="session-count" data-testid="session-count">
            {ngettext("Zin {number} van {n}", "Zin {number} van {n}", plan.length, { number: index + 1 })}
          </p>
          <progress class="session-progress" max={plan.length} value={index} aria-hidden="true" />
          <PhraseCard key={`${index}:${phrase.id}`} phrase={phrase} mode={step.mode} lang={practice.catalogue.lang}
            newcomer={newcomer} matchId={matchId} revealed={revealed} onReveal={() => setRevealed(true)} />
          {refused && <p class="form-error" role="alert">{refused}</p>}
          {revealed && (
            <div class={`answer-bar is-${practice.settings.buttons}`} role="group" aria-label={_("Wist je het?")} data-testid="answer-bar">
              {answerChoices(practice.settings.buttons).map((c) => (
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
