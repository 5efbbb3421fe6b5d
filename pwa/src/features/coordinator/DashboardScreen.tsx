// The coordinator's overview: who waits for a buddy, which buddies to vet, proposals waiting for
// an answer or an approval, pairs gone quiet, VOGs about to expire. Online only (REST).
// Provincial and national coordinators see counts per branch, never names.
import { _, formatDate, ngettext } from '../../i18n';
import { T } from '../../i18n/T';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { coordinatorApi, type BranchCounts, type BranchLists } from './api';
import { RowLink, Section, StatusPill } from './parts';
import { RemoteView, useRemote } from './remote';
import { VETTING_ORDER, vettingStateText } from './words';

function Branches({ branches }: { branches: BranchCounts[] }) {
  return (
    <section class="panel" aria-labelledby="branches-title" data-testid="branches">
      <h2 id="branches-title">{/* TRANSLATORS: a heading: counts per municipal branch */ _("Per afdeling")}</h2>
      <p class="muted">{_("Je ziet aantallen per afdeling, geen namen. Kleine aantallen staan er als “<5”.")}</p>
      {branches.length === 0 ? <p>{_("Nog geen afdelingen met deelnemers.")}</p> : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={_("Tabel met aantallen per afdeling")}>
          <table class="branch-table">
            <thead>
              <tr>
                <th scope="col">{/* TRANSLATORS: a column: a municipal branch of the organisation */ _("Afdeling")}</th>
                {/* TRANSLATORS: a column: newcomers waiting for a buddy. */}
                <th scope="col">{_("Wachtend")}</th>
                {/* TRANSLATORS: a column: buddies still being vetted. */}
                <th scope="col">{_("Te screenen")}</th>
                {/* TRANSLATORS: a column (a noun, plural): proposals waiting for answers or approval. */}
                <th scope="col">{_("Voorstellen")}</th>
                {/* TRANSLATORS: a column: active matches. */}
                <th scope="col">{_("Actief")}</th>
              </tr>
            </thead>
            <tbody>
              {branches.map((b) => (
                <tr key={b.code} data-testid="branch-row">
                  <th scope="row"><bdi>{b.name}</bdi></th>
                  <td class="num">{b.waiting_newcomers}</td>
                  <td class="num">{b.buddies_to_vet}</td>
                  <td class="num">{b.proposals_waiting}</td>
                  <td class="num">{b.active_matches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Lists({ lists }: { lists: BranchLists }) {
  const waiting = lists.waiting_newcomers;
  const toVet = VETTING_ORDER.filter((s) => (lists.buddies_to_vet[s] ?? 0) > 0);
  const toVetCount = toVet.reduce((n, s) => n + lists.buddies_to_vet[s], 0);
  const proposals = lists.proposals_waiting;
  const quiet = lists.quiet_pairs;
  const vogCount = lists.vogs_expired.length + lists.vogs_expiring.length;
  return (
    <>
      <p class="muted" data-testid="branch-totals">
        {ngettext("{n} actieve koppeling", "{n} actieve koppelingen", lists.active_matches)}
        {' · '}
        {ngettext("{n} maatje beschikbaar", "{n} maatjes beschikbaar", lists.buddies_available)}
      </p>
      <div class="panels">
        <Section id="proposals" title={_("Voorstellen")} count={proposals.length} empty={_("Er staan geen voorstellen open.")}>
          <ul class="rows">
            {proposals.map((m) => (
              <RowLink key={m.id} href={`/coordinatie/koppelingen/${m.id}`} testid="proposal-row">
                <bdi>{m.newcomer_name}</bdi> + <bdi>{m.buddy_name}</bdi>
                <span class="row-sub">
                  <StatusPill status={m.status} />{' '}
                  {m.status === 'agreed' ? _("Klaar om goed te keuren") : _("Wacht op antwoord")}
                </span>
              </RowLink>
            ))}
          </ul>
        </Section>
        <Section id="waiting" title={_("Wachten op een maatje")} count={waiting.count} empty={_("Niemand wacht op een maatje.")}>
          <ul class="rows">
            {waiting.items.map((n) => (
              <RowLink key={n.id} href={`/coordinatie/nieuwkomers/${n.id}`} testid="waiting-newcomer">
                <bdi>{n.display_name}</bdi>
                <span class="row-sub"><T msg={_("Ingeschreven op {date}")} date={formatDate(n.since)} /></span>
              </RowLink>
            ))}
          </ul>
        </Section>
        <Section id="to-vet" title={_("Maatjes om te screenen")} count={toVetCount} empty={_("Er zijn geen maatjes om te screenen.")}>
          <ul class="rows">
            {toVet.map((state) => (
              <RowLink key={state} href={`/coordinatie/maatjes?stap=${state}`} testid="to-vet-state">
                {vettingStateText(state)}
                <span class="row-sub">{ngettext("{n} maatje", "{n} maatjes", lists.buddies_to_vet[state])}</span>
              </RowLink>
            ))}
          </ul>
        </Section>
        <Section id="quiet" title={/* TRANSLATORS: a heading: matches in which nothing happened for a while */ _("Stille koppelingen")} count={quiet.length} empty={_("Geen enkele koppeling is stil gevallen.")}>
          <ul class="rows">
            {quiet.map((q) => (
              <RowLink key={q.match_id} href={`/coordinatie/koppelingen/${q.match_id}`} testid="quiet-row">
                <bdi>{q.newcomer_name}</bdi> + <bdi>{q.buddy_name}</bdi>
                <span class="row-sub">{ngettext("Al {n} dag niets gedaan", "Al {n} dagen niets gedaan", q.quiet_days)}</span>
              </RowLink>
            ))}
          </ul>
        </Section>
        <Section id="vog" title={_("VOG's die verlopen")} count={vogCount} empty={_("Geen VOG verloopt binnenkort.")}>
          <ul class="rows">
            {lists.vogs_expired.map((v) => (
              <RowLink key={v.buddy_id} href={`/coordinatie/maatjes/${v.buddy_id}`} testid="vog-expired">
                <bdi>{v.display_name}</bdi>
                <span class="row-sub">
                  <strong class="warn"><T msg={_("VOG verlopen op {date}")} date={formatDate(v.expires)} /></strong>
                  {v.matches.length > 0 && (
                    <> · {ngettext("raakt {n} lopende koppeling", "raakt {n} lopende koppelingen", v.matches.length)}:{' '}
                      {v.matches.map((m, i) => <span key={m.id}>{i > 0 && ', '}<bdi>{m.newcomer_name}</bdi></span>)}</>
                  )}
                </span>
              </RowLink>
            ))}
            {lists.vogs_expiring.map((v) => (
              <RowLink key={v.buddy_id} href={`/coordinatie/maatjes/${v.buddy_id}`} testid="vog-expiring">
                <bdi>{v.display_name}</bdi>
                <span class="row-sub"><T msg={_("VOG verloopt op {date}")} date={formatDate(v.expires)} /></span>
              </RowLink>
            ))}
          </ul>
        </Section>
      </div>
    </>
  );
}

export function DashboardScreen({ user }: ScreenProps) {
  // TRANSLATORS: the coordinator's dashboard (its title).
  useTitle(_("Overzicht"));
  const [remote, retry] = useRemote(() => coordinatorApi.dashboard(), [user.id]);
  const municipal = user.organisation?.kind === 'municipality';
  return (
    <section class="screen coordinator dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{_("Overzicht")}</h1>
      {user.organisation && <p class="muted"><bdi>{user.organisation.name}</bdi></p>}
      {municipal && (
        <div class="actions">
          <a class="btn btn-primary" href="/coordinatie/nieuwkomers/nieuw" data-testid="new-intake">
            <Icon name="plus" /> <span>{/* TRANSLATORS: a button and a title: record the intake of a new newcomer */ _("Nieuwkomer inschrijven")}</span>
          </a>
          <a class="btn btn-secondary" href="/coordinatie/wachtlijst">
            <Icon name="people" /> <span>{_("Voorstel voor de wachtlijst")}</span>
          </a>
          <a class="btn btn-secondary" href="/coordinatie/maatjes">
            <Icon name="check" /> <span>{_("Maatjes screenen")}</span>
          </a>
          <a class="btn btn-secondary" href="/coordinatie/inzage" data-testid="to-reads">
            <Icon name="user" /> <span>{_("Wie las welk profiel")}</span>
          </a>
          <a class="btn btn-secondary" href="/coordinatie/zinnen" data-testid="to-phrases">
            <Icon name="chat" /> <span>{_("Zinnen van de afdeling")}</span>
          </a>
        </div>
      )}
      <RemoteView remote={remote} retry={retry}>
        {(data) => (data.kind === 'counts' || !data.branch
          ? <Branches branches={data.branches ?? []} />
          : <Lists lists={data.branch} />)}
      </RemoteView>
    </section>
  );
}

