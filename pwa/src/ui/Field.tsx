// A labelled input with its error linked for screen readers (aria-describedby).
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
