// Weekly availability as a list of moments (day, from, to); day names come from Intl, so
// every language gets them without translation work.
import { _, currentLang, format } from '../../i18n';
import type { Slot } from '../../types';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

// 1 January 2024 was a Monday, so day 0 = Monday as the API counts.
export function dayName(day: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + day)));
}

interface Props {
  slots: Slot[];
  errors: Record<number, string>;
  onChange: (slots: Slot[]) => void;
}

export function AvailabilityEditor({ slots, errors, onChange }: Props) {
  const lang = currentLang();
  const update = (index: number, change: Partial<Slot>) =>
    onChange(slots.map((slot, i) => (i === index ? { ...slot, ...change } : slot)));

  return (
    <div class="availability">
      {slots.length === 0 && <p>{_("Je hebt nog geen vaste momenten.")}</p>}
      {slots.map((slot, i) => (
        <fieldset class="slot" key={i}>
          <legend>{format(_("Moment {n}"), { n: i + 1 })}</legend>
          <div class="field">
            <label for={`slot-${i}-day`}>{_("Dag")}</label>
            <select id={`slot-${i}-day`} value={String(slot.day)} onChange={(e) => update(i, { day: Number(e.currentTarget.value) })}>
              {[0, 1, 2, 3, 4, 5, 6].map((d) => (
                <option key={d} value={String(d)}>{dayName(d, lang)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`slot-${i}-start`}>{_("Van")}</label>
            <input id={`slot-${i}-start`} type="time" value={slot.start} onInput={(e) => update(i, { start: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for={`slot-${i}-end`}>{_("Tot")}</label>
            <input
              id={`slot-${i}-end`}
              type="time"
              value={slot.end}
              aria-invalid={errors[i] ? 'true' : undefined}
              aria-describedby={errors[i] ? `slot-${i}-error` : undefined}
              onInput={(e) => update(i, { end: e.currentTarget.value })}
            />
          </div>
          {errors[i] && <p class="field-error" id={`slot-${i}-error`}><Icon name="warning" /> {errors[i]}</p>}
          <Button icon="close" variant="quiet" onClick={() => onChange(slots.filter((_slot, j) => j !== i))}>
            {_("Verwijderen")}
          </Button>
        </fieldset>
      ))}
      <Button icon="plus" variant="secondary" onClick={() => onChange([...slots, { day: 0, start: '09:00', end: '12:00' }])}>
        {_("Moment toevoegen")}
      </Button>
    </div>
  );
}
