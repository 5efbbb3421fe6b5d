import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as twin from '../src/api.testing';
import { server } from '../src/api.testing';
import { ensureClientId, getMeta, setMeta, type MaatjeDB, type OutboxEntry } from '../src/store/db';
import { forgetOwner } from '../src/sync/owner';
import { applyPullPage } from '../src/sync/apply';
import { syncOnce } from '../src/sync/engine';
import { pendingMutations } from '../src/sync/outbox';
import { updateProfile } from '../src/features/profile/mutations';
import { overlayProfile } from '../src/features/profile/overlay';
import { watchNotices, type Notice } from '../src/features/notices/queries';
import { PULL_LIMIT, pullAll } from '../src/sync/pull';
import { pushAll } from '../src/sync/push';
import type { Mutation, User } from '../src/types';
import { ANNA_ID, BRAM_ID, freshDb, seedServer, signedIn } from './helpers';

let db: MaatjeDB;
let anna: User;
beforeEach(async () => {
  ({ anna } = await seedServer());
  db = await signedIn(freshDb(), anna);
  await ensureClientId(db); // as syncOnce does before each round
});

async function shown(device: MaatjeDB) {
  const row = await device.profile.get(ANNA_ID);
  return overlayProfile(row?.data ?? null, await pendingMutations(device));
}

// What the notices screen lists: the first answer of its live query.
// Outbox entries as push.ts puts them on the wire (the server refuses unknown fields).
const wire = (entries: OutboxEntry[]): Mutation[] => entries.map(({ mid, name, args }) => ({ mid, name, args }));

function notices(device: MaatjeDB): Promise<Notice[]> {
  return new Promise((resolve) => {
    const stop = watchNotices(device)((value) => {
      resolve(value);
      setTimeout(stop);
    });
  });
}

