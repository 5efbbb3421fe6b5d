// The intake of a new newcomer, by a municipal coordinator: every choice from the translated
// catalogues, availability with the same editor as the profile. Saving creates the newcomer's
// account; the activation code (QR + typed code) is shown right away for the newcomer's phone.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { _, LANGUAGES } from '../../i18n';
import type { Slot } from '../../types';
import { Button } from '../../ui/Button';
import { DateSelect } from '../../ui/DateSelect';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useLeaveGuard } from '../../ui/useLeaveGuard';
import { useTitle } from '../../ui/useTitle';
import { useCatalogues } from '../catalogues/useCatalogues';
import { AvailabilityEditor } from '../profile/AvailabilityEditor';
import { ActivationCard } from './ActivationCard';
import { coordinatorApi, type ActivationCode, type NewIntake, type Newcomer } from './api';
import { CheckGroup, SelectField } from './Choices';
import { BackLink } from './parts';
import { errorText } from './remote';

type Errors = Record<string, string>;

function emptyIntake(municipality: string): NewIntake {
  return {
    display_name: '', username: '', email: '', locale: 'ar',
    category: '', arrival_date: null, gender: null, languages: [], dutch_level: '', municipality,
    learning_route: null, goals: {}, interests: [], availability: [], preferences: {}, consents: [],
  };
}

// What the form itself can tell before asking the server (privacy: the one consent required).
export function checkIntake(intake: NewIntake, consents: readonly string[]): Errors {
  const errors: Errors = {};
  if (!intake.display_name.trim()) errors.display_name = _("Vul de naam in.");
  if (!intake.category) errors.category = _("Kies een categorie.");
  if (!intake.dutch_level) errors.dutch_level = _("Kies het niveau Nederlands.");
  if (intake.languages.length === 0) errors.languages = _("Kies minstens één taal.");
  if (!intake.municipality) errors.municipality = _("Kies de gemeente.");
  if (!consents.includes('privacy')) errors.consents = _("Zonder toestemming kan de inschrijving niet worden bewaard.");
  return errors;
}

// The server's errors per field (422), the first message of each.
function fieldErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.errors).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)]));
}

type Created = Newcomer & { activation_code: string; activation: ActivationCode };

function Created({ newcomer }: { newcomer: Created }) {
  return (
    <>
      <p class="form-success" role="status" data-testid="intake-saved">
        <Icon name="check" /> {_("De nieuwkomer is ingeschreven.")}
      </p>
      {newcomer.username && (
        <p>{/* TRANSLATORS: a label: the name to log in with */ _("Gebruikersnaam")}: <strong class="code" dir="ltr" data-testid="intake-username">{newcomer.username}</strong></p>
      )}
      <ActivationCard code={newcomer.activation} name={newcomer.display_name} />
      <div class="actions">
        <a class="btn btn-primary" href={`/coordinatie/nieuwkomers/${newcomer.id}/suggesties`} data-testid="to-suggestions">
          <Icon name="people" /> <span>{/* TRANSLATORS: a button and a title: the suggested buddies for this newcomer */ _("Maatjes zoeken")}</span>
        </a>
        <a class="btn btn-secondary" href={`/coordinatie/nieuwkomers/${newcomer.id}`}>
          <Icon name="user" /> <span>{_("Naar de nieuwkomer")}</span>
        </a>
      </div>
    </>
  );
}

