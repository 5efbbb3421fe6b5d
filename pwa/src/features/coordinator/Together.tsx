// What a pair did together and a buddy's hours, as their coordinator sees them: counts and dates
// only (the pair's notes stay theirs). Small panels for the match and the buddy screens.
import { _, formatDate, formatDateTime, ngettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { Domain } from '../../types';
import { label } from '../catalogues/catalogues';
import { useCatalogues } from '../catalogues/useCatalogues';
import { coordinatorApi, type Hours, type Together } from './api';
import { RemoteView, useRemote } from './remote';

const DOMAINS: Domain[] = ['taal', 'werk', 'meedoen'];

// Minutes as hours with one decimal ("12,5 uur"), in the language's digits.
export function hoursText(minutes: number): string {
  const hours = Math.round(minutes / 6) / 10;
  return /* TRANSLATORS: a number of hours, may have a decimal: "12,5 uur" */ ngettext("{n} uur", "{n} uur", hours);
}

export function TogetherPanel({ together }: { together: Together }) {
  const catalogues = useCatalogues();
  const { meetings, activities, goals } = together;
  return (
    <section class="panel together" aria-labelledby="together-title" data-testid="together">
      <h2 id="together-title">{_("Wat ze samen doen")}</h2>
      <p class="muted">{_("Alleen aantallen en data: wat het paar opschrijft, blijft van hen.")}</p>
      {/* TRANSLATORS: a heading: the meetings of a pair */}
      <h3>{_("Afspraken")}</h3>
      <ul class="counts" data-testid="together-meetings">
        <li>{ngettext("{n} afspraak gehouden", "{n} afspraken gehouden", meetings.held)}</li>
        <li>{ngettext("{n} afspraak gepland", "{n} afspraken gepland", meetings.upcoming)}</li>
        <li>{ngettext("{n} afspraak voorgesteld", "{n} afspraken voorgesteld", meetings.proposed)}</li>
        <li>{ngettext("{n} afspraak afgezegd", "{n} afspraken afgezegd", meetings.cancelled)}</li>
      </ul>
      <dl class="facts">
        <div>
          {/* TRANSLATORS: a label: when the pair's last held meeting began */}
          <dt>{_("Laatste afspraak")}</dt>
          {/* TRANSLATORS: there was no meeting yet (after "Laatste afspraak" / "Volgende afspraak") */}
          <dd>{meetings.last_held ? formatDateTime(new Date(meetings.last_held), new Date(), true) : _("nog geen")}</dd>
        </div>
        <div>
          {/* TRANSLATORS: a label: when the pair's next confirmed meeting begins */}
          <dt>{_("Volgende afspraak")}</dt>
          <dd>{meetings.next_confirmed ? formatDateTime(new Date(meetings.next_confirmed), new Date(), true) : _("nog geen")}</dd>
        </div>
      </dl>
      {/* TRANSLATORS: a heading: what a pair did together (a library visit, a job fair...) */}
      <h3>{_("Activiteiten")}</h3>
      <p data-testid="together-activities">
        {/* TRANSLATORS: a number of activities a pair did together */}
        {ngettext("{n} activiteit", "{n} activiteiten", activities.count)} · {hoursText(activities.minutes)}
        {activities.last_day && <> · <T msg={_("laatste op {date}")} date={formatDate(activities.last_day)} /></>}
      </p>
      <ul class="counts">
        {DOMAINS.map((d) => (
          <li key={d} data-domain={d}>
            <strong>{label(catalogues.domains, d)}</strong>:{' '}
            {/* TRANSLATORS: how many times (activities in one domain), e.g. "Taal: 3 keer, 2 uur" */}
            {ngettext("{n} keer", "{n} keer", activities.by_domain[d]?.count ?? 0)}, {hoursText(activities.by_domain[d]?.minutes ?? 0)}
          </li>
        ))}
      </ul>
      {/* TRANSLATORS: a heading: the goals of a pair */}
      <h3>{_("Doelen")}</h3>
      <p data-testid="together-goals">
        {ngettext("{done} van {n} doel bereikt", "{done} van {n} doelen bereikt", goals.count, { done: goals.done })}
      </p>
    </section>
  );
}

function HoursView({ hours }: { hours: Hours }) {
  const target = hours.target_hours;
  const done = Math.round(hours.minutes_total / 6) / 10;
  return (
    <>
      {target !== null ? (
        <>
          <p id="hours-progress-text" data-testid="hours-progress">
            <T msg={_("{hours} van de {target} uur")} hours={done} target={target} />
          </p>
          <progress class="hours-bar" max={target} value={Math.min(done, target)} aria-labelledby="hours-progress-text" />
        </>
      ) : (
        <p data-testid="hours-progress">{hoursText(hours.minutes_total)}</p>
      )}
      <p class="muted">
        <T msg={_("Afspraken {meetings}, activiteiten {activities}")}
          meetings={hoursText(hours.minutes_meetings)} activities={hoursText(hours.minutes_activities)} />
        {hours.service_start && hours.service_end && (
          <> · <T msg={_("diensttijd {start} tot {end}")} start={formatDate(hours.service_start)} end={formatDate(hours.service_end)} /></>
        )}
      </p>
      {(hours.capped_days ?? 0) > 0 && <p class="muted" data-testid="hours-capped">{ngettext("Op {n} dag is meer dan 16 uur bijgehouden. Per dag tellen hoogstens 16 uur mee.", "Op {n} dagen is meer dan 16 uur bijgehouden. Per dag tellen hoogstens 16 uur mee.", hours.capped_days ?? 0)}</p>}
    </>
  );
}

export function HoursPanel({ buddyId }: { buddyId: string }) {
  const [remote, retry] = useRemote(() => coordinatorApi.buddyHours(buddyId), [buddyId]);
  return (
    <section class="panel hours" aria-labelledby="hours-title" data-testid="buddy-hours">
      {/* TRANSLATORS: a heading: the hours a (MDT) buddy spent with their newcomers */}
      <h2 id="hours-title">{_("Uren als maatje")}</h2>
      <RemoteView remote={remote} retry={retry}>{(hours) => <HoursView hours={hours} />}</RemoteView>
    </section>
  );
}