describe('push', () => {
  it('sends queued mutations and removes the applied ones', async () => {
    await updateProfile(db, { display_name: 'Anna B.' });
    await updateProfile(db, { availability: [{ day: 2, start: '10:00', end: '12:00' }] });
    await pushAll(db);
    expect(await db.outbox.count()).toBe(0);
    expect(await server.profile(ANNA_ID)).toMatchObject({ display_name: 'Anna B.', availability: [{ day: 2, start: '10:00', end: '12:00' }] });
    expect(await getMeta(db, 'last_mutation_id')).toBe(2);
  });

  it('a sent change stays on screen until the pull brings its result: no flicker back to the old row', async () => {
    await syncOnce(db); // the stored row says Anna
    await updateProfile(db, { display_name: 'Anna B.' });
    await pushAll(db); // the server has it; the phone has not pulled yet
    expect(await db.outbox.count()).toBe(0); // nothing waits to be sent (badge, logout)
    expect((await db.profile.get(ANNA_ID))?.data.display_name).toBe('Anna');
    expect((await shown(db))?.display_name).toBe('Anna B.'); // still shown as changed
    await pullAll(db);
    expect(await db.sent.count()).toBe(0);
    expect((await db.profile.get(ANNA_ID))?.data.display_name).toBe('Anna B.');
    expect((await shown(db))?.display_name).toBe('Anna B.');
  });

  it('answered changes of an old numbering are forgotten when the client starts afresh', async () => {
    await updateProfile(db, { display_name: 'Anna B.' });
    await pushAll(db);
    expect(await db.sent.count()).toBe(1);
    await forgetOwner(db);
    expect(await db.sent.count()).toBe(0);
  });

  it('removes a rejected mutation; the user sees the notice the server left', async () => {
    await updateProfile(db, { display_name: '' }); // the server wants 1 to 80 characters
    await updateProfile(db, { locale: 'ar' });
    expect(await syncOnce(db)).toBeNull();
    expect(await db.outbox.count()).toBe(0);
    const shown = await notices(db);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ kind: 'rejected', mutation: 'profile.update', code: 'invalid_args', message: 'Deze wijziging bevat ongeldige gegevens.' });
    expect(shown[0].read).toBeFalsy();
    expect(await server.profile(ANNA_ID)).toMatchObject({ display_name: 'Anna', locale: 'ar' }); // the queue did not wedge
  });

  // The old in-memory twin answered invalid_display_name / invalid_locale with the profile as
  // `current`; the real server says invalid_args, names the fields and sends no snapshot.
  it('a bad profile.update gets the real server\'s refusal: invalid_args, per field, no snapshot', async () => {
    const mutation = { mid: 1, name: 'profile.update', args: { display_name: '', locale: 'xx' } };
    const answer = await twin.syncPush({ client_id: crypto.randomUUID(), schema_version: 1, mutations: [mutation] });
    expect(answer.results).toEqual([
      expect.objectContaining({ mid: 1, status: 'rejected', code: 'invalid_args', message: 'Deze wijziging bevat ongeldige gegevens.', current: null }),
    ]);
    expect(Object.keys(answer.results[0].errors ?? {}).sort()).toEqual(['display_name', 'locale']);
  });

  it('a duplicate answer to a rejected mutation is shown as rejected, not as synced', async () => {
    await updateProfile(db, { display_name: '' });
    const clientId = await ensureClientId(db);
    // The first push was rejected, but its answer was lost on the way back.
    await twin.syncPush({ client_id: clientId, schema_version: 1, mutations: wire(await pendingMutations(db)) });
    expect(await syncOnce(db)).toBeNull();
    expect(await db.outbox.count()).toBe(0);
    expect((await notices(db)).map((n) => n.code)).toEqual(['invalid_args']);
  });

  it('keeps the outbox when the network is down, and sends it later', async () => {
    await updateProfile(db, { display_name: 'Offline Anna' });
    server.offline = true;
    expect(await syncOnce(db)).toBe('offline');
    expect(await db.outbox.count()).toBe(1);
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Anna');
    server.offline = false;
    expect(await syncOnce(db)).toBeNull();
    expect(await db.outbox.count()).toBe(0);
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Offline Anna');
  });

  it('keeps the outbox on 503 and on 426, and says why', async () => {
    await updateProfile(db, { display_name: 'Later' });
    server.failNext(503);
    expect(await syncOnce(db)).toBe('server');
    server.failNext(426);
    expect(await syncOnce(db)).toBe('outdated');
    expect(await getMeta(db, 'sync_problem')).toBe('outdated');
    expect(await db.outbox.count()).toBe(1);
  });

  it('a batch the server refuses as a whole is split, and the one at fault is rejected, not retried forever', async () => {
    await updateProfile(db, { display_name: 'A1' });
    await updateProfile(db, { display_name: 'A2' });
    await updateProfile(db, { display_name: 'A3' });
    server.failNext(0, 413, 413); // (0: the binding empty push passes) the batch of 3, then the first half (mids 1-2), are too large
    await pushAll(db);
    expect(await db.outbox.count()).toBe(0);
    expect((await server.profile(ANNA_ID))?.display_name).toBe('A3');
  });

  it('a single mutation refused as too large leaves the queue with a message', async () => {
    await updateProfile(db, { display_name: 'Huge' });
    await updateProfile(db, { display_name: 'After' });
    server.failNext(0, 413, 413); // (0: the binding empty push passes) the batch of 2, then mid 1 alone
    await pushAll(db);
    expect(await db.outbox.count()).toBe(0);
    // The server kept no notice of a batch it refused whole: the phone keeps its own.
    const rejections = (await getMeta(db, 'local_rejections')) ?? [];
    expect(rejections.map((r) => [r.mid, r.code])).toEqual([[1, 'too_large']]);
    expect((await notices(db)).map((n) => [n.kind, n.code, n.read])).toEqual([['rejected', 'too_large', false]]);
    expect((await server.profile(ANNA_ID))?.display_name).toBe('After'); // the gap it left was repaired
  });

  it('sends in batches of 100 in mid order', async () => {
    for (let i = 1; i <= 150; i++) await updateProfile(db, { display_name: `Name ${i}` });
    const push = vi.spyOn(twin, 'syncPush');
    await pushAll(db);
    // First an empty push binds the new client id to Anna (see push.ts), then the batches.
    expect(push.mock.calls.map(([body]) => body.mutations.length)).toEqual([0, 100, 50]);
    expect(push.mock.calls[2][0].mutations[0].mid).toBe(101);
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Name 150');
    push.mockRestore();
  });

  it('a retried push after a lost answer is answered as duplicate and applied once', async () => {
    await updateProfile(db, { display_name: 'Once' });
    const body = { client_id: await ensureClientId(db), schema_version: 1, mutations: wire(await pendingMutations(db)) };
    await twin.syncPush(body); // the server applied it, but the phone never heard back
    server.useDevice('laptop'); // Anna changes her name on another device meanwhile
    await twin.login('anna@example.nl', 'pw');
    const laptop = { client_id: crypto.randomUUID(), schema_version: 1 };
    await twin.syncPush({ ...laptop, mutations: [{ mid: 1, name: 'profile.update', args: { display_name: 'Changed elsewhere' } }] });
    server.useDevice('phone');
    await pushAll(db);
    expect(await db.outbox.count()).toBe(0);
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Changed elsewhere'); // not applied a second time
  });

  it('renumbers after a gap (server forgot this client) and gets through', async () => {
    await updateProfile(db, { display_name: 'One' });
    await pushAll(db);
    await updateProfile(db, { display_name: 'Two' });
    await server.forgetClient(await ensureClientId(db));
    await pushAll(db);
    expect(await db.outbox.count()).toBe(0);
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Two');
  });

  it('on 403 (client id of another user) starts a new client id and keeps the outbox', async () => {
    const oldId = await ensureClientId(db);
    await twin.login('bram@example.nl', 'pw');
    await twin.syncPush({ client_id: oldId, schema_version: 1, mutations: [] }); // Bram's now
    await twin.login('anna@example.nl', 'pw');
    await updateProfile(db, { display_name: 'Mine' });
    expect(await syncOnce(db)).toBe('server');
    expect(await ensureClientId(db)).not.toBe(oldId);
    expect(await db.outbox.count()).toBe(1);
    expect(await syncOnce(db)).toBeNull();
    expect((await server.profile(ANNA_ID))?.display_name).toBe('Mine');
  });
});

