// One newcomer, for their branch's coordinator: the intake in words, their match (if any), a new
// activation code (ends the old code and every session), and the way to suggestions.
import { useState } from 'preact/hooks';
import { _, formatDate, weekdayName } from '../../i18n';
import type { Catalogues } from '../../types';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { label } from '../catalogues/catalogues';
import { useCatalogues } from '../catalogues/useCatalogues';
import { ActivationCard } from './ActivationCard';
import { coordinatorApi, type ActivationCode, type MatchListItem, type Newcomer } from './api';
import { BackLink, RowLink, StatusPill } from './parts';
import { RemoteView, useAction, useRemote } from './remote';

const list = (catalogue: Record<string, string>, codes: readonly string[]) =>
  codes.length ? codes.map((c) => label(catalogue, c)).join(', ') : '—';

function IntakeFacts({ newcomer: i, catalogues }: { newcomer: Newcomer; catalogues: Catalogues }) {
  const rows: [string, string][] = [
    [_("Categorie"), label(catalogues.categories, i.category)],
    [_("Aankomst in Nederland"), i.arrival_date ? formatDate(i.arrival_date) : '—'],
    [_("Talen"), list(catalogues.languages, i.languages)],
    [_("Niveau Nederlands"), label(catalogues.dutch_levels, i.dutch_level)],
    [_("Leerroute"), i.learning_route ? label(catalogues.learning_routes, i.learning_route) : '—'],
    // Goals per domain, in the catalogue's order of the domains (taal, werk, meedoen).
    ...[...new Set([...Object.keys(catalogues.domains), ...Object.keys(i.goals ?? {})])]
      .filter((domain) => (i.goals?.[domain] ?? []).length > 0)
      .map((domain): [string, string] => [label(catalogues.domains, domain), list(catalogues.goals[domain] ?? {}, i.goals[domain])]),
    [_("Interesses"), list(catalogues.interests, i.interests)],
    [_("Beschikbaar"), i.availability.length
      ? i.availability.slice().sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)).map((s) => `${weekdayName(s.day)} ${s.start}–${s.end}`).join(', ') : '—'],
    [_("Voorkeur voor het gender van het maatje"), i.preferences?.buddy_gender ? label(catalogues.genders, i.preferences.buddy_gender) : '—'],
    [_("Voorkeur voor het soort maatje"), i.preferences?.buddy_kind ? label(catalogues.buddy_kinds, i.preferences.buddy_kind) : '—'],
    [_("Toestemming"), i.consents.length ? i.consents.map((c) => label(catalogues.consent_kinds, c.kind)).join(', ') : '—'],
  ];
  return (
    <dl class="facts" data-testid="intake-facts">
      {rows.map(([term, value]) => (
        <div key={term}><dt>{term}</dt><dd>{value}</dd></div>
      ))}
    </dl>
  );
}

function View({ newcomer, matches }: { newcomer: Newcomer; matches: MatchListItem[] }) {
  const catalogues = useCatalogues();
  const [code, setCode] = useState<ActivationCode | null>(null);
  const [run, busy, error] = useAction();
  const open = matches.find((m) => m.newcomer_id === newcomer.id);
  return (
    <>
      {newcomer.username && <p>{_("Gebruikersnaam")}: <bdi class="code-inline">{newcomer.username}</bdi></p>}
      {open ? (
        <section class="panel" aria-labelledby="open-match-title">
          <h2 id="open-match-title">{_("Koppeling")}</h2>
          <ul class="rows">
            <RowLink href={`/coordinatie/koppelingen/${open.id}`} testid="open-match">
              {_("Bekijk de koppeling")} <StatusPill status={open.status} />
            </RowLink>
          </ul>
        </section>
      ) : (
        <div class="actions">
          <a class="btn btn-primary" href={`/coordinatie/nieuwkomers/${newcomer.id}/suggesties`} data-testid="to-suggestions">
            <Icon name="people" /> <span>{_("Maatjes zoeken")}</span>
          </a>
        </div>
      )}
      <h2>{/* TRANSLATORS: a heading: the newcomer's intake details */ _("Inschrijving")}</h2>
      <IntakeFacts newcomer={newcomer} catalogues={catalogues} />
      {/* TRANSLATORS: a heading: the newcomer's user account (activation, codes). */}
      <h2>{_("Account")}</h2>
      {newcomer.activated === false && <p>{_("De nieuwkomer heeft het account nog niet geactiveerd.")}</p>}
      {code ? <ActivationCard code={code} name={newcomer.display_name} /> : (
        <>
          <p class="muted">{_("Wachtwoord vergeten of nog niet geactiveerd? Maak een nieuwe code. De oude code werkt dan niet meer en de nieuwkomer wordt overal uitgelogd.")}</p>
          <Button icon="qr" variant="secondary" disabled={busy} data-testid="new-code"
            onClick={() => void run(async () => setCode(await coordinatorApi.activationCode(newcomer.id)))}>
            {_("Nieuwe activatiecode maken")}
          </Button>
        </>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
    </>
  );
}

export function NewcomerScreen({ params, user }: ScreenProps) {
  const id = params?.id ?? '';
  const [remote, retry] = useRemote(
    () => Promise.all([coordinatorApi.newcomer(id), coordinatorApi.matches()]).then(([newcomer, matches]) => ({ newcomer, matches })),
    [id, user.id],
  );
  useTitle(remote.state === 'ready' ? remote.data.newcomer.display_name : _("Nieuwkomer"));
  return (
    <section class="screen coordinator newcomer" data-testid="newcomer" aria-labelledby="newcomer-title">
      <BackLink href="/coordinatie" />
      <h1 id="newcomer-title">{remote.state === 'ready' ? <bdi>{remote.data.newcomer.display_name}</bdi> : _("Nieuwkomer")}</h1>
      <RemoteView remote={remote} retry={retry}>{(data) => <View {...data} />}</RemoteView>
    </section>
  );
}

