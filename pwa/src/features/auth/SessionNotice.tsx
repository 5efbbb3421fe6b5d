// Plain words, above every screen, about this phone's own state: a logout under way (edits wait),
// a change the phone refused (full storage, logout), local data the browser deleted.
import { LoggingOutError, StorageFullError } from '../../errors';
import { _, ngettext } from '../../i18n';
import { loggingOut, refusedWrite } from '../../sync/writes';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useWatch } from '../../ui/useWatch';
import { lostChanges } from './session';

// The text a screen shows when a change could not be saved; null for other errors.
export function refusedText(error: unknown): string | null {
  if (error instanceof StorageFullError) {
    return _("Je wijziging is niet opgeslagen: het geheugen van dit apparaat is vol. Maak ruimte vrij en probeer het opnieuw.");
  }
  if (error instanceof LoggingOutError) return _("Je wijziging is niet opgeslagen: je wordt uitgelogd.");
  return null;
}

export function SessionNotice() {
  const busy = useWatch(loggingOut.subscribe, loggingOut.get(), []);
  const refused = useWatch(refusedWrite.subscribe, refusedWrite.get(), []);
  const lost = useWatch(lostChanges.subscribe, lostChanges.get(), []);
  return (
    <div class="session-notice" data-testid="session-notice">
      <p role="status">{busy && <><Icon name="refresh" /> {_("Bezig met uitloggen… Wijzigen kan even niet.")}</>}</p>
      {refused && (
        <div role="alert" data-testid="refused-write">
          <p><Icon name="warning" /> {refusedText(refused)}</p>
          {/* TRANSLATORS: button: close this message (hide it). */}
          <Button icon="close" variant="secondary" onClick={() => refusedWrite.set(null)}>{_("Sluiten")}</Button>
        </div>
      )}
      {lost > 0 && (
        <div role="alert" data-testid="lost-changes">
          <p>
            <Icon name="warning" />{' '}
            {ngettext(
              "De browser heeft de gegevens van Maatje op dit apparaat gewist. {n} wijziging die nog niet was verstuurd, is misschien verloren gegaan. Je gegevens worden opnieuw opgehaald.",
              "De browser heeft de gegevens van Maatje op dit apparaat gewist. {n} wijzigingen die nog niet waren verstuurd, zijn misschien verloren gegaan. Je gegevens worden opnieuw opgehaald.",
              lost,
            )}
          </p>
          {/* TRANSLATORS: button: close this message (hide it). */}
          <Button icon="close" variant="secondary" onClick={() => lostChanges.set(0)}>{_("Sluiten")}</Button>
        </div>
      )}
    </div>
  );
}
