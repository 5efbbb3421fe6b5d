// Backlog spreading after missed days (docs/phrases.md), pure: coming back after a week away
// should not greet the newcomer with everything that fell due meanwhile.
import { daysBetween } from './days';

export interface BacklogInput {
  dueToday: string[]; // phrase ids that fall due today
  backlog: string[]; // phrase ids due before today, most overdue first
  today: string; // YYYY-MM-DD
  lastPracticeDay: string | null; // the last day before today with a review
}

// How many days the backlog is spread over: min(7, days away + 1); 1 (no spreading) when the
// newcomer practised yesterday or never before.
export function spreadDays(today: string, lastPracticeDay: string | null): number {
  if (!lastPracticeDay) return 1;
  const away = Math.max(0, daysBetween(lastPracticeDay, today) - 1);
  return Math.min(7, away + 1);
}

// Today's part: the cards due today plus ceil(backlog / spreadDays) of the backlog, most overdue
// first. The daily cap is applied after this (queue.ts). The rest waits for the next days, when
// the cap alone keeps each day gentle.
export function spreadBacklog(input: BacklogInput): string[] {
  const days = spreadDays(input.today, input.lastPracticeDay);
  const share = Math.ceil(input.backlog.length / days);
  return [...input.backlog.slice(0, share), ...input.dueToday];
}
