// A newcomer's suggested buddies, best first, each with its score explained part by part and one
// "propose" button. Filters: a language, a distance, a kind of buddy.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { _, format, ngettext } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useCatalogues } from '../catalogues/useCatalogues';
import { coordinatorApi, type Suggestion } from './api';
import { SelectField } from './Choices';
import { BackLink } from './parts';
import { RemoteView, useAction, useRemote } from './remote';
import { ScoreParts, Total } from './ScoreParts';

const DISTANCES = [5, 10, 25, 50];

function Row({ newcomerId, suggestion, rank }: { newcomerId: string; suggestion: Suggestion; rank: number }) {
  const [run, busy, error] = useAction();
  const { route } = useLocation();
  const buddyId = suggestion.buddy_id;
  const propose = () => run(async () => {
    const match = await coordinatorApi.propose(newcomerId, buddyId, suggestion.score);
    route(`/coordinatie/koppelingen/${match.id}`);
  });
  return (
    <li class="suggestion" data-testid="suggestion" data-buddy={buddyId}>
      <h2>
        {/* TRANSLATORS: the place of a suggestion in the ranking, e.g. "1." */}
        {format(_("{rank}."), { rank })} <bdi>{suggestion.display_name}</bdi>
      </h2>
      <Total total={suggestion.score.total} />
      <ScoreParts parts={suggestion.score.parts} />
      <Button icon="check" disabled={busy} onClick={() => void propose()} data-testid="propose">
        <T msg={/* TRANSLATORS: a button: propose this buddy to the newcomer */ _("{name} voorstellen")} name={suggestion.display_name} />
      </Button>
      {error && <p class="form-error" role="alert">{error}</p>}
    </li>
  );
}

export function SuggestionsScreen({ params, user }: ScreenProps) {
  const id = params?.id ?? '';
  const catalogues = useCatalogues();
  const [language, setLanguage] = useState('');
  const [maxKm, setMaxKm] = useState('');
  const [kind, setKind] = useState('');
  const [newcomer] = useRemote(() => coordinatorApi.newcomer(id), [id, user.id]);
  const [remote, retry] = useRemote(
    () => coordinatorApi.suggestions(id, { language, max_km: maxKm ? Number(maxKm) : undefined, kind }).then((answer) => answer.suggestions),
    [id, user.id, language, maxKm, kind],
  );
  const name = newcomer.state === 'ready' ? newcomer.data.display_name : '';
  useTitle(_("Maatjes zoeken"));
  return (
    <section class="screen coordinator suggestions" data-testid="suggestions" aria-labelledby="suggestions-title">
      <BackLink href={`/coordinatie/nieuwkomers/${id}`} text={_("Terug naar de nieuwkomer")} />
      <h1 id="suggestions-title">
        {name ? <T msg={_("Maatjes voor {name}")} name={name} /> : _("Maatjes zoeken")}
      </h1>
      <p class="muted">{_("De best passende maatjes bovenaan. Bij elk staat waarom.")}</p>
      <div class="filters" role="group" aria-label={/* TRANSLATORS: a group label: the filters of the suggestions */ _("Filters")}>
        {/* TRANSLATORS: a filter: only buddies who speak this language. */}
        <SelectField id="filter-language" label={_("Spreekt")} options={catalogues.languages} value={language}
          onChange={setLanguage} optional />
        {/* TRANSLATORS: a filter: at most this far away. */}
        <SelectField id="filter-km" label={_("Afstand")} value={maxKm} onChange={setMaxKm} optional
          options={Object.fromEntries(DISTANCES.map((km) => [String(km), format(_("tot {km} km"), { km })]))} />
        <SelectField id="filter-kind" label={_("Soort maatje")} options={catalogues.buddy_kinds} value={kind}
          onChange={setKind} optional />
      </div>
      <RemoteView remote={remote} retry={retry}>
        {(suggestions) => suggestions.length === 0 ? (
          <p data-testid="no-suggestions">{_("Geen maatjes gevonden die nu passen. Probeer minder filters, of kijk later opnieuw.")}</p>
        ) : (
          <>
            <p role="status">{ngettext("{n} maatje gevonden", "{n} maatjes gevonden", suggestions.length)}</p>
            <ol class="rows" aria-label={/* TRANSLATORS: a list label: the suggested buddies, best first */ _("Voorgestelde maatjes")}>
              {suggestions.map((s, i) => <Row key={s.buddy_id} newcomerId={id} suggestion={s} rank={i + 1} />)}
            </ol>
          </>
        )}
      </RemoteView>
    </section>
  );
}
