// A labelled input with its error linked for screen readers (aria-describedby). dir="auto": what
// the user types (a Latin e-mail address in an Arabic screen) keeps its own direction.
import type { InputHTMLAttributes } from 'preact';
import { Icon } from './Icon';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  error?: string;
};

export function Field({ id, label, error, ...input }: Props) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        dir="auto"
        {...input}
        id={id}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p class="field-error" id={errorId}>
          <Icon name="warning" /> {error}
        </p>
      )}
    </div>
  );
}
