// The progress summary the practice home shows and, with consent, the buddy sees
// (practice.progress, docs/phrases.md "Progress").
import type { LocalCard } from '../../store/db';
import type { ContentCatalogue, PracticeData, ProgressSummary, ReviewData } from '../../types';
import { addDays, amsterdamToday, dayOf, dayStart, daysBetween } from './days';
import { buildQueue, dayStats } from './queue';
import { DEFAULT_SETTINGS } from './settings';
import { streak } from './streak';

export const MASTERED_DAYS = 21; // stability at which a phrase counts as mastered
const WEEKS = 8;

// The Amsterdam days of many time stamps: Intl is slow, so each UTC hour is asked once.
function practiceDays(reviews: ReviewData[]): string[] {
  const byHour = new Map<string, string>();
  for (const r of reviews) {
    const hour = new Date(r.reviewed_at).toISOString().slice(0, 13);
    if (!byHour.has(hour)) byHour.set(hour, dayOf(`${hour}:00:00.000Z`));
  }
  return [...new Set(byHour.values())];
}

// Reviews per week (Monday to Sunday in Amsterdam), oldest first, this week last.
function weekCounts(reviews: ReviewData[], today: string): number[] {
  const monday = addDays(today, -((daysBetween('2024-01-01', today) % 7 + 7) % 7)); // 2024-01-01 was a Monday
  const starts = Array.from({ length: WEEKS }, (_u, k) => dayStart(addDays(monday, -7 * (WEEKS - 1 - k))));
  const counts = new Array<number>(WEEKS).fill(0);
  for (const r of reviews) {
    const at = new Date(r.reviewed_at).toISOString();
    if (at < starts[0]) continue;
    let k = WEEKS - 1;
    while (at < starts[k]) k -= 1;
    counts[k] += 1;
  }
  return counts;
}

// `catalogue.phrases` is what is practised (practicePhrases: the branch's own included).
// due_today is what is left for today within the caps: the due reviews and the new phrases.
export function progressSummary(
  cards: Map<string, LocalCard>,
  reviews: ReviewData[],
  catalogue: ContentCatalogue,
  now: Date,
  settings: PracticeData = DEFAULT_SETTINGS,
): ProgressSummary {
  const today = amsterdamToday(now);
  const stats = dayStats(reviews, now);
  const queue = buildQueue({
    cards, order: catalogue.phrases.map((p) => p.id), settings, now, ...stats,
  });
  const themes: ProgressSummary['themes'] = {};
  for (const theme of catalogue.themes) themes[theme.code] = { started: 0, mastered: 0 };
  for (const phrase of catalogue.phrases) {
    const card = cards.get(phrase.id);
    if (!card) continue;
    const entry = (themes[phrase.theme] ??= { started: 0, mastered: 0 });
    entry.started += 1;
    if (card.state.stability >= MASTERED_DAYS) entry.mastered += 1;
  }
  return {
    due_today: queue.due.length + queue.fresh.length,
    streak: streak(practiceDays(reviews), today),
    weeks: weekCounts(reviews, today),
    themes,
    at: now.toISOString(),
  };
}
