// Practice days are calendar days in Europe/Amsterdam (docs/phrases.md), whatever the phone's zone.
import { amsterdamToday, amsterdamToUtc, utcToAmsterdam } from '../meetings/time';

// "YYYY-MM-DD" plus n days (calendar arithmetic, no time zone involved).
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

// Whole days from `a` to `b` (both "YYYY-MM-DD").
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

// Midnight in Amsterdam starting `day`, as an ISO UTC string (midnight always exists there: the
// clocks change at 02:00 and 03:00).
export function dayStart(day: string): string {
  return amsterdamToUtc(day, '00:00');
}

export function dayOf(iso: string): string {
  return utcToAmsterdam(iso).day;
}

export { amsterdamToday };
