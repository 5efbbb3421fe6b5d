// Words shared by the pair's screens: a duration, today's date in Amsterdam, who took the initiative.
import { _, format, ngettext } from '../../i18n';

export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  // TRANSLATORS: a duration in hours ("2 uur" is two hours).
  const h = ngettext("{n} uur", "{n} uur", hours);
  // TRANSLATORS: a duration in minutes.
  const m = ngettext("{n} minuut", "{n} minuten", rest);
  if (hours === 0) return m;
  if (rest === 0) return h;
  // TRANSLATORS: a duration: {hours} is e.g. "1 uur", {minutes} e.g. "30 minuten".
  return format(_("{hours} en {minutes}"), { hours: h, minutes: m });
}

// The date (YYYY-MM-DD) of a moment (now by default) in the Netherlands, whatever the phone's time zone.
export function amsterdamDay(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
