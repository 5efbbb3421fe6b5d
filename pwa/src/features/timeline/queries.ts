// The whole timeline of a match, live: every base table of the match's scope and the outbox,
// read once per change, overlaid, and merged newest first.
import type { MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { ActivityType, MatchOfferData } from '../../types';
import { getMeta } from '../../store/db';
import { overlayActivities } from '../activities/overlay';
import { overlayGoals } from '../goals/overlay';
import { overlayMeetings } from '../meetings/overlay';
import { buildTimeline, type TimelineItem } from './build';

export async function loadTimeline(db: MaatjeDB, offer: MatchOfferData): Promise<TimelineItem[]> {
  const scope = `match:${offer.match_id}`;
  const [meetings, activities, goals, outbox, catalogues] = await db.transaction('r', [db.meeting, db.activity, db.goal, db.outbox, db.meta], () =>
    Promise.all([
      db.meeting.where('scope').equals(scope).toArray(),
      db.activity.where('scope').equals(scope).toArray(),
      db.goal.where('scope').equals(scope).toArray(),
      db.outbox.toArray(),
      getMeta(db, 'catalogues'),
    ]),
  );
  const types: Record<string, ActivityType> = catalogues?.data.activity_types ?? {};
  const pending = outbox.filter((m) => typeof m.args.match_id !== 'string' || m.args.match_id === offer.match_id);
  return buildTimeline(
    offer,
    overlayMeetings(meetings.map((r) => r.data), pending, offer.role),
    overlayActivities(activities.map((r) => r.data), pending, offer.role, types),
    overlayGoals(goals.map((r) => r.data), pending, offer.role),
  );
}

export function watchTimeline(db: MaatjeDB, offer: MatchOfferData): Watch<TimelineItem[]> {
  return watch(() => loadTimeline(db, offer));
}
