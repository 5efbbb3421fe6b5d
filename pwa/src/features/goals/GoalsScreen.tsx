// The pair's goals per domain: add one from the catalogue or in own words, tick its steps (or set
// a level when it has none), mark it done. Done goals stay, in a list of their own.
import { useState } from 'preact/hooks';
import { _, formatDate, ngettext, pgettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { Catalogues, Domain, GoalData } from '../../types';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { NotFoundScreen } from '../../ui/NotFoundScreen';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';
import { useQueuedChange } from '../auth/useQueuedChange';
import { useCatalogues } from '../catalogues/useCatalogues';
import type { Offer } from '../match/overlay';
import { watchOffer } from '../match/queries';
import { addGoal, addStep, removeStep, setDone, setLevel, tickStep } from './mutations';
import { goalTitle, progress, splitGoals, type ShownGoal } from './overlay';
import { watchGoals } from './queries';
import '../activities/activities.css';
import './goals.css';

const DOMAINS: Domain[] = ['taal', 'werk', 'meedoen'];

export function levelNames(): string[] {
  return [
    // TRANSLATORS: how far a goal is (a goal without steps): not started yet.
    pgettext("goal level", "Nog niet begonnen"),
    // TRANSLATORS: how far a goal is: started.
    pgettext("goal level", "Begonnen"),
    // TRANSLATORS: how far a goal is: halfway.
    pgettext("goal level", "Halverwege"),
    // TRANSLATORS: how far a goal is: nearly there.
    pgettext("goal level", "Bijna klaar"),
  ];
}

function ProgressBar({ goal }: { goal: GoalData }) {
  const value = Math.round(progress(goal) * 100);
  return (
    <div class="goal-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}
      aria-label={pgettext("goal", "Voortgang")}>
      <span style={{ inlineSize: `${value}%` }} />
    </div>
  );
}

function GoalCard({ goal, catalogues }: { goal: ShownGoal; catalogues: Catalogues }) {
  const db = useDb();
  const { refused, run } = useQueuedChange();
  const [step, setStep] = useState('');
  const title = goalTitle(goal, catalogues.goals);
  const done = goal.done_at !== null;
  const stepsDone = goal.steps.filter((s) => s.done).length;
  return (
    <li class="goal" data-testid="goal" data-pending={String(goal.pending)} data-done={String(done)}>
      <h3 class="goal-title"><bdi>{title}</bdi></h3>
      <p class="goal-meta">
        {done ? <T msg={_("Bereikt op {date}")} date={formatDate(goal.done_at!)} />
          : goal.steps.length > 0 ? ngettext("{n} van {total} stappen gedaan", "{n} van {total} stappen gedaan", stepsDone, { total: goal.steps.length })
            : levelNames()[goal.level]}
        {goal.pending && <span class="pending-mark"> · {_("wacht op verzending")}</span>}
      </p>
      <ProgressBar goal={goal} />
      {goal.steps.length > 0 && (
        <ul class="steps">
          {goal.steps.map((s) => (
            <li key={s.id} class="step" data-done={String(s.done)}>
              <label class="step-tick">
                <input type="checkbox" checked={s.done} disabled={done} data-testid="step-tick"
                  onChange={(e) => void run(() => tickStep(db, goal.id, s.id, e.currentTarget.checked))} />
                <bdi>{s.text}</bdi>
              </label>
              {!done && (
                <button type="button" class="btn btn-quiet step-remove" onClick={() => void run(() => removeStep(db, goal.id, s.id))}>
                  <Icon name="close" /> <span class="visually-hidden"><T msg={_("Stap {step} weghalen")} step={s.text} /></span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!done && goal.steps.length === 0 && (
        <div class="field">
          <label for={`level-${goal.id}`}>{_("Hoe ver zijn jullie?")}</label>
          <select id={`level-${goal.id}`} value={String(goal.level)} data-testid="goal-level"
            onChange={(e) => void run(() => setLevel(db, goal.id, Number(e.currentTarget.value) as GoalData['level']))}>
            {levelNames().map((name, level) => <option key={level} value={String(level)}>{name}</option>)}
          </select>
        </div>
      )}
      {!done && (
        <form class="step-add" onSubmit={(e) => {
          e.preventDefault();
          if (!step.trim()) return;
          void run(() => addStep(db, goal.id, step)).then((ok) => ok && setStep(''));
        }}>
          <label for={`step-${goal.id}`} class="visually-hidden">{_("Een nieuwe stap")}</label>
          <input id={`step-${goal.id}`} dir="auto" maxLength={200} value={step} placeholder={_("Een nieuwe stap")}
            onInput={(e) => setStep(e.currentTarget.value)} data-testid="step-text" />
          {/* TRANSLATORS: a button: add the typed step to a goal. */}
          <Button type="submit" icon="plus" variant="secondary" data-testid="step-add">{pgettext("goal step", "Toevoegen")}</Button>
        </form>
      )}
      <div class="goal-actions">
        {done ? (
          // TRANSLATORS: a button: a goal marked done is not done after all.
          <Button variant="quiet" icon="refresh" onClick={() => void run(() => setDone(db, goal.id, false))}>{_("Toch nog niet klaar")}</Button>
        ) : (
          // TRANSLATORS: a button: mark a goal as reached.
          <Button variant="secondary" icon="check" data-testid="goal-done" onClick={() => void run(() => setDone(db, goal.id, true))}>{_("Doel bereikt")}</Button>
        )}
      </div>
      {refused && <p class="form-error" role="alert">{refused}</p>}
    </li>
  );
}

function AddGoal({ offer, catalogues }: { offer: Offer; catalogues: Catalogues }) {
  const db = useDb();
  const { refused, run } = useQueuedChange();
  const [domain, setDomain] = useState<Domain | ''>('');
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const OWN = '__own';
  // The newcomer's goals from the intake come first: the pair starts from what the newcomer said.
  const fromIntake = new Set(domain ? offer.intake_goals?.[domain] ?? [] : []);
  const options = domain ? Object.entries(catalogues.goals[domain] ?? {}) : [];
  const intakeOptions = options.filter(([c]) => fromIntake.has(c));
  const otherOptions = options.filter(([c]) => !fromIntake.has(c));
  // TRANSLATORS: above the goals the newcomer named at the intake (the first talk with the coordinator).
  const intakeLabel = _("Genoemd bij de intake");
  // TRANSLATORS: above the other goals of this domain one can choose.
  const otherLabel = _("Andere doelen");

  function submit(e: Event) {
    e.preventDefault();
    setSaved(false);
    if (!domain) return setError(_("Kies eerst waar het doel over gaat."));
    if (!code) return setError(_("Kies een doel of schrijf het in eigen woorden."));
    if (code === OWN && !title.trim()) return setError(_("Schrijf het doel in een paar woorden."));
    setError('');
    const goal = code === OWN ? { title } : { code };
    void run(() => addGoal(db, offer.match_id, domain, goal)).then((ok) => {
      if (!ok) return;
      setCode('');
      setTitle('');
      setSaved(true);
    });
  }

  return (
    <form class="add-goal" onSubmit={submit} noValidate data-testid="add-goal">
      <h2 id="add-goal-title">{_("Een doel toevoegen")}</h2>
      <fieldset class="initiative">
        <legend>{_("Waar gaat het over?")}</legend>
        <div class="choice-row">
          {DOMAINS.map((d) => (
            <label key={d} class="choice">
              <input type="radio" name="goal-domain" value={d} checked={domain === d} onChange={() => { setDomain(d); setCode(''); }} />
              {catalogues.domains[d] ?? d}
            </label>
          ))}
        </div>
      </fieldset>
      {domain && (
        <div class="field">
          <label for="goal-code">{pgettext("goal", "Welk doel?")}</label>
          <select id="goal-code" value={code} onChange={(e) => setCode(e.currentTarget.value)}>
            <option value="">{_("Kies een doel")}</option>
            {intakeOptions.length > 0 ? (
              <>
                <optgroup label={intakeLabel} data-testid="intake-goals">
                  {intakeOptions.map(([c, label]) => <option key={c} value={c}>{label}</option>)}
                </optgroup>
                <optgroup label={otherLabel}>
                  {otherOptions.map(([c, label]) => <option key={c} value={c}>{label}</option>)}
                </optgroup>
              </>
            ) : (
              options.map(([c, label]) => <option key={c} value={c}>{label}</option>)
            )}
            <option value={OWN}>{_("Een ander doel, in eigen woorden")}</option>
          </select>
        </div>
      )}
      {code === OWN && (
        <div class="field">
          <label for="goal-title">{_("Het doel in een paar woorden")}</label>
          <input id="goal-title" dir="auto" maxLength={120} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </div>
      )}
      {error && <p class="field-error" role="alert"><Icon name="warning" /> {error}</p>}
      {refused && <p class="form-error" role="alert">{refused}</p>}
      {/* TRANSLATORS: a button: add the chosen goal. */}
      <Button type="submit" icon="plus" data-testid="goal-add">{_("Doel toevoegen")}</Button>
      <p role="status" class="form-status">{saved ? _("Het doel staat erbij.") : ''}</p>
    </form>
  );
}

export function GoalsScreen({ params }: ScreenProps) {
  const db = useDb();
  const catalogues = useCatalogues();
  const matchId = params?.match ?? '';
  const offer = useWatch<Offer | null | undefined>(watchOffer(db, matchId), undefined, [db, matchId]);
  const goals = useWatch<ShownGoal[]>(offer ? watchGoals(db, matchId, offer.role) : null, [], [db, matchId, offer?.role]);
  // TRANSLATORS: the title of the pair's goals screen.
  useTitle(pgettext("screen title", "Doelen"));
  if (offer === undefined) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (offer === null || !['active', 'paused', 'ended'].includes(offer.status)) return <NotFoundScreen />;
  const { open, done } = splitGoals(goals);
  return (
    <section class="screen goals" data-testid="goals" aria-labelledby="goals-title">
      <p class="eyebrow"><bdi>{offer.other_first_name}</bdi></p>
      <h1 id="goals-title">{pgettext("screen title", "Jullie doelen")}</h1>
      {offer.status === 'paused' && (
        <p class="form-error" role="alert" data-testid="paused">{_("Jullie koppeling staat op pauze: je kunt nu niets toevoegen of wijzigen.")}</p>
      )}
      {open.length === 0 && <p>{_("Nog geen doelen. Wat willen jullie samen bereiken?")}</p>}
      {DOMAINS.map((d) => {
        const inDomain = open.filter((g) => g.domain === d);
        if (inDomain.length === 0) return null;
        return (
          <section key={d} class="goal-domain" data-domain={d} aria-labelledby={`domain-${d}`}>
            <h2 id={`domain-${d}`}>{catalogues.domains[d] ?? d}</h2>
            <ul class="goal-list">{inDomain.map((g) => <GoalCard key={g.id} goal={g} catalogues={catalogues} />)}</ul>
          </section>
        );
      })}
      {offer.status !== 'ended' && <AddGoal offer={offer} catalogues={catalogues} />}
      {done.length > 0 && (
        <section aria-labelledby="done-title" data-testid="done-goals">
          <h2 id="done-title">{pgettext("goal", "Bereikte doelen")}</h2>
          <ul class="goal-list">{done.map((g) => <GoalCard key={g.id} goal={g} catalogues={catalogues} />)}</ul>
        </section>
      )}
      <p>
        <a class="btn btn-quiet" href={`/maatje/${offer.match_id}`}>
          <Icon name="back" /> <T msg={_("Terug naar {name}")} name={offer.other_first_name} />
        </a>
      </p>
    </section>
  );
}
