// /oefenen/instellingen: how much a day, two or four answer buttons, the modes, the voice, and for
// a newcomer the two consents in plain words. Saved as one queued change (offline too).
import { useState } from 'preact/hooks';
import { _, pgettext } from '../../i18n';
import type { PracticeData, PracticeMode, Voice } from '../../types';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';
import { useDutchVoice } from '../audio/hooks';
import { useQueuedChange } from '../auth/useQueuedChange';
import { saveSettings, type SettingsChange } from './mutations';
import { watchPractice } from './settings';
import { MODES, modeHelp, modeName, voiceName } from './words';
import './practice.css';

const NEW_PER_DAY = [3, 5, 10, 15, 20, 30];
const REVIEWS_PER_DAY = [20, 40, 60, 100, 150];

interface Form {
  new_per_day: number;
  reviews_per_day: number;
  buttons: 2 | 4;
  voice: Voice;
  modes: PracticeMode[];
  together: boolean;
  share_progress: boolean;
}

function formOf(s: PracticeData): Form {
  return {
    new_per_day: s.new_per_day, reviews_per_day: s.reviews_per_day, buttons: s.buttons, voice: s.voice, modes: s.modes,
    together: s.together_consent_at !== null, share_progress: s.progress_consent_at !== null,
  };
}

// Only what changed is sent, so a change made on another phone in the meantime is kept.
function changes(before: Form, after: Form, newcomer: boolean): SettingsChange {
  const out: SettingsChange = {};
  if (after.new_per_day !== before.new_per_day) out.new_per_day = after.new_per_day;
  if (after.reviews_per_day !== before.reviews_per_day) out.reviews_per_day = after.reviews_per_day;
  if (after.buttons !== before.buttons) out.buttons = after.buttons;
  if (after.voice !== before.voice) out.voice = after.voice;
  if (after.modes.join() !== before.modes.join()) out.modes = after.modes;
  if (newcomer && after.together !== before.together) out.together = after.together;
  if (newcomer && after.share_progress !== before.share_progress) out.share_progress = after.share_progress;
  return out;
}

function Choice<T extends string | number>({ name, value, checked, onChange, children }: {
  name: string; value: T; checked: boolean; onChange: (v: T) => void; children: preact.ComponentChildren;
}) {
  return (
    <label class="choice">
      <input type="radio" name={name} value={String(value)} checked={checked} onChange={() => onChange(value)} />
      <span>{children}</span>
    </label>
  );
}

