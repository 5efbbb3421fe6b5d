// Choices from a catalogue, never free text: a group of checkboxes (several) or radio buttons
// (one), each a whole row a thumb can hit, the group's error linked for screen readers.
import type { ComponentChildren } from 'preact';
import { Icon } from '../../ui/Icon';

export interface Choice {
  value: string;
  label: string;
}

interface GroupProps {
  id: string;
  legend: string;
  hint?: ComponentChildren;
  error?: string;
  children: ComponentChildren;
}

function Group({ id, legend, hint, error, children }: GroupProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset class="choices" id={id} data-testid={id} aria-describedby={described || undefined}
      aria-invalid={error ? 'true' : undefined}>
      <legend>{legend}</legend>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && <p class="field-error" id={`${id}-error`}><Icon name="warning" /> {error}</p>}
    </fieldset>
  );
}

interface ManyProps extends Omit<GroupProps, 'children'> {
  choices: Choice[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

// Several choices; the order of `choices` is kept in what is selected.
export function CheckboxGroup({ choices, selected, onChange, ...group }: ManyProps) {
  const toggle = (value: string, on: boolean) =>
    onChange(choices.map((c) => c.value).filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <Group {...group}>
      <ul class="choice-list">
        {choices.map((choice) => (
          <li key={choice.value}>
            <label class="choice">
              <input type="checkbox" name={group.id} value={choice.value} checked={selected.includes(choice.value)}
                onChange={(e) => toggle(choice.value, e.currentTarget.checked)} />
              <span>{choice.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </Group>
  );
}

interface OneProps extends Omit<GroupProps, 'children'> {
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
  wide?: boolean;
}

// One choice.
export function RadioGroup({ choices, value, onChange, wide = false, ...group }: OneProps) {
  return (
    <Group {...group}>
      <ul class={`choice-list${wide ? ' is-wide' : ''}`}>
        {choices.map((choice) => (
          <li key={choice.value}>
            <label class="choice">
              <input type="radio" name={group.id} value={choice.value} checked={value === choice.value}
                onChange={() => onChange(choice.value)} />
              <span>{choice.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </Group>
  );
}