export function IntakeScreen({ user }: ScreenProps) {
  useTitle(_("Nieuwkomer inschrijven"));
  const catalogues = useCatalogues();
  const municipality = user.organisation?.kind === 'municipality' ? user.organisation : null;
  const [intake, setIntake] = useState<NewIntake>(() => emptyIntake(municipality?.code ?? ''));
  const [consents, setConsents] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Created | null>(null);
  const [touched, setTouched] = useState(false);
  useLeaveGuard(touched && !done, _("De inschrijving is nog niet bewaard. Wil je deze pagina toch verlaten?"));

  const set = <K extends keyof NewIntake>(key: K) => (value: NewIntake[K]) => {
    setIntake((current) => ({ ...current, [key]: value }));
    setTouched(true);
  };
  const setGoals = (domain: string) => (codes: string[]) => set('goals')({ ...intake.goals, [domain]: codes });

  async function save(event: Event) {
    event.preventDefault();
    const found = checkIntake(intake, consents);
    setErrors(found);
    setFailure('');
    if (Object.keys(found).length > 0) {
      document.getElementById(`intake-${Object.keys(found)[0]}`)?.querySelector<HTMLElement>('input, select')?.focus();
      document.getElementById(`intake-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    const body: NewIntake = {
      ...intake,
      display_name: intake.display_name.trim(),
      // The server records when; the version is the statement's current one (GET /api/catalogues).
      consents: consents.map((kind) => ({ kind, version: catalogues.privacy_version })),
    };
    if (!body.username?.trim()) delete body.username;
    if (!body.email?.trim()) delete body.email;
    setBusy(true);
    try {
      // The answer holds the activation code with its link and QR code, shown at once.
      setDone(await coordinatorApi.createNewcomer(body));
      window.scrollTo(0, 0);
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="screen coordinator intake" data-testid="intake" aria-labelledby="intake-title">
      <BackLink href="/coordinatie" />
      <h1 id="intake-title">{_("Nieuwkomer inschrijven")}</h1>
      {done ? <Created newcomer={done} /> : (
        <form onSubmit={save} noValidate>
          {/* TRANSLATORS: a heading in the intake form: who the newcomer is. */}
          <h2>{_("Persoon")}</h2>
          <Field id="intake-display_name" label={_("Naam")} value={intake.display_name} error={errors.display_name}
            autocomplete="off" onInput={(e) => set('display_name')(e.currentTarget.value)} />
          <Field id="intake-username" label={_("Gebruikersnaam (mag je leeg laten: dan maakt Maatje er een)")}
            value={intake.username ?? ''} error={errors.username} autocomplete="off" spellcheck={false}
            onInput={(e) => set('username')(e.currentTarget.value)} />
          <Field id="intake-email" type="email" label={_("E-mailadres (als de nieuwkomer er een heeft)")}
            value={intake.email ?? ''} error={errors.email} autocomplete="off"
            onInput={(e) => set('email')(e.currentTarget.value)} />
          <SelectField id="intake-locale" label={_("Taal van de app voor de nieuwkomer")}
            options={Object.fromEntries(LANGUAGES.map((l) => [l.code, l.name]))} value={intake.locale}
            onChange={set('locale')} error={errors.locale} />
          <SelectField id="intake-category" label={/* TRANSLATORS: a label: the newcomer's category (e.g. refugee permit holder) */ _("Categorie")} options={catalogues.categories}
            value={intake.category} onChange={set('category')} error={errors.category} />
          <DateSelect id="intake-arrival_date" label={_("Aankomst in Nederland")} value={intake.arrival_date ?? ''}
            min="1950-01-01" max={new Date().toISOString().slice(0, 10)}
            error={errors.arrival_date} onChange={(v) => set('arrival_date')(v || null)} />
          <SelectField id="intake-gender" label={/* TRANSLATORS: a label: a person's gender */ _("Gender")} options={catalogues.genders} value={intake.gender ?? ''}
            onChange={(v) => set('gender')(v || null)} optional error={errors.gender} />
          <SelectField id="intake-municipality" label={/* TRANSLATORS: a label: the municipality where the newcomer lives */ _("Gemeente")}
            options={municipality ? { [municipality.code]: municipality.name } : {}}
            value={intake.municipality} onChange={set('municipality')} error={errors.municipality} />

          {/* TRANSLATORS: a heading in the intake form: languages spoken and the level of Dutch. */}
          <h2>{_("Taal")}</h2>
          <CheckGroup id="intake-languages" legend={_("Talen die de nieuwkomer spreekt")} options={catalogues.languages}
            value={intake.languages} onChange={set('languages')} error={errors.languages} />
          <SelectField id="intake-dutch_level" label={/* TRANSLATORS: a label: the CEFR level of Dutch */ _("Niveau Nederlands")} options={catalogues.dutch_levels}
            value={intake.dutch_level} onChange={set('dutch_level')} error={errors.dutch_level} />
          <SelectField id="intake-learning_route" label={/* TRANSLATORS: a label: the civic integration route (B1, education, Z) */ _("Leerroute")} options={catalogues.learning_routes}
            value={intake.learning_route ?? ''} onChange={(v) => set('learning_route')(v || null)} optional error={errors.learning_route} />

          <h2>{/* TRANSLATORS: a heading in the intake form: goals in language, work and taking part */ _("Doelen")}</h2>
          {Object.entries(catalogues.domains).map(([domain, name]) => (
            <CheckGroup key={domain} id={`intake-goals-${domain}`} legend={name} options={catalogues.goals[domain] ?? {}}
              value={intake.goals[domain] ?? []} onChange={setGoals(domain)} />
          ))}
          {errors.goals && <p class="field-error">{errors.goals}</p>}

          <h2>{_("Interesses")}</h2>
          <CheckGroup id="intake-interests" legend={_("Waar houdt de nieuwkomer van?")} options={catalogues.interests}
            value={intake.interests} onChange={set('interests')} error={errors.interests} />

          <h2>{_("Wanneer kan de nieuwkomer meestal?")}</h2>
          <AvailabilityEditor slots={intake.availability} errors={{}} onChange={(slots: Slot[]) => set('availability')(slots)} />

          <h2>{/* TRANSLATORS: a heading in the intake form: wishes about the buddy */ _("Voorkeuren")}</h2>
          <SelectField id="intake-buddy_gender" label={_("Voorkeur voor het gender van het maatje")} options={catalogues.genders}
            value={intake.preferences.buddy_gender ?? ''} optional
            onChange={(v) => set('preferences')({ ...intake.preferences, buddy_gender: v || null })} />
          <SelectField id="intake-buddy_kind" label={_("Voorkeur voor het soort maatje")} options={catalogues.buddy_kinds}
            value={intake.preferences.buddy_kind ?? ''} optional
            onChange={(v) => set('preferences')({ ...intake.preferences, buddy_kind: v || null })} />

          <h2>{/* TRANSLATORS: a heading and label: the consents given at intake */ _("Toestemming")}</h2>
          <CheckGroup id="intake-consents" legend={_("De nieuwkomer heeft de privacyverklaring gehoord en geeft toestemming voor:")}
            options={catalogues.consent_kinds} value={consents} error={errors.consents}
            onChange={(value) => { setConsents(value); setTouched(true); }} />

          {failure && <p class="form-error" role="alert" data-testid="intake-error">{failure}</p>}
          <Button type="submit" icon="check" disabled={busy} data-testid="intake-save">
            {_("Inschrijven en code maken")}
          </Button>
        </form>
      )}
    </section>
  );
}
