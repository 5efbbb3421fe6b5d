// The whole timeline of a match, live: every base table of the match's scope and the outbox,
// read once per change, overlaid, and merged newest first.
import type { MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { MatchOfferData } from '../../types';
import { overlayActivities } from '../activities/overlay';
import { overlayGoals } from '../goals/overlay';
import { overlayMeetings } from '../meetings/overlay';
import { buildTimeline, type TimelineItem } from './build';
import { pendingMutations } from '../../sync/outbox';

export async function loadTimeline(db: MaatjeDB, offer: MatchOfferData): Promise<TimelineItem[]> {
  const scope = `match:${offer.match_id}`;
  // Each table in its own read transaction, so the reads run side by side.
  const data = <T>(rows: Array<{ data: T }>) => rows.map((r) => r.data);
  const [meetings, activities, goals, outbox] = await Promise.all([
    db.meeting.where('scope').equals(scope).toArray(data),
    db.activity.where('scope').equals(scope).toArray(data),
    db.goal.where('scope').equals(scope).toArray(data),
    pendingMutations(db),
  ]);
  performance.mark('timeline:read'); // bench/timeline.py splits the render at these marks
  const pending = outbox.filter((m) => typeof m.args.match_id !== 'string' || m.args.match_id === offer.match_id);
  const items = buildTimeline(
    offer,
    overlayMeetings(meetings, pending, offer.role),
    overlayActivities(activities, pending, offer.role), // the domain is not shown here: no catalogue read
    overlayGoals(goals, pending, offer.role),
  );
  performance.mark('timeline:built');
  return items;
}

export function watchTimeline(db: MaatjeDB, offer: MatchOfferData): Watch<TimelineItem[]> {
  return watch(() => loadTimeline(db, offer));
}