function SettingsForm({ settings, newcomer }: { settings: PracticeData; newcomer: boolean }) {
  const db = useDb();
  const browserVoice = useDutchVoice(); // the phone's own Dutch voice is offered only when it has one
  const { refused, run } = useQueuedChange();
  const [form, setForm] = useState<Form>(() => formOf(settings));
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const set = (part: Partial<Form>) => { setForm({ ...form, ...part }); setStatus(''); };
  const voices: Voice[] = browserVoice || form.voice === 'browser' ? ['recorded', 'browser', 'computer'] : ['recorded', 'computer'];

  function submit(e: Event) {
    e.preventDefault();
    if (form.modes.length === 0) return setError(_("Kies minstens één manier van oefenen."));
    setError('');
    const change = changes(formOf(settings), form, newcomer);
    if (Object.keys(change).length === 0) return setStatus(_("Je instellingen zijn bewaard."));
    void run(() => saveSettings(db, change)).then((ok) => ok && setStatus(
      navigator.onLine ? _("Je instellingen zijn bewaard.") : _("Bewaard op je telefoon. Het wordt verstuurd zodra je online bent."),
    ));
  }

  return (
    <form class="practice-settings" onSubmit={submit} noValidate data-testid="practice-settings">
      <div class="field">
        <label for="new-per-day">{_("Nieuwe zinnen per dag")}</label>
        <select id="new-per-day" value={String(form.new_per_day)} aria-describedby="new-per-day-help"
          onChange={(e) => set({ new_per_day: Number(e.currentTarget.value) })} data-testid="new-per-day">
          {[...new Set([...NEW_PER_DAY, form.new_per_day])].sort((a, b) => a - b).map((n) => <option key={n} value={String(n)}>{n}</option>)}
        </select>
        <p class="help" id="new-per-day-help">{_("10 is een goed begin. Minder mag ook: elke dag een beetje helpt het meest.")}</p>
      </div>
      <div class="field">
        <label for="reviews-per-day">{_("Herhalingen per dag (hoogstens)")}</label>
        <select id="reviews-per-day" value={String(form.reviews_per_day)} aria-describedby="reviews-per-day-help"
          onChange={(e) => set({ reviews_per_day: Number(e.currentTarget.value) })} data-testid="reviews-per-day">
          {[...new Set([...REVIEWS_PER_DAY, form.reviews_per_day])].sort((a, b) => a - b).map((n) => <option key={n} value={String(n)}>{n}</option>)}
        </select>
        <p class="help" id="reviews-per-day-help">{_("Zinnen die je al kent, komen terug vlak voordat je ze zou vergeten. Is het er eens meer, dan verdelen we ze over de volgende dagen.")}</p>
      </div>
      <fieldset class="choices">
        <legend>{_("Knoppen om te antwoorden")}</legend>
        <Choice name="buttons" value={2} checked={form.buttons === 2} onChange={(buttons) => set({ buttons })}>
          {_("Twee knoppen: ‘Nog een keer’ en ‘Goed’ (eenvoudig)")}
        </Choice>
        <Choice name="buttons" value={4} checked={form.buttons === 4} onChange={(buttons) => set({ buttons })}>
          {_("Vier knoppen: ‘Opnieuw’, ‘Moeilijk’, ‘Goed’ en ‘Makkelijk’")}
        </Choice>
      </fieldset>
      <fieldset class="choices">
        <legend>{_("Zo wil ik oefenen")}</legend>
        {MODES.map((mode) => (
          <label key={mode} class="choice">
            <input type="checkbox" name="modes" value={mode} checked={form.modes.includes(mode)} data-testid={`mode-${mode}`}
              onChange={(e) => set({ modes: MODES.filter((m) => (m === mode ? e.currentTarget.checked : form.modes.includes(m))) })} />
            <span><strong>{modeName(mode)}</strong>: {modeHelp(mode)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend>{_("Welke stem hoor je?")}</legend>
        {voices.map((voice) => (
          <Choice key={voice} name="voice" value={voice} checked={form.voice === voice} onChange={(v) => set({ voice: v })}>
            {voiceName(voice)}
          </Choice>
        ))}
      </fieldset>
      {newcomer && (
        <fieldset class="choices consents" data-testid="consents">
          <legend>{_("Samen met je maatje")}</legend>
          <label class="choice">
            <input type="checkbox" checked={form.together} onChange={(e) => set({ together: e.currentTarget.checked })} data-testid="consent-together" />
            <span>
              <strong>{_("Samen oefenen met je maatje")}</strong>
              <br />{_("Je maatje laat je een zin zien of horen en jij zegt hem. Je maatje drukt dan op een knop. Dat telt als jouw oefening, net als wanneer je alleen oefent.")}
            </span>
          </label>
          <label class="choice">
            <input type="checkbox" checked={form.share_progress} onChange={(e) => set({ share_progress: e.currentTarget.checked })} data-testid="consent-progress" />
            <span>
              <strong>{_("Je maatje mag je voortgang zien")}</strong>
              <br />{_("Je maatje ziet dan hoeveel je oefent en welke thema's je al goed kent. Niet welke antwoorden je gaf. Je kunt dit altijd weer uitzetten.")}
            </span>
          </label>
        </fieldset>
      )}
      {error && <p class="field-error" role="alert"><Icon name="warning" /> {error}</p>}
      {refused && <p class="form-error" role="alert">{refused}</p>}
      {/* TRANSLATORS: a button: save the practice settings. */}
      <Button type="submit" icon="check" data-testid="save-settings">{pgettext("practice settings", "Opslaan")}</Button>
      <p role="status" class="form-status" data-testid="settings-status">{status}</p>
    </form>
  );
}

export function PracticeSettingsScreen({ user }: ScreenProps) {
  const db = useDb();
  // TRANSLATORS: the title of the practice settings screen.
  useTitle(pgettext("screen title", "Instellingen voor oefenen"));
  const settings = useWatch<PracticeData | null>(watchPractice(db, user.id), null, [db, user.id]);
  return (
    <section class="screen practice-settings-screen" data-testid="practice-settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{pgettext("screen title", "Instellingen voor oefenen")}</h1>
      {settings ? <SettingsForm key={user.id} settings={settings} newcomer={user.roles.includes('newcomer')} />
        : <p role="status">{_("Even geduld…")}</p>}
      <p>
        <a class="btn btn-quiet" href="/oefenen"><Icon name="back" /> <span>{_("Terug naar oefenen")}</span></a>
      </p>
    </section>
  );
}
