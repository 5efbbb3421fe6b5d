import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../src/api.testing';
import * as twin from '../src/api.testing';
import { logIn, logOut, session, startSession } from '../src/features/auth/session';
import { ensureClientId, getMeta, setMeta, type MaatjeDB } from '../src/store/db';
import { updateProfile } from '../src/features/profile/mutations';
import { ANNA_ID, BRAM_ID, freshDb, seedServer } from './helpers';

let db: MaatjeDB;
beforeEach(async () => {
  await seedServer();
  await twin.logout();
  db = freshDb();
});

// Waits until the session observable reaches the wanted status.
function sessionBecomes(status: string): Promise<void> {
  return new Promise((resolve) => {
    const off = session.subscribe((s) => {
      if (s.status === status) {
        queueMicrotask(() => off());
        resolve();
      }
    });
  });
}

describe('session', () => {
  it('login stores the user for offline starts', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    expect((await getMeta(db, 'me'))?.id).toBe(ANNA_ID);
  });

  it('logging in as another user clears the data of the previous one', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    await db.profile.put({ id: ANNA_ID, scope: `user:${ANNA_ID}`, seq: 1, data: { id: ANNA_ID, display_name: 'Anna', locale: 'nl', availability: [] } });
    await updateProfile(db, { display_name: 'Anna private' });
    const annaClient = await ensureClientId(db);
    await logIn(db, 'bram@example.nl', 'pw');
    expect(await db.profile.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'client_id')).not.toBe(annaClient);
    expect((await getMeta(db, 'me'))?.id).toBe(BRAM_ID);
  });

  it('logging in again as the same user keeps the queued changes', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    await updateProfile(db, { display_name: 'Unsent' });
    await logIn(db, 'anna@example.nl', 'pw');
    expect(await db.outbox.count()).toBe(1);
  });

  it('logout refuses to wipe changes the server did not take, and keeps them', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    await updateProfile(db, { display_name: 'Not sent yet' });
    server.failNext(503); // the push fails without a network error
    await expect(logOut(db)).rejects.toMatchObject({ name: 'UnsentChangesError', count: 1 });
    expect(await db.outbox.count()).toBe(1);
    expect((await getMeta(db, 'me'))?.id).toBe(ANNA_ID);
  });

  it('logout ends the session and leaves nothing on the phone', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    await updateProfile(db, { display_name: 'Sent at logout' });
    await logOut(db);
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Sent at logout');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
    await expect(twin.me()).rejects.toMatchObject({ code: 401 });
  });

  it('logout offline refuses and keeps everything', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    server.offline = true;
    await expect(logOut(db)).rejects.toBeInstanceOf(twin.NetworkError);
    expect(await getMeta(db, 'me')).toBeDefined();
  });

  it('starting offline with a saved user shows that user, not the login screen', async () => {
    await logIn(db, 'anna@example.nl', 'pw');
    server.offline = true;
    const stop = startSession(db);
    await sessionBecomes('user');
    expect(session.get()).toMatchObject({ status: 'user', user: { id: ANNA_ID } });
    stop();
  });

  it('a 401 at start means logged out, but the unsent changes stay for the same user', async () => {
    await setMeta(db, 'me', { id: ANNA_ID, email: 'anna@example.nl', display_name: 'Anna', locale: 'nl', roles: ['newcomer'], organisation: null });
    await setMeta(db, 'last_user_id', ANNA_ID);
    await updateProfile(db, { display_name: 'Typed offline' });
    const stop = startSession(db);
    await sessionBecomes('anon');
    expect(await getMeta(db, 'me')).toBeUndefined();
    // Kept aside for Anna, with the reason the login screen shows.
    expect(await db.parked.get(ANNA_ID)).toMatchObject({ reason: 'expired', entries: [{ args: { display_name: 'Typed offline' } }] });
    await logIn(db, 'anna@example.nl', 'pw');
    expect(await db.outbox.count()).toBe(1);
    stop();
  });
});
