// Items 21 and 22: a change is sent only as the person who made it; another person's login
// never mixes two people's data and never throws a waiting change away.
import { beforeEach, describe, expect, it } from 'vitest';
import * as twin from '../src/api.testing';
import { server } from '../src/api.testing';
import { logIn, logOut, startSession } from '../src/features/auth/session';
import { signOutReason, waitingChanges } from '../src/features/auth/notes';
import { ensureClientId, getMeta, MaatjeDB, type MaatjeDB as DB } from '../src/store/db';
import { syncOnce } from '../src/sync/engine';
import { updateProfile } from '../src/features/profile/mutations';
import { watchProfile } from '../src/features/profile/queries';
import type { User } from '../src/types';
import Dexie from 'dexie';
import { ANNA_ID, BRAM_ID, freshDb, seedServer, signedIn } from './helpers';

let db: DB;
let anna: User;
let bram: User;
beforeEach(async () => {
  ({ anna, bram } = await seedServer());
  db = await signedIn(freshDb(), anna);
});

const first = <T,>(watch: (cb: (v: T) => void) => () => void) =>
  new Promise<T>((resolve) => {
    const off = watch((v) => (queueMicrotask(() => off()), resolve(v)));
  });

describe('a login as someone else in another tab (item 21)', () => {
  it("Anna's waiting change is not sent into Bram's account, and she is asked to log in again", async () => {
    await syncOnce(db);
    await updateProfile(db, { display_name: 'Anna offline' });
    await twin.login('bram@example.nl', 'pw'); // another tab: the cookie is Bram's now
    expect(await syncOnce(db)).toBe('unauthorized');
    expect((await server.profile(BRAM_ID))?.display_name).toBe('Bram');
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Anna');
    expect(await getMeta(db, 'me')).toBeUndefined();
    const parked = await db.parked.get(ANNA_ID);
    expect(parked).toMatchObject({ reason: 'other_user', name: 'Anna', entries: [{ args: { display_name: 'Anna offline' } }] });
    expect(signOutReason([parked!])).toBe(
      'Je bent in een ander tabblad ingelogd als iemand anders. Log opnieuw in als Anna om je wijzigingen te versturen.',
    );
  });

  it("with a client id the server already bound to Anna, Bram's session gets nothing either", async () => {
    await updateProfile(db, { display_name: 'First' });
    expect(await syncOnce(db)).toBeNull(); // bound to Anna
    await updateProfile(db, { display_name: 'Second' });
    await twin.login('bram@example.nl', 'pw');
    expect(await syncOnce(db)).toBe('unauthorized');
    expect((await server.profile(BRAM_ID))?.display_name).toBe('Bram');
    expect((await server.profile(ANNA_ID))?.display_name).toBe('First');
    expect((await db.parked.get(ANNA_ID))?.entries).toHaveLength(1);
  });

  it("Bram's feed is never written into Anna's data", async () => {
    await syncOnce(db);
    const cursor = await getMeta(db, 'cursor');
    await twin.login('bram@example.nl', 'pw');
    await syncOnce(db);
    expect(await db.profile.get(BRAM_ID)).toBeUndefined();
    expect((await db.profile.get(ANNA_ID))?.data.display_name).toBe('Anna');
    expect(await getMeta(db, 'cursor')).toBe(cursor);
  });

  it('when Anna logs in again, her change comes back and is sent as hers', async () => {
    await updateProfile(db, { display_name: 'Anna offline' });
    await twin.login('bram@example.nl', 'pw');
    await syncOnce(db);
    await logIn(db, 'anna@example.nl', 'pw');
    expect(await db.parked.count()).toBe(0);
    expect(await syncOnce(db)).toBeNull();
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Anna offline');
    expect((await server.profile(BRAM_ID))?.display_name).toBe('Bram');
  });
});

describe("a session that ended, then another person's login (item 22)", () => {
  it("keeps Anna's change aside, out of Bram's sight, and sends it when she is back", async () => {
    const stop = startSession(db);
    await syncOnce(db);
    await updateProfile(db, { display_name: 'Anna offline' });
    const annaClient = await ensureClientId(db);
    await twin.logout(); // the session ended on the server
    expect(await syncOnce(db)).toBe('unauthorized'); // 401: the session module signs Anna out
    await vi_waitFor(async () => (await getMeta(db, 'me')) === undefined);
    expect(waitingChanges(await db.parked.toArray())).toEqual([
      'Er wacht nog 1 wijziging van Anna. Log in als Anna om die te versturen.',
    ]);
    expect(signOutReason(await db.parked.toArray())).toBe('Je bent uitgelogd: je sessie is verlopen of beëindigd. Log opnieuw in.');

    await logIn(db, 'bram@example.nl', 'pw');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.profile.count()).toBe(0); // Anna's base data is gone
    expect(await getMeta(db, 'client_id')).not.toBe(annaClient);
    expect((await first(watchProfile(db, bram))).display_name).toBe('Bram');
    expect(await syncOnce(db)).toBeNull();
    expect((await server.profile(BRAM_ID))?.display_name).toBe('Bram');
    expect((await db.profile.toArray()).map((r) => r.id)).toEqual([BRAM_ID]);
    expect(signOutReason(await db.parked.toArray())).toBe(''); // someone logged in since
    expect(await db.parked.count()).toBe(1);

    await logOut(db);
    expect(waitingChanges(await db.parked.toArray())).toHaveLength(1); // Bram's logout kept it
    await logIn(db, 'anna@example.nl', 'pw');
    expect(await getMeta(db, 'client_id')).toBe(annaClient);
    expect(await db.outbox.count()).toBe(1);
    expect(await syncOnce(db)).toBeNull();
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Anna offline');
    expect(await db.parked.count()).toBe(0);
    stop();
  });

  it('counts in the plural', () => {
    const row = { user_id: ANNA_ID, name: 'Amal', client_id: null, last_mid: 2, reason: null, at: '' };
    const entries = [1, 2].map((mid) => ({ mid, name: 'profile.update', args: {}, created_at: '' }));
    expect(waitingChanges([{ ...row, entries }])).toEqual([
      'Er wachten nog 2 wijzigingen van Amal. Log in als Amal om die te versturen.',
    ]);
  });

  it('opens a version 1 database without losing its data, and adds the parked table', async () => {
    const name = `maatje-ladder-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ profile: 'id, scope', notice: 'id, scope', outbox: 'mid', meta: 'key' });
    await v1.table('outbox').add({ mid: 1, name: 'profile.update', args: { display_name: 'Kept' }, created_at: '' });
    await v1.table('meta').put({ key: 'last_user_id', value: ANNA_ID });
    v1.close();
    const upgraded = new MaatjeDB(name);
    expect((await upgraded.outbox.toArray()).map((e) => e.args)).toEqual([{ display_name: 'Kept' }]);
    expect(await getMeta(upgraded, 'last_user_id')).toBe(ANNA_ID);
    expect(await upgraded.parked.count()).toBe(0);
    expect(upgraded.parked.schema.indexes.map((i) => i.name)).toEqual([]); // no scope: not synced
  });
});

async function vi_waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition never held');
}
