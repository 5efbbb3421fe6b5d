// The match's timeline, newest first, grouped by month. Only the first page is rendered (and
// formatted); "Toon meer" adds the next, so 2,000 meetings and activities open as fast as 50.
import { useLayoutEffect, useState } from 'preact/hooks';
import { _, currentLang, format, monthChoices, ngettext, pgettext } from '../../i18n';
import { formatNumber } from '../../i18n/dates';
import type { MaatjeDB } from '../../store/db';
import type { Catalogues, MatchOfferData, MeetingStatus } from '../../types';
import { Icon, iconOf, type IconName } from '../../ui/Icon';
import { useWatch } from '../../ui/useWatch';
import { useCatalogues } from '../catalogues/useCatalogues';
import { durationText } from '../activities/words';
import { goalTitle } from '../goals/overlay';
import { groupByMonth, type Milestone, type TimelineItem } from './build';
import { dayText, timeText } from './dates';
import { watchTimeline, type TimelinePage } from './queries';
import './timeline.css';

export const PAGE = 50;

const monthTitles = new Map<string, string>();

function monthTitle(month: string): string {
  const key = `${currentLang()}|${month}`;
  const known = monthTitles.get(key);
  if (known !== undefined) return known;
  const [year, m] = month.split('-').map(Number);
  // TRANSLATORS: a month heading in the timeline: {month} is its name, {year} e.g. 2026.
  const title = format(_("{month} {year}"), { month: monthChoices()[m - 1]?.label ?? String(m), year: formatNumber(year, currentLang(), 4) }); // 4 digits, no grouping: 2027, not 2.027
  monthTitles.set(key, title);
  return title;
}

function meetingWords(status: MeetingStatus): string {
  switch (status) {
    case 'proposed': return pgettext("timeline", "Afspraak voorgesteld");
    case 'confirmed': return pgettext("timeline", "Afspraak gemaakt");
    case 'declined': return _("Afspraak niet doorgegaan: geen tijd die past");
    case 'cancelled': return pgettext("timeline", "Afspraak afgezegd");
    case 'held': return pgettext("timeline", "Samen afgesproken");
  }
}

function milestoneWords(milestone: Milestone): string {
  switch (milestone) {
    case 'proposed': return _("Jullie werden aan elkaar voorgesteld");
    case 'started': return _("Jullie koppeling begon");
    case 'planned_end': return _("Jullie koppeling loopt tot deze dag");
    case 'ended': return _("Jullie koppeling is gestopt");
  }
}

function Row({ item, catalogues, other, role }: { item: TimelineItem; catalogues: Catalogues; other: string; role: string }) {
  let icon: IconName = 'dot';
  let title = '';
  let when = '';
  let detail = '';
  if (item.kind === 'meeting') {
    const m = item.meeting;
    icon = 'clock';
    title = meetingWords(m.status);
    when = timeText(item.at);
    detail = m.place || m.video_url;
  } else if (item.kind === 'activity') {
    const a = item.activity;
    const type = catalogues.activity_types[a.type];
    icon = iconOf(type?.icon);
    title = type?.label ?? a.type;
    when = dayText(a.day);
    const who = a.initiative === 'both'
      ? _("samen het initiatief")
      : a.initiative === role ? _("jij nam het initiatief") : format(_("{name} nam het initiatief"), { name: other });
    detail = `${durationText(a.minutes)} · ${who}`;
  } else if (item.kind !== 'milestone') {
    icon = item.kind === 'goal_done' ? 'check' : 'plus';
    const name = goalTitle(item.goal, catalogues.goals);
    title = item.kind === 'goal_done' ? format(_("Doel bereikt: {goal}"), { goal: name }) : format(_("Nieuw doel: {goal}"), { goal: name });
    when = dayText(item.at);
  } else {
    icon = item.milestone === 'started' ? 'people' : 'dot';
    title = milestoneWords(item.milestone);
    when = dayText(item.at);
  }
  return (
    <li class="timeline-item" data-kind={item.kind} data-pending={String(item.pending)} data-testid="timeline-item">
      <Icon name={icon} />
      <div class="timeline-text">
        <strong dir="auto">{title}</strong>
        <span class="timeline-when">{when}{detail && <> · <bdi>{detail}</bdi></>}</span>
        {item.pending && (
          <span class="pending-mark" data-testid="waiting">
            {/* TRANSLATORS: a change made on this phone that has not reached the server yet. */}
            {_("wacht op verzending")}
          </span>
        )}
      </div>
    </li>
  );
}

export function Timeline({ db, offer }: { db: MaatjeDB; offer: MatchOfferData }) {
  useState(() => performance.mark('timeline:start')); // once, at the first render (bench/timeline.py)
  const catalogues = useCatalogues();
  const [shown, setShown] = useState(PAGE);
  // Reads only as many rows as are shown ("Toon meer" reads the next page).
  const page = useWatch<TimelinePage | null>(watchTimeline(db, offer, shown), null,
    [db, shown, offer.match_id, offer.role, offer.created_at, offer.approved_at, offer.planned_end, offer.ended_at]);
  const items = page?.items ?? null;
  // The first page is in the DOM (before the paint): bench/timeline.py reads this mark.
  useLayoutEffect(() => {
    if (items !== null) performance.mark('timeline:shown');
  }, [items !== null]);
  if (items === null) return <p role="status">{_("Even geduld…")}</p>;
  if (items.length === 0) return <p data-testid="timeline-empty">{_("Hier komt te staan wat jullie samen doen.")}</p>;
  const groups = groupByMonth(items.slice(0, shown));
  const rest = (page?.total ?? items.length) - shown;
  return (
    <div class="timeline" data-testid="timeline" data-count={page?.total ?? items.length}>
      {groups.map(([month, rows]) => (
        <section key={month} class="timeline-month" aria-labelledby={`month-${month}`}>
          <h2 id={`month-${month}`}>{monthTitle(month)}</h2>
          <ol class="timeline-list">
            {rows.map((item) => <Row key={item.key} item={item} catalogues={catalogues} other={offer.other_first_name} role={offer.role} />)}
          </ol>
        </section>
      ))}
      {rest > 0 && (
        <p>
          <button type="button" class="btn btn-secondary" data-testid="timeline-more" onClick={() => setShown(shown + PAGE)}>
            <Icon name="plus" />
            <span>{ngettext("Toon meer ({n} nog)", "Toon meer ({n} nog)", rest)}</span>
          </button>
        </p>
      )}
    </div>
  );
}

// TRANSLATORS: the title of the pair's timeline screen.
export const timelineTitle = () => pgettext("screen title", "Tijdlijn");

