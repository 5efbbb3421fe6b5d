// Words shared by the pair's screens: a duration, today's date in Amsterdam, who took the initiative.
import { _, format, ngettext } from '../../i18n';

export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = ngettext("{n} uur", "{n} uur", hours);
  const m = ngettext("{n} minuut", "{n} minuten", rest);
  if (hours === 0) return m;
  if (rest === 0) return h;
  // TRANSLATORS: a duration: {hours} is e.g. "1 uur", {minutes} e.g. "30 minuten".
  return format(_("{hours} en {minutes}"), { hours: h, minutes: m });
}

// Today's date (YYYY-MM-DD) in the Netherlands, whatever the phone's own time zone.
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
