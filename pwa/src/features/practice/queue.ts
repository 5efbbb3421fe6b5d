// Today's practice queue (pure): the cards due within the daily caps, with a backlog spread over
// the days after an absence, and new phrases in catalogue order.
import type { LocalCard } from '../../store/db';
import type { PracticeData, ReviewData } from '../../types';
import { spreadBacklog } from './backlog';
import { addDays, amsterdamToday, dayOf, dayStart } from './days';

export interface QueueInput {
  cards: Map<string, LocalCard>;
  order: string[]; // phrase ids in catalogue order, org phrases included
  doneToday: { fresh: number; reviews: number }; // phrases started / reviewed today (dayStats)
  settings: PracticeData;
  now: Date;
  lastPracticeDay: string | null; // YYYY-MM-DD (Amsterdam) of the last review before today
}

export interface Queue {
  due: string[]; // phrase ids to review today, in order
  fresh: string[]; // new phrase ids allowed today, in catalogue order
  waiting: number; // due today but held back by the cap or the spreading
}

// A card counts as due today when it falls due before tomorrow starts in Amsterdam: a daily
// practice does not wait for the hour a phrase was last seen. Cards already seen today and due
// again (a missed phrase's learning steps) are part of today's work and never capped.
export function buildQueue(input: QueueInput): Queue {
  const { cards, settings } = input;
  const today = amsterdamToday(input.now);
  const todayStart = dayStart(today);
  const tomorrowStart = dayStart(addDays(today, 1));
  const inCatalogue = new Set(input.order);
  const backlog: LocalCard[] = [];
  const dueToday: LocalCard[] = [];
  const again: LocalCard[] = [];
  for (const card of cards.values()) {
    if (card.due >= tomorrowStart || !inCatalogue.has(card.phrase_id)) continue;
    const seenToday = (card.state.last_review ?? '') >= todayStart;
    (seenToday ? again : card.due < todayStart ? backlog : dueToday).push(card);
  }
  const byDue = (a: LocalCard, b: LocalCard) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);
  const ids = (list: LocalCard[]) => list.sort(byDue).map((c) => c.phrase_id);
  const spread = spreadBacklog({
    dueToday: ids(dueToday), backlog: ids(backlog), today, lastPracticeDay: input.lastPracticeDay,
  });
  const room = Math.max(0, settings.reviews_per_day - input.doneToday.reviews);
  const due = [...spread.slice(0, room), ...ids(again)];
  const freshRoom = Math.max(0, settings.new_per_day - input.doneToday.fresh);
  const fresh: string[] = [];
  for (const id of input.order) {
    if (fresh.length >= freshRoom) break;
    if (!cards.has(id)) fresh.push(id);
  }
  return { due, fresh, waiting: backlog.length + dueToday.length - Math.min(room, spread.length) };
}

// The next phrase to practise: due reviews first, then new phrases; `skip` holds the phrases just
// shown, so a missed one does not come straight back.
export function nextCard(queue: Queue, skip: ReadonlySet<string> = new Set()): { phrase_id: string; fresh: boolean } | null {
  const due = queue.due.find((id) => !skip.has(id));
  if (due) return { phrase_id: due, fresh: false };
  const fresh = queue.fresh.find((id) => !skip.has(id));
  return fresh ? { phrase_id: fresh, fresh: true } : null;
}

// What buildQueue needs from the reviews: the phrases started and reviewed today, and the last
// practice day before today.
export function dayStats(reviews: Pick<ReviewData, 'phrase_id' | 'reviewed_at'>[], now: Date): {
  doneToday: { fresh: number; reviews: number }; lastPracticeDay: string | null;
} {
  const todayStart = dayStart(amsterdamToday(now));
  const first = new Map<string, string>();
  const today = new Set<string>();
  let lastBefore = '';
  for (const r of reviews) {
    const at = new Date(r.reviewed_at).toISOString();
    const seen = first.get(r.phrase_id);
    if (!seen || at < seen) first.set(r.phrase_id, at);
    if (at >= todayStart) today.add(r.phrase_id);
    else if (at > lastBefore) lastBefore = at;
  }
  let fresh = 0;
  for (const id of today) if (first.get(id)! >= todayStart) fresh += 1;
  return {
    doneToday: { fresh, reviews: today.size - fresh },
    lastPracticeDay: lastBefore ? dayOf(lastBefore) : null,
  };
}
