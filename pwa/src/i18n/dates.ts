// Dates, times and numbers for a language. Intl knows most of our languages; for one it lacks
// (Tigrinya in Chromium), the catalog supplies the day and month names and times are 24-hour.
// Pure functions of the language and a translate function, so every language is easy to test.

export type Translate = (msgid: string) => string;

// Times are stored in UTC and always shown in Dutch time.
export const TIME_ZONE = 'Europe/Amsterdam';

// Dates are Gregorian in every language: appointments and letters in the Netherlands are. Intl's
// Farsi defaults to the Solar Hijri calendar ("۹ آذر" for 30 November), which neither matches
// them nor is read the same in Afghanistan (قوس) and Iran (آذر).
export function dateLocale(lang: string): string {
  return lang === 'fa' ? 'fa-u-ca-gregory' : lang;
}

// False when the browser has no date data for `lang` and would answer in another language.
export function intlKnows(lang: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false;
  }
}

// The Dutch msgids the catalog translates for such a language (Monday first, as the API counts).
// The parameter is named _ so that the extractor finds these strings like any other.
export function catalogNames(_: Translate): { weekdays: string[]; months: string[] } {
  return {
    // One comment per name: the extractor gives a comment to the next string only.
    weekdays: [
      // TRANSLATORS: weekday name, used in dates and the availability editor.
      _("maandag"),
      // TRANSLATORS: weekday name, used in dates and the availability editor.
      _("dinsdag"),
      // TRANSLATORS: weekday name, used in dates and the availability editor.
      _("woensdag"),
      // TRANSLATORS: weekday name, used in dates and the availability editor.
      _("donderdag"),
      // TRANSLATORS: weekday name, used in dates and the availability editor.
      _("vrijdag"),
      // TRANSLATORS: weekday name, used in dates and the availability editor.
      _("zaterdag"),
      // TRANSLATORS: weekday name, used in dates and the availability editor.
      _("zondag"),
    ],
    months: [
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("januari"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("februari"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("maart"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("april"),
      // TRANSLATORS: the month May (not the verb), in dates such as "29 mei 14:05".
      _("mei"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("juni"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("juli"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("augustus"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("september"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("oktober"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("november"),
      // TRANSLATORS: month name (Gregorian calendar), in dates such as "29 november 14:05".
      _("december"),
    ],
  };
}

// Numbers in the language's own digits (Persian digits in Farsi): one rule for the whole app.
export function formatNumber(n: number, lang: string, minDigits = 1): string {
  return new Intl.NumberFormat(intlKnows(lang) ? lang : 'nl', { minimumIntegerDigits: minDigits, useGrouping: minDigits === 1 }).format(n);
}

// 0 = Monday; 1 January 2024 was a Monday.
export function weekdayName(day: number, lang: string, t: Translate, known = intlKnows(lang)): string {
  if (!known) return catalogNames(t).weekdays[day] ?? '';
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + day)));
}

// True when the language writes times on a 24-hour clock (CLDR; 24-hour where Intl has no data).
export function uses24Hour(lang: string, known = intlKnows(lang)): boolean {
  if (!known) return true;
  const options = new Intl.DateTimeFormat(lang, { hour: 'numeric' }).resolvedOptions();
  return options.hourCycle ? options.hourCycle === 'h23' || options.hourCycle === 'h24' : !options.hour12;
}

// The clock in Dutch time, as numbers (Intl does the time-zone rules, summer time included).
function dutchClock(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

// "14:05" today, "29 november 14:05" on another day (or always with `withDate`).
export function formatDateTime(
  date: Date,
  lang: string,
  t: Translate,
  { now = new Date(), withDate, known = intlKnows(lang) }: { now?: Date; withDate?: boolean; known?: boolean } = {},
): string {
  const clock = dutchClock(date);
  const today = dutchClock(now);
  const showDate = withDate ?? !(clock.year === today.year && clock.month === today.month && clock.day === today.day);
  if (known) {
    return new Intl.DateTimeFormat(dateLocale(lang), {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      ...(showDate ? { day: 'numeric', month: 'long' } : {}),
    }).format(date);
  }
  const time = `${formatNumber(clock.hour, lang, 2)}:${formatNumber(clock.minute, lang, 2)}`;
  if (!showDate) return time;
  return `${formatNumber(clock.day, lang)} ${catalogNames(t).months[clock.month - 1]} ${time}`;
}

// "29 november 2026": a calendar date (a "YYYY-MM-DD" day is read as that day, not in UTC).
export function formatDate(date: Date | string, lang: string, t: Translate, known = intlKnows(lang)): string {
  const [year, month, day] = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? date.split('-').map(Number)
    : (() => {
        const c = dutchClock(typeof date === 'string' ? new Date(date) : date);
        return [c.year, c.month, c.day];
      })();
  if (known) {
    return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
      .format(new Date(Date.UTC(year, month - 1, day)));
  }
  return `${formatNumber(day, lang)} ${catalogNames(t).months[month - 1]} ${formatNumber(year, lang, 4)}`;
}

export interface Choice {
  value: string;
  label: string;
}

// The 24 hours as "HH" values, labelled the way the language says them ("09" or "9 AM").
export function hourChoices(lang: string, known = intlKnows(lang)): Choice[] {
  const h24 = uses24Hour(lang, known);
  return Array.from({ length: 24 }, (_unused, hour) => ({
    value: String(hour).padStart(2, '0'),
    label: !known || h24
      ? formatNumber(hour, lang, 2)
      : new Intl.DateTimeFormat(lang, { hour: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, hour))),
  }));
}

// Minutes in `step` steps as "MM" values; `keep` (a stored value off the steps) stays choosable.
export function minuteChoices(lang: string, step = 5, keep?: string): Choice[] {
  const minutes = Array.from({ length: 60 / step }, (_unused, i) => i * step);
  const kept = Number(keep);
  if (keep !== undefined && Number.isInteger(kept) && kept >= 0 && kept < 60 && !minutes.includes(kept)) {
    minutes.push(kept);
    minutes.sort((a, b) => a - b);
  }
  return minutes.map((m) => ({ value: String(m).padStart(2, '0'), label: formatNumber(m, lang, 2) }));
}

// The days 1-31 as "DD" values, in the language's digits.
export function dayChoices(lang: string): Choice[] {
  return Array.from({ length: 31 }, (_unused, i) => ({ value: String(i + 1).padStart(2, '0'), label: formatNumber(i + 1, lang) }));
}

// The twelve months as "MM" values, named in the language (the catalog's names where Intl has none).
export function monthChoices(lang: string, t: Translate, known = intlKnows(lang)): Choice[] {
  const names = known
    ? Array.from({ length: 12 }, (_unused, m) =>
        new Intl.DateTimeFormat(dateLocale(lang), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, m, 1))))
    : catalogNames(t).months;
  return names.map((label, m) => ({ value: String(m + 1).padStart(2, '0'), label }));
}

// The years from `from` to `to` as "YYYY" values, newest first when the range is long (birth years).
export function yearChoices(lang: string, from: number, to: number): Choice[] {
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_unused, i) => from + i);
  if (years.length > 10) years.reverse();
  return years.map((y) => ({ value: String(y), label: formatNumber(y, lang, 4) }));
}
