// The public buddy sign-up (no login), in small steps that explain themselves: who you are,
// volunteer or MDT, languages, interests, when you have time, where and how many, the privacy
// statement. Choices come from the server's catalogues; what is typed survives going back, a
// reload and a lost connection (sessionStorage, never the password); the server's 422 lands at
// its fields, on their step.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import * as api from '../../api';
import { ApiError, NetworkError } from '../../errors';
import { _, formatNumber, LANGUAGES, ngettext, type Lang } from '../../i18n';
import { T } from '../../i18n/T';
import type { CatalogueLists, Municipality } from '../../types';
import { Button } from '../../ui/Button';
import { DateSelect } from '../../ui/DateSelect';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { useTitle } from '../../ui/useTitle';
import { useOnline } from '../../ui/useWatch';
import { PasswordFields } from '../activate/PasswordFields';
import { AvailabilityEditor } from '../profile/AvailabilityEditor';
import { CheckboxGroup, RadioGroup } from './Choices';
import {
  checkStep, clearDraft, firstStepWith, HOURS_TARGET, isoDay, loadDraft, MAX_CAPACITY, saveDraft,
  serverFieldErrors, STEPS, toPayload, type FieldErrors, type SignupDraft, type Step,
} from './form';
import { MunicipalityPicker } from './MunicipalityPicker';
import '../activate/activate.css';
import './signup.css';

function stepTitle(step: Step): string {
  switch (step) {
    // TRANSLATORS: title of the sign-up step with name, e-mail address and password.
    case 'about': return _("Wie ben je?");
    // TRANSLATORS: title of the sign-up step: volunteer or civic service (MDT).
    case 'kind': return _("Vrijwilliger of MDT");
    case 'languages': return _("Welke talen spreek je?");
    case 'interests': return _("Wat doe je graag?");
    case 'availability': return _("Wanneer heb je meestal tijd?");
    // TRANSLATORS: title of the sign-up step: the municipality and how many newcomers at once.
    case 'place': return _("Waar en hoeveel?");
    // TRANSLATORS: title of the last sign-up step: the privacy statement.
    case 'consent': return _("Privacy");
  }
}

// Cached for the tab: a reload without connection still has the choices.
function cached<T>(key: string): T | null {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

function keep(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // No room: the choices are fetched again next time.
  }
}

