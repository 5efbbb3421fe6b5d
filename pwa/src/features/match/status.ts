// Where a proposal or match stands, in words, from this party's side.
import { _ } from '../../i18n';
import type { Offer } from './overlay';

// The line under the name: where this proposal or match stands, from this party's side.
export function statusText(offer: Offer): string {
  switch (offer.status) {
    case 'proposed':
      if (offer.own_answer === 'accepted') return _("Je hebt ja gezegd. Nu wachten we op het antwoord van de ander.");
      if (offer.own_answer === 'declined') return _("Je hebt nee gezegd tegen dit voorstel.");
      return offer.role === 'buddy'
        ? _("De coördinator stelt voor dat jij maatje wordt van deze nieuwkomer.")
        : _("De coördinator stelt voor dat dit jouw maatje wordt.");
    case 'agreed':
      return _("Jullie hebben allebei ja gezegd. De coördinator keurt de koppeling nu goed.");
    case 'active':
      return _("Jullie zijn maatjes.");
    case 'paused':
      return _("Jullie koppeling staat even stil.");
    case 'ended':
      return _("Deze koppeling is beëindigd.");
    case 'declined':
      return _("Dit voorstel gaat niet door: iemand heeft nee gezegd.");
    case 'expired':
      return _("Dit voorstel is verlopen: niet op tijd beantwoord.");
    case 'withdrawn':
      return _("De coördinator heeft dit voorstel ingetrokken.");
  }
}
