// Boot: open the store, pick the language, follow the session (and sync while logged in),
// render, register the service worker.
import { render } from 'preact';
import { setApiLanguage } from './api';
import { LocationProvider } from 'preact-iso/router';
import { App, followLegacyHashLinks } from './app';
import { installBackGuard } from './ui/useLeaveGuard';
import { session, startSession } from './features/auth/session';
import { initialLanguage, onLanguageChange, setLanguage } from './i18n';
import { MaatjeDB } from './store/db';
import { registerServiceWorker } from './sw-register';
import { startSync } from './sync/scheduler';
import { DbContext } from './ui/db-context';
import './styles.css';

const PERSIST_KEY = 'maatje.persist-asked';

// Ask once that the browser keeps our IndexedDB under storage pressure (unsent changes live there).
function requestPersistentStorage(): void {
  if (localStorage.getItem(PERSIST_KEY) || !navigator.storage?.persist) return;
  localStorage.setItem(PERSIST_KEY, '1');
  void navigator.storage.persist();
}

async function boot(): Promise<void> {
  const db = new MaatjeDB();
  onLanguageChange(setApiLanguage); // server messages come back in the user's language
  await setLanguage(initialLanguage());

  // Sync runs only while someone is logged in; it stops at logout or session expiry.
  let stopSync: (() => void) | null = null;
  session.subscribe((s) => {
    if (s.status === 'user' && !stopSync) {
      requestPersistentStorage();
      stopSync = startSync(db);
    } else if (s.status !== 'user' && stopSync) {
      stopSync();
      stopSync = null;
    }
  });
  startSession(db);

  followLegacyHashLinks();
  installBackGuard(); // before the router mounts: its popstate listener must run first
  render(
    <DbContext.Provider value={db}>
      <LocationProvider>
        <App />
      </LocationProvider>
    </DbContext.Provider>,
    document.getElementById('app')!,
  );
  registerServiceWorker();
}

void boot();
