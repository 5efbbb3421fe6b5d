// The meetings part of the partner's page (embedded in features/match/MatchScreen.tsx): open
// proposals that wait for this side on top ("kies een moment"), the next confirmed meeting big,
// the proposals waiting for the other, changes waiting to be sent, and "Nieuwe afspraak".
import { _, ngettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { MaatjeDB } from '../../store/db';
import type { MatchOfferData } from '../../types';
import { Icon } from '../../ui/Icon';
import { useOnline, useWatch } from '../../ui/useWatch';
import { firstMoment, type ShownMeeting } from './overlay';
import { watchMeetings, type MatchMeetings } from './queries';
import { duration, pendingText, stateLabel, when } from './words';
import './meetings.css';

function Card({ m, offer, big = false }: { m: ShownMeeting; offer: MatchOfferData; big?: boolean }) {
  const online = useOnline();
  const shown = m.starts_at ?? m.slots[0]?.starts_at;
  return (
    <a class={`meeting-card${big ? ' is-big' : ''}`} href={`/maatje/${offer.match_id}/afspraak/${m.id}`}
      data-testid="meeting-card" data-id={m.id} data-status={m.status} data-pending={String(m.pending)}>
      <span class={`state state-${m.status}`}>{stateLabel(m, offer.role)}</span>
      {m.status === 'confirmed' && m.starts_at ? (
        <strong class="meeting-card-when"><bdi>{when(m.starts_at)}</bdi></strong>
      ) : (
        <span class="meeting-card-when">
          {shown && <bdi>{when(shown)}</bdi>}
          {m.slots.length > 1 && <span class="muted"> {ngettext("(+{n} ander moment)", "(+{n} andere momenten)", m.slots.length - 1)}</span>}
        </span>
      )}
      {m.minutes !== null && m.status === 'confirmed' && <span class="muted">{duration(m.minutes)}</span>}
      {(m.place || m.video_url) && (
        <span class="meeting-card-where">
          {m.place ? <bdi>{m.place}</bdi> : _("Videogesprek")}
        </span>
      )}
      {m.pending && <span class="pending-note" data-testid="meeting-card-pending"><Icon name="refresh" /> {pendingText(online)}</span>}
      <span class="go"><span>{/* TRANSLATORS: on a meeting's card: open the meeting. */}{_("Bekijken")}</span> <Icon name="arrow" /></span>
    </a>
  );
}

export function MeetingsSection({ db, offer }: { db: MaatjeDB; offer: MatchOfferData }) {
  const data = useWatch<MatchMeetings | undefined>(watchMeetings(db, offer.match_id), undefined, [db, offer.match_id]);
  const live = offer.status === 'active' || offer.status === 'paused';
  if (!live) return null;
  const now = Date.now();
  const meetings = data?.meetings ?? [];
  const role = offer.role;
  const toChoose = meetings.filter((m) => m.status === 'proposed' && m.proposed_by !== role);
  const upcoming = meetings.filter((m) => m.status === 'confirmed' && firstMoment(m) >= now);
  const [next, ...later] = upcoming;
  const waiting = meetings.filter((m) => m.status === 'proposed' && m.proposed_by === role);
  const toComplete = meetings.filter((m) => m.status === 'confirmed' && firstMoment(m) < now);
  // Just sent changes that closed a meeting (cancelled, declined) stay in sight until sent.
  const pendingClosed = meetings.filter((m) => m.pending && (m.status === 'cancelled' || m.status === 'declined' || m.status === 'held'));
  return (
    <section class="meetings-section" aria-labelledby="meetings-title" data-testid="meetings-section">
      {/* TRANSLATORS: a heading on the partner's page: the pair's meetings. */}
      <h2 id="meetings-title">{_("Afspraken")}</h2>
      {toChoose.length > 0 && (
        <div class="meeting-group" data-testid="meetings-to-choose">
          <p class="group-title"><T msg={_("{name} stelt een afspraak voor. Kies een moment.")} name={offer.other_first_name} /></p>
          {toChoose.map((m) => <Card key={m.id} m={m} offer={offer} />)}
        </div>
      )}
      {next ? (
        <div class="meeting-group" data-testid="next-meeting">
          <p class="group-title">{_("Jullie volgende afspraak")}</p>
          <Card m={next} offer={offer} big />
        </div>
      ) : (
        data && toChoose.length === 0 && waiting.length === 0 && <p class="muted">{_("Jullie hebben nog geen afspraak gepland.")}</p>
      )}
      {[...later, ...waiting, ...pendingClosed].map((m) => <Card key={m.id} m={m} offer={offer} />)}
      {toComplete.length > 0 && (
        <div class="meeting-group" data-testid="meetings-to-complete">
          <p class="group-title">{_("Was de afspraak er? Vul in wie er was.")}</p>
          {toComplete.map((m) => <Card key={m.id} m={m} offer={offer} />)}
        </div>
      )}
      {offer.status === 'active' && (
        <p>
          <a class="btn btn-primary" href={`/maatje/${offer.match_id}/afspraak/nieuw`} data-testid="new-meeting">
            {/* TRANSLATORS: a button: propose a new meeting to the other person. */}
            <Icon name="plus" /> <span>{_("Nieuwe afspraak")}</span>
          </a>
        </p>
      )}
    </section>
  );
}
