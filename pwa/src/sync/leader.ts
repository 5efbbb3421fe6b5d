// Only one tab syncs at a time; the others see its results through Dexie's change events.
const LOCK_NAME = 'maatje-sync-leader';

// Calls `lead` once this tab holds the lock, and its cleanup when we stop or the tab closes.
export function whenLeader(lead: () => () => void): () => void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return lead(); // no Web Locks (very old browser): every tab syncs; the server dedupes
  const abort = new AbortController();
  let release: (() => void) | null = null;
  let cleanup: (() => void) | null = null;
  locks
    .request(LOCK_NAME, { signal: abort.signal }, () => {
      cleanup = lead();
      return new Promise<void>((resolve) => (release = resolve)); // hold the lock until stopped
    })
    .catch(() => undefined); // AbortError: stopped before this tab ever led
  return () => {
    abort.abort();
    cleanup?.();
    release?.();
  };
}