describe('pull', () => {
  it('fills the base tables and stores the cursor', async () => {
    await pullAll(db);
    expect((await db.profile.get(ANNA_ID))?.data.display_name).toBe('Anna');
    expect(await getMeta(db, 'cursor')).toBeTruthy();
  });

  it('follows has_more page by page', async () => {
    const rows = 2 * PULL_LIMIT + 200;
    await server.record(Array.from({ length: rows }, (_, i) => ({ entity: 'notice', id: `n${i}`, scope: `user:${ANNA_ID}`, data: { id: `n${i}`, message: `m${i}` } })));
    const pull = vi.spyOn(twin, 'syncPull');
    await pullAll(db);
    expect(pull).toHaveBeenCalledTimes(3); // rows + the profile at PULL_LIMIT a page
    expect(await db.notice.count()).toBe(rows);
    pull.mockRestore();
  });

  it('applies a page in one transaction: a failing page leaves nothing behind', async () => {
    await setMeta(db, 'cursor', 'old');
    const page = {
      changes: [
        { op: 'put' as const, entity: 'profile', id: ANNA_ID, scope: `user:${ANNA_ID}`, seq: 5, data: { id: ANNA_ID } },
        { op: 'put' as const, entity: 'notice', id: 'n1', scope: `user:${ANNA_ID}`, seq: 6, data: { id: 'n1' } },
      ],
      drop_scope: [], reset: false, last_mutation_id: 0, has_more: false, cursor: 'new', user_id: ANNA_ID,
    };
    db.notice.hook('creating', () => {
      throw new Error('quota exceeded');
    });
    await expect(applyPullPage(db, await ensureClientId(db), page)).rejects.toThrow('quota exceeded');
    expect(await db.profile.count()).toBe(0);
    expect(await getMeta(db, 'cursor')).toBe('old');
  });

  it('applies a page as if change by change: for one id the last change in the page wins', async () => {
    const scope = `user:${ANNA_ID}`;
    await db.notice.bulkPut(['kept', 'put-del', 'del-put'].map((id) => ({ id, scope, seq: 1, data: { id } as never })));
    const put = (id: string, seq: number, message: string) => ({ op: 'put' as const, entity: 'notice', id, scope, seq, data: { id, message } });
    const del = (id: string, seq: number) => ({ op: 'del' as const, entity: 'notice', id, scope, seq });
    const page = {
      changes: [put('put-del', 2, 'x'), del('del-put', 3), put('twice', 4, 'first'), put('new', 5, 'p'),
        del('put-del', 6), put('del-put', 7, 'back'), put('twice', 8, 'second'), del('never-here', 9)],
      drop_scope: [], reset: false, last_mutation_id: 0, has_more: false, cursor: 'c', user_id: ANNA_ID,
    };
    expect(await applyPullPage(db, await ensureClientId(db), page)).toBe(true);
    const rows = Object.fromEntries((await db.notice.toArray()).map((r) => [r.id, r]));
    expect(Object.keys(rows).sort()).toEqual(['del-put', 'kept', 'new', 'twice']);
    expect(rows['del-put']).toMatchObject({ seq: 7, data: { message: 'back' } });
    expect(rows['twice']).toMatchObject({ seq: 8, data: { message: 'second' } });
  });

  it('applies a page with one bulk write per table, not a write per row', async () => {
    const scope = `user:${ANNA_ID}`;
    const changes = Array.from({ length: 50 }, (_, i) => ({ op: 'put' as const, entity: 'notice', id: `n${i}`, scope, seq: i + 1, data: { id: `n${i}` } }));
    const page = { changes, drop_scope: [], reset: false, last_mutation_id: 0, has_more: false, cursor: 'c', user_id: ANNA_ID };
    // Dexie hands out its own Table objects inside a transaction: watch the shared prototype.
    const proto = Object.getPrototypeOf(db.notice);
    const single = vi.spyOn(proto, 'put');
    const bulk = vi.spyOn(proto, 'bulkPut');
    const onNotice = (spy: typeof single) => spy.mock.contexts.filter((table) => (table as { name: string }).name === 'notice').length;
    await applyPullPage(db, await ensureClientId(db), page);
    const [singles, bulks] = [onNotice(single), onNotice(bulk)];
    single.mockRestore();
    bulk.mockRestore();
    expect(singles).toBe(0);
    expect(bulks).toBe(1);
    expect(await db.notice.count()).toBe(50);
  });

  it('drops outbox entries the server has already applied (mid <= last_mutation_id)', async () => {
    await updateProfile(db, { display_name: 'A1' });
    await updateProfile(db, { display_name: 'A2' });
    await updateProfile(db, { display_name: 'A3' });
    // Mids 1 and 2 reached the server, but their answer was lost.
    await twin.syncPush({ client_id: await ensureClientId(db), schema_version: 1, mutations: wire(await pendingMutations(db)).slice(0, 2) });
    await pullAll(db);
    expect((await pendingMutations(db)).map((m) => m.mid)).toEqual([3]);
    expect((await db.profile.get(ANNA_ID))?.data.display_name).toBe('A2');
    expect((await shown(db))?.display_name).toBe('A3');
  });

  it('keeps applied entries until the last page of a pull is in', async () => {
    await updateProfile(db, { display_name: 'A1' });
    const clientId = await ensureClientId(db);
    const base = { changes: [], drop_scope: [], reset: false, last_mutation_id: 1, cursor: 'c1', user_id: ANNA_ID };
    await applyPullPage(db, clientId, { ...base, has_more: true });
    expect(await db.outbox.count()).toBe(1); // the page with the change may still be coming
    await applyPullPage(db, clientId, { ...base, has_more: false, cursor: 'c2' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('deletes rows the server deleted', async () => {
    await server.putRow('notice', 'n1', `user:${ANNA_ID}`, { id: 'n1' });
    await pullAll(db);
    await server.deleteRow('notice', 'n1', `user:${ANNA_ID}`);
    await pullAll(db);
    expect(await db.notice.get('n1')).toBeUndefined();
  });

  it('reset clears the base tables but keeps the outbox', async () => {
    await server.putRow('notice', 'gone', `user:${ANNA_ID}`, { id: 'gone' });
    await pullAll(db);
    await db.notice.put({ id: 'stale', scope: `user:${ANNA_ID}`, seq: 1, data: {} as never }); // never on the server
    await server.deleteRow('notice', 'gone', `user:${ANNA_ID}`);
    await updateProfile(db, { display_name: 'Queued' });
    await server.expireCursors();
    const pull = vi.spyOn(twin, 'syncPull');
    await pullAll(db);
    expect((await pull.mock.results[0].value).reset).toBe(true);
    pull.mockRestore();
    expect(await db.notice.count()).toBe(0);
    expect((await db.profile.get(ANNA_ID))?.data.display_name).toBe('Anna');
    expect(await db.outbox.count()).toBe(1);
    expect((await shown(db))?.display_name).toBe('Queued');
  });

  it('drop_scope removes every row of a lost scope and nothing else', async () => {
    const match = await server.match(ANNA_ID, BRAM_ID); // Anna and Bram now hold match:<id>
    await server.putRow('notice', 'm-note', match, { id: 'm-note' });
    await server.putRow('notice', 'own', `user:${ANNA_ID}`, { id: 'own' });
    await pullAll(db);
    expect(await db.notice.count()).toBe(2);
    await server.endMatch(match);
    await pullAll(db);
    expect((await db.notice.toArray()).map((r) => r.id)).toEqual(['own']);
    expect(await db.profile.get(ANNA_ID)).toBeDefined();
  });

  it('a rejected change comes back as a notice from the server', async () => {
    await updateProfile(db, { locale: 'xx' });
    await syncOnce(db);
    const notices = await db.notice.toArray();
    expect(notices.map((n) => n.data)).toEqual([expect.objectContaining({ kind: 'rejected', code: 'invalid_args', mutation: 'profile.update' })]);
  });
});

describe('logout during a round', () => {
  it('an answer that arrives after logout is not written', async () => {
    const clientId = await ensureClientId(db);
    const page = await twin.syncPull({ client_id: clientId, schema_version: 1, cursor: null, limit: 500 });
    await forgetOwner(db); // the user logged out while the request was under way
    expect(await applyPullPage(db, clientId, page)).toBe(false);
    expect(await db.profile.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });
});

describe('two devices', () => {
  it('converge on the server state, merging per field', async () => {
    const phone = db;
    const laptop = await signedIn(freshDb(), anna);
    await ensureClientId(laptop);
    await syncOnce(phone);
    await syncOnce(laptop);
    await updateProfile(phone, { display_name: 'Anna (phone)' }); // both offline, editing different fields
    await updateProfile(laptop, { availability: [{ day: 4, start: '18:00', end: '20:00' }] });
    await updateProfile(laptop, { locale: 'en' });
    await updateProfile(phone, { locale: 'ar' }); // same field on both: the later push wins
    await syncOnce(laptop);
    await syncOnce(phone);
    await syncOnce(laptop);
    const expected = {
      id: ANNA_ID,
      display_name: 'Anna (phone)',
      locale: 'ar',
      availability: [{ day: 4, start: '18:00', end: '20:00' }],
      phone: null, // the contact details an approved pair may see: none chosen
      shares: [],
    };
    expect(await server.profile(ANNA_ID)).toEqual(expected);
    expect(await shown(phone)).toEqual(expected);
    expect(await shown(laptop)).toEqual(expected);
    expect(await phone.outbox.count()).toBe(0);
    expect(await laptop.outbox.count()).toBe(0);
  });
});
