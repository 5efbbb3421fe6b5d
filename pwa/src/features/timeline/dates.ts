// Dates of the timeline, worded as i18n's formatDate / formatDateTime word them, with one Intl
// formatter per language kept (building an Intl formatter costs far more than using one) and
// each text remembered: a page of 50 rows, rendered again and again, formats each date once.
import { currentLang, formatDate, formatDateTime } from '../../i18n';
import { dateLocale, intlKnows, TIME_ZONE } from '../../i18n/dates';

const texts = new Map<string, string>();
const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat } | null>();

function formattersOf(lang: string) {
  if (!formatters.has(lang)) {
    formatters.set(lang, intlKnows(lang) ? {
      day: new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
      time: new Intl.DateTimeFormat(dateLocale(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'long' }),
    } : null);
  }
  return formatters.get(lang) ?? null;
}

function remembered(key: string, make: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = make();
    if (texts.size > 5_000) texts.clear();
    texts.set(key, text);
  }
  return text;
}

// "29 november 2026": a day ("2026-11-29") as that day, a time stamp as its day in Amsterdam.
export function dayText(at: string): string {
  const lang = currentLang();
  return remembered(`d|${lang}|${at}`, () => {
    const f = formattersOf(lang);
    if (!f) return formatDate(at);
    if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
      const [y, m, d] = at.split('-').map(Number);
      return f.day.format(new Date(Date.UTC(y, m - 1, d)));
    }
    return formatDate(at); // a time stamp: its Amsterdam day (rare here: goals, milestones)
  });
}

// "29 november 14:05" in Amsterdam time.
export function timeText(at: string): string {
  const lang = currentLang();
  return remembered(`t|${lang}|${at}`, () => {
    const f = formattersOf(lang);
    return f ? f.time.format(new Date(at)) : formatDateTime(new Date(at), new Date(), true);
  });
}
