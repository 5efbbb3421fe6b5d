// Meeting times: entered and shown in Dutch time (Europe/Amsterdam) whatever the phone's own time
// zone, stored and sent in UTC. Intl knows the time-zone rules (summer time included); nothing
// here reads the phone's zone (no getHours, no local Date constructor, no toLocale... without
// timeZone), so a phone set to New York or Tehran shows the same 10:00 as one in Utrecht.
import { catalogNames, dateLocale, formatNumber, intlKnows, TIME_ZONE, type Translate } from '../../i18n/dates';

export interface WallTime {
  day: string; // "YYYY-MM-DD"
  time: string; // "HH:MM"
}

// A wall time that does not exist in Amsterdam: the hour skipped when summer time starts
// (the last Sunday of March, 02:00-02:59). The form says so instead of guessing.
export class NoSuchTimeError extends Error {
  constructor(readonly day: string, readonly time: string) {
    super(`${day} ${time} does not exist in ${TIME_ZONE}`);
    this.name = 'NoSuchTimeError';
  }
}

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

// The Amsterdam wall clock of an instant, as numbers.
function clock(ms: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = clockFormat.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

// Amsterdam's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer).
function offsetAt(ms: number): number {
  const c = clock(ms);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute) - Math.floor(ms / 60000) * 60000;
}

// The instant of an Amsterdam wall time, as ISO 8601 UTC. On the October day, 02:30 happens
// twice; the first (summer time) is taken. On the March day, 02:00-02:59 does not exist:
// NoSuchTimeError. A malformed day or time: RangeError.
export function amsterdamToUtc(day: string, time: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`not a day and a time: ${day} ${time}`);
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  if (h > 23 || mi > 59) throw new RangeError(`not a time: ${time}`);
  const asUtc = Date.UTC(y, mo - 1, da, h, mi);
  const real = new Date(asUtc);
  if (real.getUTCDate() !== da || real.getUTCMonth() !== mo - 1) throw new RangeError(`not a day: ${day}`);
  // The offset a day before and a day after covers both sides of a change of the clocks.
  const candidates = [...new Set([offsetAt(asUtc - 86400000), offsetAt(asUtc), offsetAt(asUtc + 86400000)])]
    .map((offset) => asUtc - offset)
    .filter((ms) => {
      const c = clock(ms);
      return c.year === y && c.month === mo && c.day === da && c.hour === h && c.minute === mi;
    })
    .sort((a, b) => a - b);
  if (candidates.length === 0) throw new NoSuchTimeError(day, time);
  return new Date(candidates[0]).toISOString();
}

// The Amsterdam day and time of an instant (to fill a form with a stored slot).
export function utcToAmsterdam(iso: string | Date): WallTime {
  const c = clock(typeof iso === 'string' ? Date.parse(iso) : iso.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return { day: `${c.year}-${two(c.month)}-${two(c.day)}`, time: `${two(c.hour)}:${two(c.minute)}` };
}

// Today's date in Amsterdam ("YYYY-MM-DD").
export function amsterdamToday(now: Date = new Date()): string {
  return utcToAmsterdam(now).day;
}

// "zaterdag 28 maart 2027 10:00" in the app's language: weekday, date and time in Dutch time.
// A language the browser has no date data for (Tigrinya in Chromium) takes the weekday and month
// names from the catalog (`t`) and a 24-hour clock in its digits.
export function formatMeeting(iso: string, lang: string, t: Translate = (s) => s, known = intlKnows(lang)): string {
  const ms = Date.parse(iso);
  if (known) {
    return new Intl.DateTimeFormat(dateLocale(lang), {
      timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
    }).format(new Date(ms));
  }
  const c = clock(ms);
  const names = catalogNames(t);
  // 0 = Monday: Date.UTC of the wall date has the same weekday as the wall date itself.
  const weekday = names.weekdays[(new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay() + 6) % 7];
  const time = `${formatNumber(c.hour, lang, 2)}:${formatNumber(c.minute, lang, 2)}`;
  return `${weekday} ${formatNumber(c.day, lang)} ${names.months[c.month - 1]} ${formatNumber(c.year, lang, 4)} ${time}`;
}

// Only the time ("10:00" or "10:00 AM") in Dutch time, in the app's language.
export function formatMeetingTime(iso: string, lang: string, known = intlKnows(lang)): string {
  const ms = Date.parse(iso);
  if (known) {
    return new Intl.DateTimeFormat(dateLocale(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
  }
  const c = clock(ms);
  return `${formatNumber(c.hour, lang, 2)}:${formatNumber(c.minute, lang, 2)}`;
}

// The times of a day in `step`-minute steps as "HH:MM" values, labelled the way the language says
// them ("09:15", or "9:15 AM" in English); a language without Intl data: a 24-hour clock.
export function timeChoices(lang: string, step = 15, known = intlKnows(lang)): { value: string; label: string }[] {
  const label = known
    ? new Intl.DateTimeFormat(dateLocale(lang), { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' })
    : null;
  return Array.from({ length: (24 * 60) / step }, (_unused, i) => {
    const hour = Math.floor((i * step) / 60);
    const minute = (i * step) % 60;
    const value = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    return {
      value,
      label: label ? label.format(new Date(Date.UTC(2024, 0, 1, hour, minute))) : `${formatNumber(hour, lang, 2)}:${formatNumber(minute, lang, 2)}`,
    };
  });
}
