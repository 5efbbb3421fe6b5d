// The timeline of a match, live: the newest rows of the match's scope by the index [scope+at]
// (store/db.ts ORDERED), the goals, the rows pending changes touch, overlaid and merged newest
// first. Only as many meetings and activities are read as the screen shows (plus one per pending
// change, which may move or remove one), so a match with thousands opens fast.
import Dexie from 'dexie';
import type { MaatjeDB, Row } from '../../store/db';
import { pendingMutations } from '../../sync/outbox';
import { watch, type Watch } from '../../sync/views';
import type { MatchOfferData } from '../../types';
import { overlayActivities } from '../activities/overlay';
import { overlayGoals } from '../goals/overlay';
import { overlayMeetings } from '../meetings/overlay';
import { buildTimeline, type TimelineItem } from './build';

export interface TimelinePage {
  items: TimelineItem[]; // the newest `limit` items at least, exact
  total: number; // how many items the whole timeline has
}

// The newest `n` rows of a scope, by [scope+at].
function newest<T>(table: Dexie.Table<Row<T>, string>, scope: string, n: number): Promise<Row<T>[]> {
  return table.where('[scope+at]').between([scope, Dexie.minKey], [scope, Dexie.maxKey]).reverse().limit(n).toArray();
}

// The rows of `ids` not read yet (a pending change of an older row may move it to the top).
async function touched<T>(table: Dexie.Table<Row<T>, string>, scope: string, ids: string[], read: Row<T>[]): Promise<Row<T>[]> {
  const have = new Set(read.map((r) => r.id));
  const missing = ids.filter((id) => !have.has(id));
  if (missing.length === 0) return read;
  const more = (await table.bulkGet(missing)).filter((r): r is Row<T> => r !== undefined && r.scope === scope);
  return [...read, ...more];
}

export async function loadTimeline(db: MaatjeDB, offer: MatchOfferData, limit = Infinity): Promise<TimelinePage> {
  const scope = `match:${offer.match_id}`;
  const outbox = await pendingMutations(db);
  const pending = outbox.filter((m) => typeof m.args.match_id !== 'string' || m.args.match_id === offer.match_id);
  const ids = pending.map((m) => m.args.id).filter((id): id is string => typeof id === 'string');
  const n = Number.isFinite(limit) ? limit + pending.length + 1 : Infinity;
  const read = <T,>(table: Dexie.Table<Row<T>, string>) =>
    Number.isFinite(n) ? newest(table, scope, n) : table.where('scope').equals(scope).toArray();
  // Each table in its own read transaction, so the reads run side by side.
  const [meetingRows, activityRows, goalRows, meetingCount, activityCount] = await Promise.all([
    read(db.meeting).then((rows) => touched(db.meeting, scope, ids, rows)),
    read(db.activity).then((rows) => touched(db.activity, scope, ids, rows)),
    db.goal.where('scope').equals(scope).toArray(),
    db.meeting.where('scope').equals(scope).count(),
    db.activity.where('scope').equals(scope).count(),
  ] as const);
  performance.mark('timeline:read'); // bench/timeline.py splits the render at these marks
  const data = <T,>(rows: Row<T>[]) => rows.map((r) => r.data);
  const items = buildTimeline(
    offer,
    overlayMeetings(data(meetingRows), pending, offer.role),
    overlayActivities(data(activityRows), pending, offer.role), // the domain is not shown here: no catalogue read
    overlayGoals(data(goalRows), pending, offer.role),
  );
  performance.mark('timeline:built');
  // Rows not read are untouched by pending changes: each is exactly one item further down.
  const unread = meetingCount - meetingRows.length + activityCount - activityRows.length;
  return { items, total: items.length + Math.max(0, unread) };
}

export function watchTimeline(db: MaatjeDB, offer: MatchOfferData, limit = Infinity): Watch<TimelinePage> {
  return watch(() => loadTimeline(db, offer, limit));
}
