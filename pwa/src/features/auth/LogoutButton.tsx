// Logging out, with the reason it could not be done. The reason is kept as a kind, not a text:
// it is said in the current language, and goes away once it is no longer true.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { NetworkError, UnsentChangesError } from '../../errors';
import { _ } from '../../i18n';
import { watchSyncStatus, type SyncStatus } from '../../sync/views';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { useOnline, useWatch } from '../../ui/useWatch';
import { logOut } from './session';

type Failure = 'offline' | 'unsent' | 'failed' | null;

function failureText(failure: Failure): string {
  if (failure === 'offline') return _("Uitloggen kan alleen met internet. Probeer het opnieuw als je online bent.");
  if (failure === 'unsent') {
    return _("Er wachten nog wijzigingen die niet zijn verstuurd. Uitloggen zou ze wissen. Probeer het opnieuw als alles is bijgewerkt.");
  }
  if (failure === 'failed') return _("Uitloggen is niet gelukt. Probeer het opnieuw.");
  return '';
}

export function LogoutButton() {
  const db = useDb();
  const { route } = useLocation();
  const online = useOnline();
  const status = useWatch<SyncStatus | null>(watchSyncStatus(db), null, [db]);
  const [failure, setFailure] = useState<Failure>(null);

  // Back online, or nothing waits any more: the reason no longer holds.
  useEffect(() => {
    if (online && failure === 'offline') setFailure(null);
  }, [online]);
  useEffect(() => {
    if (status?.pending === 0 && failure === 'unsent') setFailure(null);
  }, [status?.pending]);

  async function logout() {
    setFailure(null);
    try {
      await logOut(db);
      route('/');
    } catch (error) {
      if (error instanceof NetworkError) setFailure('offline');
      else if (error instanceof UnsentChangesError) setFailure('unsent');
      else setFailure('failed');
    }
  }

  return (
    <div class="logout">
      <Button icon="logout" variant="secondary" onClick={() => void logout()} data-testid="logout">
        {/* TRANSLATORS: button: log out of the app on this device. */}
        {_("Uitloggen")}
      </Button>
      <div role="alert" class="form-error" data-testid="logout-error">
        {failure && <p>{failureText(failure)}</p>}
      </div>
    </div>
  );
}
