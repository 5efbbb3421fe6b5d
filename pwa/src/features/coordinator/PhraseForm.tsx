// Adding or changing a branch phrase: the Dutch, a theme (labels in the coordinator's language),
// a level, the translations the coordinator has (each optional) and a note. The server checks;
// its messages appear at the field they are about.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { _, LANGUAGES } from '../../i18n';
import type { ContentCatalogue, Level, OrgPhraseData } from '../../types';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { SelectField } from './Choices';
import type { PhraseFields } from './phrasesApi';
import { errorText } from './remote';

const LEVELS: Level[] = ['A0', 'A1', 'A2', 'B1'];
type Errors = Record<string, string>;

// The first message of each field of the server's 422; translations come per language.
export function fieldErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const out: Errors = {};
  const first = (value: unknown): string | null => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(first).find((m) => m !== null) ?? null;
    if (value && typeof value === 'object') return Object.values(value).map(first).find((m) => m !== null) ?? null;
    return null;
  };
  for (const [field, value] of Object.entries(error.errors as Record<string, unknown>)) {
    if (field === 'translations' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [lang, inner] of Object.entries(value)) out[`t-${lang}`] = first(inner) ?? '';
    }
    out[field] = first(value) ?? '';
  }
  return out;
}

function fieldsOf(phrase: OrgPhraseData | null): PhraseFields {
  return {
    nl: phrase?.nl ?? '', theme: phrase?.theme ?? '', level: phrase?.level ?? 'A1',
    translations: Object.fromEntries(Object.entries(phrase?.translations ?? {}).filter((e): e is [string, string] => !!e[1])),
    note: phrase?.note ?? '',
  };
}

export function PhraseForm({ phrase, catalogue, onSave, onCancel }: {
  phrase: OrgPhraseData | null; // null: a new one
  catalogue: ContentCatalogue | null;
  onSave: (fields: PhraseFields) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [fields, setFields] = useState<PhraseFields>(() => fieldsOf(phrase));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const prefix = phrase ? `phrase-${phrase.id.replace(/^org:/, '')}` : 'phrase-new';
  const set = <K extends keyof PhraseFields>(key: K, value: PhraseFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const setTranslation = (lang: string, text: string) => set('translations', { ...fields.translations, [lang]: text });

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure('');
    const translations = Object.fromEntries(Object.entries(fields.translations).map(([l, t]) => [l, t.trim()]).filter(([, t]) => t));
    try {
      await onSave({ ...fields, nl: fields.nl.trim(), note: fields.note.trim(), translations });
      if (!phrase) setFields(fieldsOf(null));
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const themes = Object.fromEntries((catalogue?.themes ?? []).map((t) => [t.code, t.label]));
  return (
    <form class="phrase-form" onSubmit={submit} noValidate data-testid={phrase ? 'phrase-edit-form' : 'phrase-add-form'}>
      <Field id={`${prefix}-nl`} label={_("De zin in het Nederlands")} value={fields.nl} lang="nl" dir="ltr"
        error={errors.nl} maxLength={300} onInput={(e) => set('nl', e.currentTarget.value)} />
      <SelectField id={`${prefix}-theme`} label={/* TRANSLATORS: a label: the theme a phrase belongs to */ _("Thema")}
        options={themes} value={fields.theme} onChange={(v) => set('theme', v)} error={errors.theme} />
      <SelectField id={`${prefix}-level`} label={/* TRANSLATORS: a label: the language level of a phrase (A0-B1) */ _("Niveau")}
        options={Object.fromEntries(LEVELS.map((l) => [l, l]))} value={fields.level}
        onChange={(v) => set('level', v as Level)} error={errors.level} />
      <fieldset class="translations">
        <legend>{_("Vertalingen (vul in wat je hebt)")}</legend>
        {LANGUAGES.filter((l) => l.code !== 'nl').map((l) => (
          <Field key={l.code} id={`${prefix}-t-${l.code}`} label={l.name} lang={l.code} dir={l.dir} maxLength={300}
            value={fields.translations[l.code] ?? ''} error={errors[`t-${l.code}`]}
            onInput={(e) => setTranslation(l.code, e.currentTarget.value)} />
        ))}
        {errors.translations && !LANGUAGES.some((l) => errors[`t-${l.code}`]) && <p class="field-error">{errors.translations}</p>}
      </fieldset>
      <Field id={`${prefix}-note`} label={_("Toelichting voor vertalers en maatjes (mag je leeg laten)")} value={fields.note}
        error={errors.note} maxLength={300} onInput={(e) => set('note', e.currentTarget.value)} />
      {failure && <p class="form-error" role="alert" data-testid="phrase-error">{failure}</p>}
      <div class="actions">
        <Button type="submit" icon="check" disabled={busy} data-testid="phrase-save">
          {phrase
            ? /* TRANSLATORS: a button: save the changed phrase */ _("Wijziging bewaren")
            : /* TRANSLATORS: a button: add the new phrase to the branch's list */ _("Zin toevoegen")}
        </Button>
        {onCancel && (
          <Button variant="quiet" onClick={onCancel}>{/* TRANSLATORS: a button: stop editing without saving */ _("Annuleren")}</Button>
        )}
      </div>
    </form>
  );
}
