// Who is logged in. The last /me answer lives in meta, so the app starts offline-first and
// every tab follows a login or logout (Dexie liveQuery hears other tabs).
import { liveQuery } from 'dexie';
import * as api from '../../api';
import { ApiError, NetworkError, UnsentChangesError } from '../../errors';
import { currentLang, isLang, rememberedLanguage, setLanguage, type Lang } from '../../i18n';
import { observable } from '../../observable';
import { clearLocalData, deleteMeta, ensureClientId, getMeta, setMeta, type MaatjeDB } from '../../store/db';
import { updateProfile } from '../profile/mutations';
import { pushAll } from '../../sync/push';
import type { User } from '../../types';

export type Session = { status: 'loading' } | { status: 'anon' } | { status: 'user'; user: User };

export const session = observable<Session>({ status: 'loading' });

export function startSession(db: MaatjeDB): () => void {
  let stopWatching = () => {};
  let stopped = false;
  void (async () => {
    // Nothing saved: ask the server first, so a logged-in user does not see the login screen flash.
    if (await getMeta(db, 'me')) void checkServer(db);
    else await checkServer(db);
    if (stopped) return;
    const sub = liveQuery(() => getMeta(db, 'me')).subscribe({
      next: (user) => session.set(user ? { status: 'user', user } : { status: 'anon' }),
    });
    stopWatching = () => sub.unsubscribe();
  })();
  const off = api.onUnauthorized(() => void expire(db));
  return () => {
    stopped = true;
    stopWatching();
    off();
  };
}

// Offline or a server hiccup: keep whatever we had. Only a 401 means "logged out".
async function checkServer(db: MaatjeDB): Promise<void> {
  try {
    const { user } = await api.me();
    await adoptUser(db, user);
  } catch (error) {
    if (error instanceof ApiError && error.code === 401) await expire(db);
    else if (!(error instanceof NetworkError || error instanceof ApiError)) throw error;
  }
}

// Another user than the one whose data is on this phone: wipe it first (and so the client id).
// `locale` queues a language change before the session becomes visible to the screens.
async function adoptUser(db: MaatjeDB, user: User, locale?: Lang): Promise<void> {
  const previous = await getMeta(db, 'last_user_id');
  if (previous && previous !== user.id) await clearLocalData(db);
  if (locale) await updateProfile(db, { locale });
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'me', user);
    await setMeta(db, 'last_user_id', user.id);
  });
}

// Session expired: back to the login screen, but keep the data and the outbox of this user,
// so nothing typed offline is lost when the same person logs in again.
async function expire(db: MaatjeDB): Promise<void> {
  await deleteMeta(db, 'me');
  api.setCsrfToken(null);
}

export async function logIn(db: MaatjeDB, email: string, password: string): Promise<void> {
  const { user } = await api.login(email, password);
  // A language picked on this device wins over the account's; otherwise adopt the account's.
  const chosen = rememberedLanguage();
  const changed = chosen && chosen !== user.locale ? chosen : undefined;
  if (!changed && isLang(user.locale) && user.locale !== currentLang()) await setLanguage(user.locale);
  await adoptUser(db, user, changed);
}

// Send what is still queued, end the session, then leave nothing of this user on the phone.
// Throws NetworkError when offline (the server session must end too, so we refuse rather than
// pretend), and UnsentChangesError when changes could not be sent (a wipe would lose them).
export async function logOut(db: MaatjeDB): Promise<void> {
  await ensureClientId(db);
  await pushAll(db).catch((error) => {
    if (error instanceof NetworkError) throw error;
  });
  const unsent = await db.outbox.count();
  if (unsent > 0) throw new UnsentChangesError(unsent);
  try {
    await api.logout();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 401)) throw error; // already logged out
  }
  await clearLocalData(db);
}
