// Who is logged in. The last /me answer lives in meta, so the app starts offline-first and
// every tab follows a login or logout (Dexie liveQuery hears other tabs). Local data belongs to
// meta.last_user_id; sync/owner.ts parks and restores it when that person changes.
import { liveQuery } from 'dexie';
import * as api from '../../api';
import { ApiError, NetworkError, OtherUserError, UnsentChangesError } from '../../errors';
import { currentLang, isLang, setLanguage } from '../../i18n';
import { observable } from '../../observable';
import { ensureClientId, getMeta, type MaatjeDB } from '../../store/db';
import { adoptOwner, forgetOwner, signOut } from '../../sync/owner';
import { pushAll } from '../../sync/push';
import { runUploads } from '../../sync/uploads';
import { whileLoggingOut } from '../../sync/writes';
import { forgetThisDevice } from '../push/push';
import type { User } from '../../types';
import { forgetUnsentNote, keepUnsentNote, unsentNoted } from './unsent-note';

export type Session = { status: 'loading' } | { status: 'anon' } | { status: 'user'; user: User };

export const session = observable<Session>({ status: 'loading' });
// This tab found the local database gone while a session existed, with changes noted as unsent.
export const lostChanges = observable(0);

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
  const stopNote = keepUnsentNote(db);
  // The browser deleted or closed our database under the open app (site data cleared). Dexie
  // closes it and opens a fresh one on the next read; ask the server who we are and sync afresh,
  // instead of a blank login screen with a valid cookie.
  const onVersionChange = (event: IDBVersionChangeEvent) => {
    if (!event.newVersion) void checkServer(db);
  };
  const onClose = () => void checkServer(db);
  db.on('versionchange', onVersionChange);
  db.on('close', onClose);
  // Lost while offline: the server could not be asked then; ask when the connection is back.
  const onOnline = async () => {
    if (session.get().status === 'user' && !(await getMeta(db, 'last_user_id'))) await checkServer(db);
  };
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
  return () => {
    stopped = true;
    stopWatching();
    off();
    stopNote();
    db.on('versionchange').unsubscribe(onVersionChange);
    db.on('close').unsubscribe(onClose);
    if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
  };
}

// Offline or a server hiccup: keep whatever we had. Only a 401 means "logged out".
async function checkServer(db: MaatjeDB): Promise<void> {
  try {
    const { user } = await api.me();
    const local = await getMeta(db, 'me');
    // Someone else logged in in another tab (the cookie is shared): not a silent switch.
    if (local && local.id !== user.id) await signOut(db, 'other_user');
    else await adopt(db, user);
  } catch (error) {
    if (error instanceof ApiError && error.code === 401) await expire(db);
    else if (!(error instanceof NetworkError || error instanceof ApiError)) throw error;
  }
}

// An empty database (no owner) while this browser noted unsent changes of this user: lost.
async function adopt(db: MaatjeDB, user: User): Promise<void> {
  const lost = (await getMeta(db, 'last_user_id')) ? 0 : unsentNoted(user.id);
  if (lost > 0) lostChanges.set(lost);
  await adoptOwner(db, user);
}

// Session ended: back to the login screen, which says why; this user's data stays for their
// return, their unsent changes parked until they log in again on this phone.
async function expire(db: MaatjeDB): Promise<void> {
  await signOut(db, 'expired');
  api.setCsrfToken(null);
}

// The user's own language comes from their profile. A language picked on the login screen is a
// device setting for that screen only: it is never pushed into the account of whoever logs in.
export async function logIn(db: MaatjeDB, login: string, password: string): Promise<void> {
  const { user } = await api.login(login, password);
  await signedIn(db, user);
}

// After a login, an activation or a password reset: this user's language, data and session.
export async function signedIn(db: MaatjeDB, user: User): Promise<void> {
  if (isLang(user.locale) && user.locale !== currentLang()) await setLanguage(user.locale);
  await adopt(db, user);
}

// Send what is still queued, end the session, then leave nothing of this user on the phone.
// While it runs, changes are refused in every tab (sync/writes.ts). Throws NetworkError when
// offline (the server session must end too, so we refuse rather than pretend), and
// UnsentChangesError when changes could not be sent (a wipe would lose them).
export async function logOut(db: MaatjeDB): Promise<void> {
  await whileLoggingOut(async () => {
    const me = await getMeta(db, 'me');
    if (!me) return; // another tab logged out already
    await ensureClientId(db);
    try {
      await pushAll(db);
    } catch (error) {
      if (error instanceof OtherUserError) return void (await signOut(db, 'other_user'));
      if (error instanceof NetworkError) throw error;
    }
    const unsent = await db.outbox.count();
    if (unsent > 0) throw new UnsentChangesError(unsent);
    // Recordings waiting for the connection go now if they can; what is left stays on this phone
    // under this user (kept apart, sent when they log in here again), never under someone else.
    await runUploads(db).catch(() => 0);
    await forgetThisDevice(); // no reminders for this user on this phone any more (never throws)
    try {
      await api.logout();
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 401)) throw error; // already logged out
    }
    api.setCsrfToken(null);
    // Counts the outbox again in the transaction that clears: a late change is parked, not wiped.
    if ((await forgetOwner(db)) === 0) forgetUnsentNote(me.id);
  });
}
