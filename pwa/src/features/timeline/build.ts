// One timeline per match (pure): meetings, activities, goals (added, reached) and the match's own
// milestones, newest first. Cheap per item (no formatting here): the screen formats only what it
// shows, so a match with thousands of items opens fast.
import { ORDERED, orderKey } from '../../store/db';
import type { ActivityData, MatchOfferData } from '../../types';
import type { ShownActivity } from '../activities/overlay';
import type { ShownGoal } from '../goals/overlay';
import type { ShownMeeting } from '../meetings/overlay';

export type Milestone = 'proposed' | 'started' | 'planned_end' | 'ended';

export type TimelineItem =
  | { kind: 'meeting'; key: string; at: string; pending: boolean; meeting: ShownMeeting }
  | { kind: 'activity'; key: string; at: string; pending: boolean; activity: ShownActivity | ActivityData }
  | { kind: 'goal_added' | 'goal_done'; key: string; at: string; pending: boolean; goal: ShownGoal }
  | { kind: 'milestone'; key: string; at: string; pending: false; milestone: Milestone };

// The same places in time as the store's index [scope+at] (store/db.ts ORDERED), so the newest
// rows read by that index are the newest items here.
const meetingAt = ORDERED.meeting as (m: ShownMeeting) => string;
const key = orderKey;
const dayKey = orderKey;

export function buildTimeline(
  offer: MatchOfferData,
  meetings: readonly ShownMeeting[],
  activities: readonly ShownActivity[],
  goals: readonly ShownGoal[],
): TimelineItem[] {
  const items: Array<TimelineItem & { sort: string }> = [];
  for (const m of meetings) {
    const at = meetingAt(m);
    items.push({ kind: 'meeting', key: `m:${m.id}`, at, pending: m.pending, meeting: m, sort: key(at) });
  }
  for (const a of activities) {
    items.push({ kind: 'activity', key: `a:${a.id}`, at: a.day, pending: 'pending' in a && a.pending, activity: a, sort: dayKey(a.day) });
  }
  for (const g of goals) {
    if (g.created_at) items.push({ kind: 'goal_added', key: `g:${g.id}`, at: g.created_at, pending: g.pending, goal: g, sort: key(g.created_at) });
    if (g.done_at) items.push({ kind: 'goal_done', key: `d:${g.id}`, at: g.done_at, pending: g.pending, goal: g, sort: `${key(g.done_at)}~` }); // after its adding, even in the same millisecond
  }
  const milestones: Array<[Milestone, string | null | undefined]> = [
    ['proposed', offer.created_at], ['started', offer.approved_at], ['planned_end', offer.planned_end], ['ended', offer.ended_at],
  ];
  for (const [milestone, at] of milestones) {
    if (at) items.push({ kind: 'milestone', key: `s:${milestone}`, at, pending: false, milestone, sort: key(at) });
  }
  // Newest first; at the same time by key, also newest first (as the index [scope+at] reads
  // backwards: by id), so reading only the newest rows gives the same order (queries.ts).
  items.sort((a, b) => (a.sort < b.sort ? 1 : a.sort > b.sort ? -1 : a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return items;
}

// "2026-11" of an item, in Dutch time (a meeting at 00:30 on 1 December belongs to December).
const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' });

export function monthOf(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at.slice(0, 7);
  const parts = monthFormat.formatToParts(new Date(at));
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

// The shown items in runs of one month: [["2026-11", items...], ...], in the given order.
export function groupByMonth(items: readonly TimelineItem[]): Array<[string, TimelineItem[]]> {
  const groups: Array<[string, TimelineItem[]]> = [];
  for (const item of items) {
    const month = monthOf(item.at);
    const last = groups[groups.length - 1];
    if (last && last[0] === month) last[1].push(item);
    else groups.push([month, [item]]);
  }
  return groups;
}
