// The coordinator's overview: who waits for a buddy, which buddies to vet, proposals waiting for
// an answer or an approval, pairs gone quiet, VOGs about to expire. Online only (REST).
import { _, formatDate, formatNumber } from '../../i18n';
import { T } from '../../i18n/T';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { coordinatorApi, type BranchCounts, type BuddySummary, type Dashboard, type VogWarning } from './api';
import { daysText, PairName, RowLink, Section, StatusPill } from './parts';
import { RemoteView, useRemote } from './remote';
import { answerText, vettingStateText } from './words';

function flatBuddies(value: Dashboard['buddies_to_vet']): BuddySummary[] {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  return Object.entries(value).flatMap(([state, list]) => list.map((b) => ({ ...b, state: b.state ?? state })));
}

function Branches({ branches }: { branches: BranchCounts[] }) {
  const n = (v: number | string) => (typeof v === 'number' ? formatNumber(v) : v);
  return (
    <section class="panel" aria-labelledby="branches-title" data-testid="branches">
      <h2 id="branches-title">{_("Per afdeling")}</h2>
      <p class="muted">{_("Je ziet aantallen per afdeling, geen namen. Kleine aantallen staan er als “<5”.")}</p>
      <div class="table-scroll">
        <table class="branch-table">
          <thead>
            <tr>
              <th scope="col">{_("Afdeling")}</th>
              <th scope="col">{_("Wachtend")}</th>
              <th scope="col">{_("Te screenen")}</th>
              <th scope="col">{_("Voorstellen")}</th>
              <th scope="col">{_("Actief")}</th>
            </tr>
          </thead>
          <tbody>
            {branches.map((b) => (
              <tr key={b.organisation.code}>
                <th scope="row"><bdi>{b.organisation.name}</bdi></th>
                <td class="num">{n(b.waiting_newcomers)}</td>
                <td class="num">{n(b.buddies_to_vet)}</td>
                <td class="num">{n(b.proposals_waiting)}</td>
                <td class="num">{n(b.active_matches)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function VogRow({ warning }: { warning: VogWarning }) {
  const until = warning.valid_until ? formatDate(warning.valid_until) : '';
  return (
    <RowLink href={`/coordinatie/maatjes/${warning.buddy.id}`} testid="vog-row">
      <bdi>{warning.buddy.display_name}</bdi>
      <span class="row-sub">
        {warning.expired
          ? <T msg={_("VOG verlopen op {date}")} date={until} />
          : <T msg={_("VOG verloopt op {date}")} date={until} />}
        {warning.expired && (warning.matches?.length ?? 0) > 0 && (
          <> · <strong>{_("Raakt een actieve koppeling")}</strong></>
        )}
      </span>
    </RowLink>
  );
}

function Overview({ data }: { data: Dashboard }) {
  if (data.branches && !data.waiting_newcomers) return <Branches branches={data.branches} />;
  const waiting = data.waiting_newcomers ?? [];
  const toVet = flatBuddies(data.buddies_to_vet);
  const proposals = data.proposals_waiting ?? [];
  const quiet = data.quiet_pairs ?? [];
  const vogs = [...(data.vog_expired ?? []), ...(data.vog_expiring ?? [])];
  return (
    <div class="panels">
      <Section id="waiting" title={_("Wachten op een maatje")} count={waiting.length} empty={_("Niemand wacht op een maatje.")}>
        <ul class="rows">
          {waiting.map((n) => (
            <RowLink key={n.id} href={`/coordinatie/nieuwkomers/${n.id}`} testid="waiting-newcomer">
              <bdi>{n.display_name}</bdi>
              {n.waiting_since && <span class="row-sub"><T msg={_("Wacht sinds {date}")} date={formatDate(n.waiting_since)} /></span>}
            </RowLink>
          ))}
        </ul>
      </Section>
      <Section id="proposals" title={_("Voorstellen")} count={proposals.length} empty={_("Er staan geen voorstellen open.")}>
        <ul class="rows">
          {proposals.map((m) => (
            <RowLink key={m.id} href={`/coordinatie/koppelingen/${m.id}`} testid="proposal-row">
              <PairName match={m} />
              <span class="row-sub">
                <StatusPill status={m.status} />{' '}
                {m.status === 'agreed'
                  ? _("Klaar om goed te keuren")
                  : <T msg={_("Nieuwkomer: {a} · Maatje: {b}")} a={answerText(m.newcomer_answer)} b={answerText(m.buddy_answer)} />}
              </span>
            </RowLink>
          ))}
        </ul>
      </Section>
      <Section id="to-vet" title={_("Maatjes om te screenen")} count={toVet.length} empty={_("Er zijn geen maatjes om te screenen.")}>
        <ul class="rows">
          {toVet.map((b) => (
            <RowLink key={b.id} href={`/coordinatie/maatjes/${b.id}`} testid="buddy-to-vet">
              <bdi>{b.display_name}</bdi>
              <span class="row-sub">{vettingStateText(b.state)}</span>
            </RowLink>
          ))}
        </ul>
      </Section>
      <Section id="quiet" title={_("Stille koppelingen")} count={quiet.length} empty={_("Alle koppelingen zijn actief bezig.")}>
        <ul class="rows">
          {quiet.map((m) => (
            <RowLink key={m.id} href={`/coordinatie/koppelingen/${m.id}`} testid="quiet-row">
              <PairName match={m} />
              {typeof m.quiet_days === 'number' && (
                <span class="row-sub"><T msg={_("Al {days} niets gedaan")} days={daysText(m.quiet_days)} /></span>
              )}
            </RowLink>
          ))}
        </ul>
      </Section>
      <Section id="vog" title={_("VOG's die verlopen")} count={vogs.length} empty={_("Geen VOG verloopt binnenkort.")}>
        <ul class="rows">{vogs.map((w) => <VogRow key={w.buddy.id} warning={w} />)}</ul>
      </Section>
    </div>
  );
}

export function DashboardScreen({ user }: ScreenProps) {
  useTitle(_("Overzicht"));
  const [remote, retry] = useRemote(() => coordinatorApi.dashboard(), [user.id]);
  const municipal = user.organisation?.kind === 'municipality' || !user.organisation;
  return (
    <section class="screen coordinator dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{_("Overzicht")}</h1>
      {user.organisation && <p class="muted"><bdi>{user.organisation.name}</bdi></p>}
      {municipal && (
        <div class="actions">
          <a class="btn btn-primary" href="/coordinatie/nieuwkomers/nieuw" data-testid="new-intake">
            <Icon name="plus" /> <span>{_("Nieuwkomer inschrijven")}</span>
          </a>
          <a class="btn btn-secondary" href="/coordinatie/wachtlijst">
            <Icon name="people" /> <span>{_("Voorstel voor de wachtlijst")}</span>
          </a>
          <a class="btn btn-secondary" href="/coordinatie/maatjes">
            <Icon name="check" /> <span>{_("Maatjes screenen")}</span>
          </a>
        </div>
      )}
      <RemoteView remote={remote} retry={retry}>{(data) => <Overview data={data} />}</RemoteView>
    </section>
  );
}