export function SignupScreen({ lang }: { lang: Lang }) {
  // TRANSLATORS: title of the public sign-up page for new buddies (volunteers).
  useTitle(_("Word maatje"));
  const online = useOnline();
  const initial = useMemo(() => loadDraft(sessionStorage), []);
  const [draft, setDraft] = useState<SignupDraft>(initial.draft);
  const [step, setStep] = useState<Step>(initial.step);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState('');
  const catalogueKey = `maatje.signup.catalogues.${lang}`;
  const [catalogues, setCatalogues] = useState<CatalogueLists | null>(() => cached(catalogueKey));
  const [places, setPlaces] = useState<Municipality[] | null>(() => cached('maatje.signup.municipalities'));
  const [loadFailed, setLoadFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const asked = useRef(lang); // the language of the newest request: an older answer is dropped

  async function loadChoices() {
    asked.current = lang;
    try {
      const [cats, municipalities] = await Promise.all([api.catalogues(lang), places ?? api.municipalities()]);
      if (asked.current !== lang) return;
      setCatalogues(cats);
      setPlaces(municipalities);
      keep(catalogueKey, cats);
      keep('maatje.signup.municipalities', municipalities);
      setLoadFailed(false);
    } catch (error) {
      if (!(error instanceof NetworkError || error instanceof ApiError)) throw error;
      setLoadFailed(true);
    }
  }

  // The labels are in the page's language: again after each change of language.
  useEffect(() => {
    const known = cached<CatalogueLists>(catalogueKey);
    if (known) setCatalogues(known); // else the previous language's labels until the new ones come
    void loadChoices();
  }, [lang]);
  useEffect(() => {
    if (online && loadFailed) void loadChoices();
  }, [online]);
  useEffect(() => saveDraft(sessionStorage, draft, step), [draft, step]);
  // A new step: its heading takes the focus (screen readers announce it) and comes into view.
  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [step]);

  const today = isoDay(new Date());
  const index = STEPS.indexOf(step);
  const last = index === STEPS.length - 1;

  const edit = <K extends keyof SignupDraft>(key: K) => (value: SignupDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setMessage('');
  };
  const input = (key: 'display_name' | 'email') =>
    (e: { currentTarget: HTMLInputElement }) => edit(key)(e.currentTarget.value);

  function go(next: Step) {
    moved.current = true;
    setErrors({});
    setMessage('');
    setStep(next);
  }

  async function submit(event: Event) {
    event.preventDefault();
    const found = checkStep(step, draft, today);
    if (step === 'about' && !found.password && !draft.password) found.password = _("Kies een wachtwoord.");
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    if (!last) return go(STEPS[index + 1]);
    // Every step again: a reload forgets the password (never stored), and a draft may be old.
    for (const s of STEPS) {
      const problems = checkStep(s, draft, today);
      if (s === 'about' && !draft.password) problems.password = _("Kies een wachtwoord.");
      if (Object.keys(problems).length > 0) {
        go(s);
        setErrors(problems);
        return;
      }
    }
    if (!catalogues) return setMessage(_("Geen verbinding. Versturen kan alleen met internet. Wat je hebt ingevuld, blijft bewaard."));
    setBusy(true);
    setMessage('');
    try {
      await api.signUpBuddy(toPayload(draft, lang, catalogues.privacy_version));
      clearDraft(sessionStorage);
      moved.current = true;
      setSentTo(draft.email.trim());
    } catch (error) {
      if (error instanceof NetworkError) {
        setMessage(_("Geen verbinding. Versturen kan alleen met internet. Wat je hebt ingevuld, blijft bewaard."));
      } else if (error instanceof ApiError) {
        const fields = serverFieldErrors(error.errors);
        const shown = Object.fromEntries(Object.entries(fields).map(([f, texts]) => [f, texts.join(' ')]));
        const at = firstStepWith(fields);
        if (at && at !== step) go(at);
        setErrors(shown);
        // A field's own message sits under that field; say it once.
        setMessage(at && Object.values(fields).flat().includes(error.message) ? '' : error.message);
      } else throw error;
    } finally {
      setBusy(false);
    }
  }

  if (sentTo) return <Done email={sentTo} />;

  const kinds = catalogues?.buddy_kinds ?? [];
  const toChoices = (entries: { code: string; label: string }[]) => entries.map((e) => ({ value: e.code, label: e.label }));
  const needsChoices = step !== 'about' && step !== 'availability' && (!catalogues || (step === 'place' && !places));
  const slotErrors = Object.fromEntries(Object.entries(errors).flatMap(([key, text]) => {
    const match = /^availability\.(\d+)$/.exec(key);
    return match ? [[Number(match[1]), text]] : [];
  }));

  return (
    <section class="screen signup" data-testid="signup" aria-labelledby="signup-title">
      <h1 id="signup-title">{_("Word maatje")}</h1>
      {index === 0 && (
        <p>{_("Fijn dat je een nieuwkomer wilt helpen! In een paar korte stappen vertel je wie je bent. Je kunt altijd terug: wat je invult, blijft bewaard.")}</p>
      )}
      <p class="step-count" data-testid="step-count">
        {
          // TRANSLATORS: progress of the sign-up, e.g. "Step 2 of 7".
          ngettext("Stap {step} van {n}", "Stap {step} van {n}", STEPS.length, { step: index + 1 })
        }
      </p>
      <progress max={STEPS.length} value={index + 1} aria-hidden="true" />
      <form data-testid={`signup-step-${step}`} onSubmit={submit} noValidate>
        <h2 ref={heading} tabIndex={-1} data-testid="step-title">{stepTitle(step)}</h2>
        {needsChoices && (
          <div class="notice" role="status" data-testid="choices-missing">
            <p><Icon name="warning" /> {_("De keuzes komen van de server. Maak verbinding met internet en probeer het opnieuw.")}</p>
            <Button icon="refresh" variant="secondary" onClick={() => void loadChoices()}>
              {/* TRANSLATORS: button: fetch the choices from the server again. */}
              {_("Opnieuw proberen")}
            </Button>
          </div>
        )}

        {step === 'about' && (
          <>
            <Field id="signup-name" label={_("Naam")} autocomplete="name" value={draft.display_name}
              error={errors.display_name} onInput={input('display_name')} />
            <p class="hint">{_("Je voornaam is genoeg. Een nieuwkomer ziet alleen je voornaam, tot jullie gekoppeld zijn.")}</p>
            <Field id="signup-email" label={_("E-mailadres")} type="email" autocomplete="email" inputMode="email"
              dir="ltr" value={draft.email} error={errors.email} onInput={input('email')} />
            <PasswordFields
              password={draft.password}
              repeat={draft.repeat}
              onPassword={edit('password')}
              onRepeat={edit('repeat')}
              error={errors.password}
              repeatError={errors.repeat}
            />
            <div class="field">
              {/* TRANSLATORS: label: the language of the buddy's e-mails and app. */}
              <label for="signup-locale">{_("Taal van je e-mails")}</label>
              <select id="signup-locale" value={draft.locale || lang} aria-describedby="signup-locale-hint"
                onChange={(e) => edit('locale')(e.currentTarget.value)}>
                {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>{l.name}</option>)}
              </select>
              <p class="hint" id="signup-locale-hint">{_("In deze taal sturen we je e-mails en opent de app na het inloggen.")}</p>
            </div>
          </>
        )}

        {step === 'kind' && catalogues && (
          <>
            <RadioGroup id="signup-kind" legend={_("Hoe wil je maatje worden?")} choices={toChoices(kinds)}
              value={draft.kind} error={errors.kind} onChange={edit('kind')} wide />
            <ul class="kind-notes">
              <li>{_("Als vrijwilliger trek je ongeveer een jaar op met een nieuwkomer, een paar uur per week of per twee weken.")}</li>
              <li>{_("MDT (maatschappelijke diensttijd) is voor jongeren van 12 tot en met 30 jaar, voor een periode van hoogstens zes maanden.")}</li>
            </ul>
            {draft.kind === 'mdt' && (
              <div class="mdt" data-testid="mdt-fields">
                <DateSelect id="signup-birth-date" max={today} min={`${Number(today.slice(0, 4)) - 31}-01-01`}
                  // TRANSLATORS: label of the date-of-birth field (civic service is for ages 12 to 30).
                  label={_("Geboortedatum")}
                  value={draft.birth_date} error={errors.birth_date} onChange={edit('birth_date')} />
                <DateSelect id="signup-mdt-start" label={_("Begin van je diensttijd")}
                  min={`${Number(today.slice(0, 4)) - 1}-01-01`} max={`${Number(today.slice(0, 4)) + 2}-12-31`}
                  value={draft.mdt_start} error={errors.mdt_start} onChange={edit('mdt_start')} />
                <DateSelect id="signup-mdt-end" label={_("Einde van je diensttijd")}
                  min={`${Number(today.slice(0, 4)) - 1}-01-01`} max={`${Number(today.slice(0, 4)) + 3}-12-31`}
                  value={draft.mdt_end} error={errors.mdt_end} onChange={edit('mdt_end')} />
                <p class="notice" data-testid="hours-target">
                  {
                    // TRANSLATORS: {n} is the number of hours an MDT buddy gives during the service period (80).
                    ngettext(
                      "In je diensttijd ben je minstens {n} uur maatje. Alles wat je samen doet telt mee: een kop koffie, een formulier invullen, samen naar de markt. Je coördinator houdt de uren met je bij.",
                      "In je diensttijd ben je minstens {n} uur maatje. Alles wat je samen doet telt mee: een kop koffie, een formulier invullen, samen naar de markt. Je coördinator houdt de uren met je bij.",
                      HOURS_TARGET,
                    )
                  }
                </p>
              </div>
            )}
          </>
        )}

        {step === 'kind' && catalogues && (
          <RadioGroup id="signup-gender"
            // TRANSLATORS: legend of the optional question about the buddy's gender.
            legend={_("Geslacht (niet verplicht)")}
            hint={_("Sommige nieuwkomers voelen zich prettiger bij een maatje van hetzelfde geslacht.")}
            choices={[...toChoices(catalogues.genders),
              // TRANSLATORS: a choice for the optional gender question: not saying.
              { value: '', label: _("Zeg ik liever niet") }]}
            value={draft.gender} error={errors.gender} onChange={edit('gender')} />
        )}

        {step === 'languages' && catalogues && (
          <CheckboxGroup id="signup-languages" legend={_("Talen die je spreekt")}
            hint={_("Kies alle talen waarin je een gesprek kunt voeren. Een gedeelde taal helpt bij de eerste kennismaking.")}
            choices={toChoices(catalogues.languages)} selected={draft.languages}
            error={errors.languages} onChange={edit('languages')} />
        )}

        {step === 'interests' && catalogues && (
          <CheckboxGroup id="signup-interests"
            // TRANSLATORS: legend above the hobbies and interests a buddy can tick.
            legend={_("Interesses")}
            hint={_("Wat je deelt, helpt ons een nieuwkomer te vinden die bij je past. Kies er zoveel als je wilt, of sla deze stap over.")}
            choices={toChoices(catalogues.interests)} selected={draft.interests}
            error={errors.interests} onChange={edit('interests')} />
        )}

        {step === 'availability' && (
          <>
            <p>{_("Voeg de momenten in de week toe waarop je meestal kunt. Je kunt dit later in je profiel aanpassen.")}</p>
            <AvailabilityEditor slots={draft.availability} errors={slotErrors} onChange={edit('availability')} />
            {errors.availability && <p class="field-error"><Icon name="warning" /> {errors.availability}</p>}
          </>
        )}

        {step === 'place' && catalogues && places && (
          <>
            <MunicipalityPicker all={places} value={draft.municipality} error={errors.municipality}
              onChange={edit('municipality')} />
            <RadioGroup id="signup-capacity" legend={_("Hoeveel nieuwkomers wil je tegelijk begeleiden?")}
              hint={_("De meeste maatjes beginnen met één.")}
              choices={Array.from({ length: MAX_CAPACITY }, (_x, i) => ({ value: String(i + 1), label: formatNumber(i + 1) }))}
              value={String(draft.capacity)} error={errors.capacity}
              onChange={(value) => edit('capacity')(Number(value))} />
          </>
        )}

        {step === 'consent' && catalogues && (
          <>
            <div class="privacy" data-testid="privacy-summary">
              <p>{_("Dit doen we met je gegevens, in het kort:")}</p>
              <ul>
                <li>{_("We bewaren wat je hier invult om je te leren kennen en een passende nieuwkomer voor te stellen.")}</li>
                <li>{_("Alleen de coördinatoren van je eigen gemeente zien je gegevens, en we schrijven op wanneer ze die openen.")}</li>
                <li>{_("Een voorgestelde nieuwkomer ziet alleen je voornaam, je gemeente en wat jullie delen. Je contactgegevens pas als de koppeling is goedgekeurd.")}</li>
                <li>{_("We bewaren je gegevens zolang je meedoet. Je mag ze inzien, laten verbeteren, meenemen en laten verwijderen.")}</li>
              </ul>
              <p class="hint" data-testid="privacy-version">
                <T msg={_("Privacyverklaring, versie {version}. Je coördinator geeft je de volledige tekst als je die wilt lezen.")}
                  version={catalogues.privacy_version} />
              </p>
            </div>
            <div class="field">
              <label class="choice consent">
                <input type="checkbox" id="signup-consent" checked={draft.consent}
                  aria-invalid={errors.consent || errors.privacy_version ? 'true' : undefined}
                  aria-describedby={errors.consent || errors.privacy_version ? 'signup-consent-error' : undefined}
                  onChange={(e) => edit('consent')(e.currentTarget.checked)} />
                <span>{_("Ik heb gelezen wat Maatje met mijn gegevens doet, en ik ga akkoord.")}</span>
              </label>
              {(errors.consent || errors.privacy_version) && (
                <p class="field-error" id="signup-consent-error"><Icon name="warning" /> {errors.consent || errors.privacy_version}</p>
              )}
            </div>
            {!online && (
              <p class="notice" role="status" data-testid="signup-offline">
                <Icon name="warning" /> {_("Je bent offline. Versturen kan alleen met internet; wat je hebt ingevuld, blijft bewaard.")}
              </p>
            )}
          </>
        )}

        <div role="alert" class="form-error" data-testid="signup-error">
          {message && <p><Icon name="warning" /> {message}</p>}
        </div>
        <div class="step-buttons">
          <Button type="submit" icon={last ? 'check' : undefined} disabled={busy || needsChoices}>
            {last
              // TRANSLATORS: button that sends the buddy sign-up.
              ? _("Aanmelden")
              // TRANSLATORS: button: go to the next step of the sign-up.
              : _("Volgende")}
          </Button>
          {index > 0 && (
            <Button variant="secondary" onClick={() => go(STEPS[index - 1])}>
              {/* TRANSLATORS: button: go back to the previous step of the sign-up. */}
              {_("Terug")}
            </Button>
          )}
        </div>
      </form>
      <p class="back-link"><a href="/">{_("Heb je al een account? Inloggen")}</a></p>
    </section>
  );
}

function Done({ email }: { email: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="screen signup" data-testid="signup-done" aria-labelledby="signup-done-title">
      <h1 id="signup-done-title" ref={heading} tabIndex={-1}>{_("Bedankt voor je aanmelding!")}</h1>
      <p role="status"><T msg={_("We hebben een bevestiging gestuurd naar {email}. Zie je niets? Kijk dan ook bij je spam.")} email={email} /></p>
      <h2>{_("Wat gebeurt er nu?")}</h2>
      <ol class="next-steps">
        <li>{_("Een coördinator van je gemeente neemt contact met je op voor een kennismakingsgesprek.")}</li>
        <li>{_("Je vraagt een VOG (verklaring omtrent het gedrag) aan en volgt een korte training.")}</li>
        <li>{_("Daarna stellen we je een nieuwkomer voor. Jij zegt zelf ja of nee.")}</li>
      </ol>
      <p>{_("Je kunt nu al inloggen met je e-mailadres en wachtwoord.")}</p>
      <p class="back-link"><a href="/">{
        // TRANSLATORS: link from the sign-up's thank-you page to the login screen.
        _("Naar inloggen")
      }</a></p>
    </section>
  );
}
