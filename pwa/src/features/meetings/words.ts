// A meeting's state in words, with who did it ("Sanne heeft dit moment gekozen."), and its time
// in the app's language. Shared by the meeting's page and the match page's section.
import { _, currentLang, format, ngettext } from '../../i18n';
import type { Side } from '../../types';
import type { ShownMeeting } from './overlay';
import { formatMeeting } from './time';

export function when(iso: string): string {
  return formatMeeting(iso, currentLang(), _);
}

export function duration(minutes: number): string {
  // TRANSLATORS: how long a meeting lasts, in whole hours.
  if (minutes % 60 === 0) return ngettext("{n} uur", "{n} uur", minutes / 60);
  // TRANSLATORS: how long a meeting lasts, in minutes.
  return ngettext("{n} minuut", "{n} minuten", minutes);
}

// The sentence under a meeting's title. `name`: the other person's first name.
export function stateText(m: ShownMeeting, role: Side, name: string): string {
  const mine = m.last_actor === role;
  switch (m.status) {
    case 'proposed':
      if (m.proposed_by === role) {
        return m.last_action === 'reschedule'
          ? format(_("Jij hebt nieuwe momenten voorgesteld. {name} kiest er één."), { name })
          : format(_("Jij hebt deze momenten voorgesteld. {name} kiest er één."), { name });
      }
      return m.last_action === 'reschedule'
        ? format(_("{name} stelt nieuwe momenten voor. Kies er één."), { name })
        : format(_("{name} stelt deze momenten voor. Kies er één."), { name });
    case 'confirmed':
      return m.decided_by === role
        ? _("Afgesproken. Jij hebt dit moment gekozen.")
        : format(_("Afgesproken. {name} heeft dit moment gekozen."), { name });
    case 'declined':
      return m.decided_by === role
        ? _("Jij kunt niet op deze momenten. Stel andere momenten voor of wacht op een nieuw voorstel.")
        : format(_("{name} kan niet op deze momenten. Stel andere momenten voor."), { name });
    case 'cancelled':
      return m.cancelled_by === role
        ? _("Jij hebt deze afspraak afgezegd.")
        : format(_("{name} heeft deze afspraak afgezegd."), { name });
    case 'held':
      return mine || m.completed_by === role
        ? _("Deze afspraak is geweest. Jij hebt dat ingevuld.")
        : format(_("Deze afspraak is geweest. {name} heeft dat ingevuld."), { name });
    default:
      return '';
  }
}

// The short label of a state (a badge in the list).
export function stateLabel(m: ShownMeeting, role: Side): string {
  switch (m.status) {
    case 'proposed':
      return m.proposed_by === role
        // TRANSLATORS: a meeting's state: the other person has not chosen a moment yet.
        ? _("Wacht op antwoord")
        // TRANSLATORS: a meeting's state: this user must choose one of the proposed moments.
        : _("Kies een moment");
    case 'confirmed':
      // TRANSLATORS: a meeting's state: a moment has been chosen.
      return _("Afgesproken");
    case 'declined':
      // TRANSLATORS: a meeting's state: the proposed moments did not suit.
      return _("Niet gelukt");
    case 'cancelled':
      // TRANSLATORS: a meeting's state: called off.
      return _("Afgezegd");
    case 'held':
      // TRANSLATORS: a meeting's state: it took place.
      return _("Geweest");
    default:
      return '';
  }
}

// "waiting to be sent" (offline) or "being sent" (online) for a change not yet confirmed.
export function pendingText(online: boolean): string {
  return online
    ? _("Je wijziging wordt verstuurd…")
    : _("Je wijziging wordt verstuurd zodra je online bent.");
}
