// Online-only data for the coordinator's screens: load, say plainly when there is no connection
// (these screens are not stored on the device), and show the server's own translated message.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, NetworkError } from '../../api';
import { _ } from '../../i18n';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useOnline } from '../../ui/useWatch';

export type Remote<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: unknown };

// A read the server answered "busy" (503: e.g. SQLite's write lock taken by another request) is
// asked once more after a moment, the way a person would tap "try again".
const BUSY_RETRY_MS = 600;

async function loadPatiently<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 503) throw error;
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    return load();
  }
}

// Loads `load()` now, again when `deps` change, when the browser comes back online, and on reload().
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[]): [Remote<T>, () => void] {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const online = useOnline();
  useEffect(() => {
    let live = true;
    loadPatiently(load).then(
      (data) => live && setRemote({ state: 'ready', data }),
      (error) => live && setRemote({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round, online]);
  return [remote, useCallback(() => setRound((r) => r + 1), [])];
}

// The words for a failed request: no connection, or the server's message (already translated).
export function errorText(error: unknown): string {
  if (error instanceof NetworkError || (typeof navigator !== 'undefined' && !navigator.onLine)) {
    return _("Dit scherm heeft een internetverbinding nodig. Probeer het opnieuw als je online bent.");
  }
  if (error instanceof ApiError) return error.message;
  return _("Er ging iets mis bij de server. Probeer het later opnieuw.");
}

export function NeedsConnection({ error, retry }: { error: unknown; retry?: () => void }) {
  const offline = error instanceof NetworkError || !navigator.onLine;
  return (
    <div class="needs-connection" role="alert" data-testid={offline ? 'needs-connection' : 'load-error'}>
      <p><Icon name="warning" /> {errorText(error)}</p>
      {retry && (
        <Button icon="refresh" variant="secondary" onClick={retry}>
          {/* TRANSLATORS: a button: load the screen again */ _("Opnieuw proberen")}
        </Button>
      )}
    </div>
  );
}

// The frame of a coordinator screen: its heading always, then the data, the wait, or why not.
export function RemoteView<T>({ remote, retry, children }: {
  remote: Remote<T>;
  retry: () => void;
  children: (data: T) => ComponentChildren;
}) {
  if (remote.state === 'loading') return <p role="status">{_("Even geduld…")}</p>;
  if (remote.state === 'error') {
    if (remote.error instanceof ApiError && remote.error.code === 404) {
      return (
        <div data-testid="not-found">
          <p>{_("Deze pagina bestaat niet (meer).")}</p>
          <p><a href="/coordinatie">{_("Terug naar het overzicht")}</a></p>
        </div>
      );
    }
    return <NeedsConnection error={remote.error} retry={retry} />;
  }
  return <>{children(remote.data)}</>;
}

// A write: busy while it runs, then its error (if any) in words.
export function useAction(): [(run: () => Promise<unknown>) => Promise<boolean>, boolean, string] {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return [run, busy, error];
}
