// The forgiving streak (pure): a day with at least one review counts; one missed day between two
// practice days is forgiven, two missed days start a new streak. Today without practice yet does
// not end it (the day is not over).
import { daysBetween } from './days';

export function streak(days: string[], today: string): number {
  const practised = [...new Set(days)].filter((d) => d <= today).sort().reverse();
  if (practised.length === 0) return 0;
  // From today (or yesterday, while today is still open) back: a gap of 3+ days between two
  // practice days, or since the last one, ends it.
  if (daysBetween(practised[0], today) > 2) return 0;
  let count = 1;
  for (let k = 1; k < practised.length; k++) {
    if (daysBetween(practised[k], practised[k - 1]) > 2) break;
    count += 1;
  }
  return count;
}
