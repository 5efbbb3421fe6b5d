// What the login screen says about how the last session on this phone ended, and which
// changes wait for whom (from the `parked` table).
import { liveQuery } from 'dexie';
import { _, format, ngettext } from '../../i18n';
import type { MaatjeDB, Parked } from '../../store/db';

export function watchParked(db: MaatjeDB): (cb: (rows: Parked[]) => void) => () => void {
  return (cb) => {
    const sub = liveQuery(() => db.parked.toArray()).subscribe({ next: cb, error: () => cb([]) });
    return () => sub.unsubscribe();
  };
}

// The newest sign-out that nobody has logged in after: why this screen is shown.
export function signOutReason(rows: readonly Parked[]): string {
  const last = [...rows].filter((r) => r.reason).sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!last) return '';
  if (last.reason === 'other_user') {
    return last.entries.length > 0 && last.name
      ? format(_("Je bent in een ander tabblad ingelogd als iemand anders. Log opnieuw in als {name} om je wijzigingen te versturen."), { name: last.name })
      : _("Je bent in een ander tabblad ingelogd als iemand anders. Log opnieuw in.");
  }
  if (last.reason === 'expired') return _("Je bent uitgelogd: je sessie is verlopen of beëindigd. Log opnieuw in.");
  return '';
}

// One line per person with changes waiting on this phone.
export function waitingChanges(rows: readonly Parked[]): string[] {
  return rows
    .filter((r) => r.entries.length > 0)
    .map((r) => {
      const name = r.name || _("de vorige gebruiker");
      return ngettext(
        "Er wacht nog {n} wijziging van {name}. Log in als {name} om die te versturen.",
        "Er wachten nog {n} wijzigingen van {name}. Log in als {name} om die te versturen.",
        r.entries.length,
        { name },
      );
    });
}
