// Whose data is on this phone, and what happens to it when that changes.
// Local data belongs to meta.last_user_id. When that user's session ends (it expired, another
// person logged in in another tab, a logout found a change made in its last second), their
// unsent changes are parked: kept aside under their user id, with the client id their mids were
// numbered for, out of sight of whoever logs in next, and put back when they log in again here.
import { deleteMeta, getMeta, setMeta, type MaatjeDB, type Parked, type SignOutReason } from '../store/db';
import { deletePrivateCaches } from '../store/private-caches';
import type { User } from '../types';

// Moves the outbox (and the client id it was numbered for) aside for `userId`.
// Runs inside a transaction over all tables.
async function park(db: MaatjeDB, userId: string, name: string, reason: SignOutReason): Promise<void> {
  const entries = await db.outbox.orderBy('mid').toArray();
  const before = await db.parked.get(userId);
  let row: Parked = {
    user_id: userId,
    name: name || before?.name || '',
    client_id: (await getMeta(db, 'client_id')) ?? null,
    last_mid: (await getMeta(db, 'last_mid')) ?? 0,
    entries,
    reason,
    at: new Date().toISOString(),
  };
  if (before && before.entries.length > 0) {
    // Changes parked earlier keep their client id; later ones are numbered after them.
    const later = entries.map((entry, i) => ({ ...entry, mid: before.last_mid + 1 + i }));
    row = { ...row, client_id: before.client_id, last_mid: before.last_mid + later.length, entries: [...before.entries, ...later] };
  }
  await db.parked.put(row);
  await db.outbox.clear();
  await db.sent.clear(); // answered already; numbered for the client id that is parked now
  await Promise.all((['client_id', 'last_mid', 'last_mutation_id'] as const).map((key) => deleteMeta(db, key)));
}

// Puts a user's parked changes back in the outbox, under the client id they were numbered for.
async function restore(db: MaatjeDB, row: Parked): Promise<void> {
  await db.parked.delete(row.user_id);
  if (row.entries.length === 0) return;
  const current = await db.outbox.orderBy('mid').toArray(); // normally none
  await db.outbox.clear();
  await db.outbox.bulkAdd([...row.entries, ...current.map((entry, i) => ({ ...entry, mid: row.last_mid + 1 + i }))]);
  if (row.client_id) await setMeta(db, 'client_id', row.client_id);
  else await deleteMeta(db, 'client_id');
  await setMeta(db, 'last_mid', row.last_mid + current.length);
  await deleteMeta(db, 'last_mutation_id'); // the next pull says which of them the server has
}

// Uploads stay too: each carries its user id and goes out only when that user is back (sync/uploads.ts).
async function clearAllButParked(db: MaatjeDB): Promise<void> {
  const kept = new Set([db.parked.name, db.upload.name]);
  await Promise.all(db.tables.filter((table) => !kept.has(table.name)).map((table) => table.clear()));
}

// The session of the signed-in user ended: park their changes, keep their data for their return.
// Returns false when nobody was signed in (another tab got there first).
export async function signOut(db: MaatjeDB, reason: SignOutReason): Promise<boolean> {
  return db.transaction('rw', db.tables, async () => {
    const me = await getMeta(db, 'me');
    if (!me) return false;
    await park(db, me.id, me.display_name, reason);
    await deleteMeta(db, 'me');
    return true;
  });
}

// `user` is logged in on this phone now. Another person's data is cleared first (their unsent
// changes parked), so two people's data never mix; this user's parked changes come back.
export async function adoptOwner(db: MaatjeDB, user: User): Promise<void> {
  const switched = await db.transaction('rw', db.tables, async () => {
    const previous = await getMeta(db, 'last_user_id');
    if (previous !== user.id) {
      if (previous && (await db.outbox.count()) > 0) await park(db, previous, '', 'other_user');
      await clearAllButParked(db); // base tables, cursor, client id, rejections
    }
    for (const row of await db.parked.toArray()) {
      if (row.user_id === user.id) await restore(db, row);
      else if (row.entries.length === 0) await db.parked.delete(row.user_id); // a note someone has seen
      else if (row.reason) await db.parked.put({ ...row, reason: null });
    }
    await setMeta(db, 'me', user);
    await setMeta(db, 'last_user_id', user.id);
    return previous !== user.id;
  });
  // Outside the transaction (the Cache API is not IndexedDB): cached voices were the other person's.
  if (switched) await deletePrivateCaches();
}

// A deliberate logout: leave nothing of this user on the phone. A change that slipped in after
// the last check (a tab without Web Locks) is parked instead of wiped; returns how many.
export async function forgetOwner(db: MaatjeDB): Promise<number> {
  const late = await db.transaction('rw', db.tables, async () => {
    const count = await db.outbox.count();
    const me = await getMeta(db, 'me');
    if (count > 0 && me) await park(db, me.id, me.display_name, 'logout');
    await clearAllButParked(db);
    return count;
  });
  await deletePrivateCaches();
  return late;
}
