// Catalogue choices for forms: a group of checkboxes (several) or a select (one). The labels come
// translated from the server; the values are the catalogue's codes, never free text.
import { _ } from '../../i18n';

export function CheckGroup({ id, legend, options, value, onChange, error }: {
  id: string;
  legend: string;
  options: Record<string, string>;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset class="checks" id={id} data-testid={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div class="options">
        {Object.entries(options).map(([code, text]) => (
          <label key={code}>
            <input type="checkbox" value={code} checked={value.includes(code)}
              onChange={(e) => toggle(code, e.currentTarget.checked)} />
            <span>{text}</span>
          </label>
        ))}
      </div>
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </fieldset>
  );
}

export function SelectField({ id, label, options, value, onChange, optional = false, error }: {
  id: string;
  label: string;
  options: Record<string, string>;
  value: string;
  onChange: (value: string) => void;
  optional?: boolean;
  error?: string;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {/* TRANSLATORS: the empty choice of an optional list. */}
        <option value="">{optional ? _("(geen voorkeur)") : _("Kies…")}</option>
        {Object.entries(options).map(([code, text]) => <option key={code} value={code}>{text}</option>)}
      </select>
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}
