// Items 23, 24, 25 and the device list: no edits while logging out, one person's language never
// goes into the next one's account, lost or full storage is said plainly.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as twin from '../src/api.testing';
import { server } from '../src/api.testing';
import { LoggingOutError, StorageFullError } from '../src/errors';
import { refusedText } from '../src/features/auth/SessionNotice';
import { logIn, logOut, lostChanges, startSession } from '../src/features/auth/session';
import { lastSeenText } from '../src/features/sessions/DevicesSection';
import { currentLang, rememberedLanguage, setLanguage } from '../src/i18n';
import { getMeta, type MaatjeDB } from '../src/store/db';
import { syncOnce } from '../src/sync/engine';
import { updateProfile } from '../src/features/profile/mutations';
import { loggingOut, refusedWrite } from '../src/sync/writes';
import { ANNA_ID, BRAM_ID, freshDb, seedServer } from './helpers';

// localStorage for Node: the device-wide settings and the unsent-changes note live there.
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() { return map.size; },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';
const SAFARI_IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition never held');
}

let db: MaatjeDB;
beforeEach(async () => {
  vi.stubGlobal('localStorage', memoryStorage());
  await seedServer();
  await twin.logout();
  db = freshDb();
  refusedWrite.set(null);
  lostChanges.set(0);
});
afterEach(() => vi.unstubAllGlobals());

describe('logout (item 23)', () => {
  it('refuses an edit made while the logout runs, instead of accepting and wiping it', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    const busy: boolean[] = [];
    const off = loggingOut.subscribe((b) => busy.push(b));
    const logout = logOut(db);
    await expect(updateProfile(db, { display_name: 'During logout' })).rejects.toBeInstanceOf(LoggingOutError);
    expect(refusedText(refusedWrite.get())).toBe('Je wijziging is niet opgeslagen: je wordt uitgelogd.');
    await logout;
    off();
    expect(busy).toEqual([false, true, false]); // the screens can show it is busy
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Anna');
    expect(await db.outbox.count()).toBe(0);
  });

  it('a change that slips in after the last check (a tab without the guard) is parked, not wiped', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    const realLogout = twin.logout;
    const spy = vi.spyOn(twin, 'logout').mockImplementation(async () => {
      await db.outbox.add({ mid: 1, name: 'profile.update', args: { display_name: 'Late' }, created_at: '' });
      await realLogout();
    });
    await logOut(db);
    spy.mockRestore();
    expect(await getMeta(db, 'me')).toBeUndefined();
    expect(await db.parked.get(ANNA_ID)).toMatchObject({ reason: 'logout', entries: [{ args: { display_name: 'Late' } }] });
    await logIn(db, 'anna@example.nl', 'pw');
    expect(await syncOnce(db)).toBeNull();
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Late');
  });
});

describe('language (item 24)', () => {
  it("a language picked on the login screen is not pushed into the account of whoever logs in", async () => {
    await setLanguage('ar', { remember: true, fetchFn: async () => new Response('{}', { status: 404 }) });
    await logIn(db, 'bram@example.nl', 'pw');
    expect(await db.outbox.count()).toBe(0);
    await syncOnce(db);
    expect((await server.profile(BRAM_ID))?.locale).toBe('nl');
    expect(currentLang()).toBe('nl'); // Bram's own language, from his profile
    expect(rememberedLanguage()).toBe('ar'); // still the login screen's default on this device
  });
});

describe('full storage and lost storage (item 25)', () => {
  it('a full disk on a change is a plain error and sync_problem quota, not "Saved"', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    db.outbox.hook('creating', () => {
      throw quota();
    });
    await expect(updateProfile(db, { display_name: 'No room' })).rejects.toBeInstanceOf(StorageFullError);
    expect(await getMeta(db, 'sync_problem')).toBe('quota');
    expect(refusedText(refusedWrite.get())).toMatch(/het geheugen van dit apparaat is vol/);
  });

  it('a full disk while applying a pull page says quota and keeps the cursor', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    db.profile.hook('creating', () => {
      throw quota();
    });
    expect(await syncOnce(db)).toBe('quota');
    expect(await getMeta(db, 'sync_problem')).toBe('quota');
    expect(await getMeta(db, 'cursor')).toBeUndefined();
  });

  it('the database deleted under the open app: it says changes may be lost, and syncs afresh', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    const stop = startSession(db);
    server.offline = true;
    await updateProfile(db, { display_name: 'Never sent' });
    await until(() => localStorage.getItem('maatje.unsent') === JSON.stringify({ [ANNA_ID]: 1 }));
    server.offline = false;
    indexedDB.deleteDatabase(db.name); // what "clear site data" does to IndexedDB only
    await until(() => lostChanges.get() === 1);
    await until(async () => (await getMeta(db, 'me'))?.id === ANNA_ID);
    expect(await syncOnce(db)).toBeNull();
    expect((await db.profile.get(ANNA_ID))?.data.display_name).toBe('Anna');
    stop();
  });

  it('lost while offline: no "everything is up to date" for a database that holds nobody\'s data', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    await syncOnce(db);
    const stop = startSession(db);
    server.offline = true;
    indexedDB.deleteDatabase(db.name);
    await until(async () => (await getMeta(db, 'me')) === undefined);
    expect(await syncOnce(db)).toBe('unauthorized');
    expect(await getMeta(db, 'last_synced_at')).toBeUndefined();
    stop();
  });

  it('a first login on this browser is not mistaken for lost data', async () => {
    localStorage.setItem('maatje.unsent', JSON.stringify({ [BRAM_ID]: 2 })); // someone else's note
    await logIn(db, 'anna@example.nl', 'pw');
    expect(lostChanges.get()).toBe(0);
  });
});

describe('devices (item 1)', () => {
  it('lists own sessions with the current one marked, and ends another one', async () => {
    server.useDevice('firefox', FIREFOX_ANDROID);
    await twin.login('anna@example.nl', 'pw');
    server.useDevice('bram', SAFARI_IOS);
    await twin.login('bram@example.nl', 'pw');
    const [bramsPhone] = await twin.sessions();
    server.useDevice('phone', CHROME_ANDROID);
    await logIn(db, 'anna@example.nl', 'pw');
    const list = await twin.sessions();
    expect(list.map((s) => [s.device, s.current])).toEqual([['Chrome · Android', true], ['Firefox · Android', false]]);
    await twin.endSession(list[1].id);
    expect((await twin.sessions()).map((s) => s.device)).toEqual(['Chrome · Android']);
    await expect(twin.endSession(bramsPhone.id)).rejects.toMatchObject({ code: 404 });
  });

  it('says when it was last seen in the reader\'s language, in Dutch time', () => {
    expect(lastSeenText('2026-11-29T13:05:00Z', 'nl')).toBe('29 november om 14:05');
    expect(lastSeenText('2026-11-29T13:05:00Z', 'en')).toMatch(/November 29.*2:05/);
  });
});
