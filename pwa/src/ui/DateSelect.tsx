// A calendar date as three selects (day, month, year) in the app's language, not the browser's:
// a native date input shows "11/30/2007" in Chromium whatever the app's language is.
// The value is "YYYY-MM-DD" once all three are chosen and the day exists, else ''.
import { useEffect, useState } from 'preact/hooks';
import { _, dayChoices, monthChoices, yearChoices } from '../i18n';
import { Icon } from './Icon';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: string; // "YYYY-MM-DD": only its year bounds the choices; the form checks the day
  max?: string;
  error?: string;
}

type Parts = { day: string; month: string; year: string };

function split(value: string): Parts {
  const [year = '', month = '', day = ''] = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-') : [];
  return { day, month, year };
}

// The ISO date of the parts, or '' when one is missing or the day does not exist (31 April).
export function joinDate({ day, month, year }: Parts): string {
  if (!day || !month || !year) return '';
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : '';
}

export function DateSelect({ id, label, value, onChange, min, max, error }: Props) {
  const [parts, setParts] = useState<Parts>(() => split(value));
  // A value set from outside (a draft restored, a form reset) shows; a half-chosen date stays.
  useEffect(() => {
    if (value && value !== joinDate(parts)) setParts(split(value));
    if (!value && joinDate(parts)) setParts({ day: '', month: '', year: '' });
  }, [value]);
  const thisYear = new Date().getFullYear();
  const from = min ? Number(min.slice(0, 4)) : thisYear - 100;
  const to = max ? Number(max.slice(0, 4)) : thisYear + 5;
  const errorId = `${id}-error`;
  const change = (part: keyof Parts) => (e: { currentTarget: HTMLSelectElement }) => {
    const next = { ...parts, [part]: e.currentTarget.value };
    setParts(next);
    onChange(joinDate(next));
  };
  const select = (part: keyof Parts, name: string, choices: { value: string; label: string }[]) => (
    <select
      aria-label={name}
      data-part={part}
      value={parts[part]}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? errorId : undefined}
      onChange={change(part)}
    >
      <option value="">{name}</option>
      {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
    </select>
  );
  return (
    <fieldset class="field date-field" id={id} data-testid={id}>
      <legend>{label}</legend>
      <div class="date-selects">
        {select('day', dayLabel(), dayChoices())}
        {select('month', monthLabel(), monthChoices())}
        {select('year', yearLabel(), yearChoices(from, to))}
      </div>
      {error && (
        <p class="field-error" id={errorId}>
          <Icon name="warning" /> {error}
        </p>
      )}
    </fieldset>
  );
}

// TRANSLATORS: the day of the month in a date (a choice list's label).
const dayLabel = () => _("dag van de maand");
// TRANSLATORS: the month in a date (a choice list's label).
const monthLabel = () => _("maand");
// TRANSLATORS: the year in a date (a choice list's label).
const yearLabel = () => _("jaar");
