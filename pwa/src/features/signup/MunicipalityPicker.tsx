// A searchable choice among the 342 municipalities: type a few letters, pick one of the matches.
// The chosen one stays in view with its province (there are look-alike names).
import { useState } from 'preact/hooks';
import { _ } from '../../i18n';
import { T } from '../../i18n/T';
import type { Municipality } from '../../types';
import { Field } from '../../ui/Field';
import { RadioGroup } from './Choices';
import { findMunicipalities } from './form';

interface Props {
  all: Municipality[];
  value: string;
  error?: string;
  onChange: (code: string) => void;
}

export function MunicipalityPicker({ all, value, error, onChange }: Props) {
  const chosen = all.find((m) => m.code === value) ?? null;
  const [query, setQuery] = useState('');
  const found = findMunicipalities(all, query);
  // The chosen one stays among the choices while another search runs.
  const choices = chosen && !found.includes(chosen) ? [chosen, ...found] : found;
  return (
    <div class="municipality-picker">
      <Field
        id="signup-municipality-search"
        // TRANSLATORS: label of the search field for the municipality the buddy lives in.
        label={_("Zoek je gemeente")}
        type="search"
        autocomplete="off"
        value={query}
        aria-describedby="signup-municipality-hint"
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <p class="hint" id="signup-municipality-hint">{_("Typ de eerste letters van de naam en kies je gemeente.")}</p>
      {query.trim() && found.length === 0 && (
        <p role="status" data-testid="no-municipality">{_("Geen gemeente gevonden. Kijk of de naam goed gespeld is.")}</p>
      )}
      {(choices.length > 0 || error) && (
        <RadioGroup
          id="signup-municipality"
          // TRANSLATORS: legend above the municipalities that match the search.
          legend={_("Gemeente")}
          wide
          choices={choices.map((m) => ({ value: m.code, label: `${m.name} (${m.province})` }))}
          value={value}
          error={error}
          onChange={onChange}
        />
      )}
      {chosen && (
        <p data-testid="chosen-municipality">
          {/* TRANSLATORS: {name} is the municipality the buddy picked, e.g. "Chosen: Utrecht". */}
          <T msg={_("Gekozen: {name}")} name={chosen.name} />
        </p>
      )}
    </div>
  );
}
