// Weekly availability as a list of moments (day, from, to). Day names and times are in the app's
// language (not the browser's, as a native time input would be): 24-hour where the language uses it.
import { _, format, hourChoices, minuteChoices, pgettext, weekdayName } from '../../i18n';
import type { Slot } from '../../types';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import './availability.css';

const MINUTE_STEP = 5;

interface TimeProps {
  id: string;
  legend: string;
  value: string; // "HH:MM", as stored
  errorId?: string;
  onChange: (value: string) => void;
}

// Two selects (hour, minute) in one labelled group: every choice is a valid time.
export function TimeSelect({ id, legend, value, errorId, onChange }: TimeProps) {
  const [hour = '00', minute = '00'] = value.split(':');
  return (
    <fieldset class="field time-field" id={id} data-testid={id}>
      <legend>{legend}</legend>
      <div class="time-selects" dir="ltr">
        <select
          // TRANSLATORS: the hour of a clock time (a label for screen readers).
          aria-label={_("uur")}
          value={hour}
          aria-invalid={errorId ? 'true' : undefined}
          aria-describedby={errorId}
          onChange={(e) => onChange(`${e.currentTarget.value}:${minute}`)}
        >
          {hourChoices().map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
        <span aria-hidden="true">:</span>
        <select
          // TRANSLATORS: the minutes of a clock time (a label for screen readers).
          aria-label={_("minuten")}
          value={minute}
          onChange={(e) => onChange(`${hour}:${e.currentTarget.value}`)}
        >
          {minuteChoices(MINUTE_STEP, minute).map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </div>
    </fieldset>
  );
}

interface Props {
  slots: Slot[];
  errors: Record<number, string>;
  onChange: (slots: Slot[]) => void;
}

export function AvailabilityEditor({ slots, errors, onChange }: Props) {
  const update = (index: number, change: Partial<Slot>) =>
    onChange(slots.map((slot, i) => (i === index ? { ...slot, ...change } : slot)));

  return (
    <div class="availability">
      {slots.length === 0 && <p>{_("Je hebt nog geen vaste momenten.")}</p>}
      {slots.map((slot, i) => (
        <fieldset class="slot" key={i}>
          {/* TRANSLATORS: heading of the {number}-th weekly time slot when the person is usually free (a "time slot", NOT a clock time). */}
          <legend>{format(pgettext("time slot", "Moment {number}"), { number: i + 1 })}</legend>
          <div class="field">
            {/* TRANSLATORS: label: the weekday of a weekly time slot. */}
            <label for={`slot-${i}-day`}>{pgettext("time slot", "Dag")}</label>
            <select id={`slot-${i}-day`} value={String(slot.day)} onChange={(e) => update(i, { day: Number(e.currentTarget.value) })}>
              {[0, 1, 2, 3, 4, 5, 6].map((d) => (
                <option key={d} value={String(d)}>{weekdayName(d)}</option>
              ))}
            </select>
          </div>
          <TimeSelect
            id={`slot-${i}-start`}
            // TRANSLATORS: label: the time a weekly time slot begins ("from 09:00").
            legend={pgettext("time slot", "Van")}
            value={slot.start}
            onChange={(start) => update(i, { start })}
          />
          <TimeSelect
            id={`slot-${i}-end`}
            // TRANSLATORS: label: the time a weekly time slot ends ("until 12:00").
            legend={pgettext("time slot", "Tot")}
            value={slot.end}
            errorId={errors[i] ? `slot-${i}-error` : undefined}
            onChange={(end) => update(i, { end })}
          />
          {errors[i] && <p class="field-error" id={`slot-${i}-error`}><Icon name="warning" /> {errors[i]}</p>}
          <Button icon="close" variant="quiet" onClick={() => onChange(slots.filter((_slot, j) => j !== i))}>
            {/* TRANSLATORS: button: remove this weekly time slot. */}
            {_("Verwijderen")}
          </Button>
        </fieldset>
      ))}
      <Button icon="plus" variant="secondary" onClick={() => onChange([...slots, { day: 0, start: '09:00', end: '12:00' }])}>
        {/* TRANSLATORS: button: add a weekly time slot (a "time slot", NOT a clock time). */}
        {_("Moment toevoegen")}
      </Button>
    </div>
  );
}
