// Writes what the server answered into IndexedDB; each answer lands in ONE transaction,
// so a crash or a closed tab never leaves half a page applied.
import { baseTables, getMeta, setMeta, type MaatjeDB, type Rejection } from '../store/db';
import type { PullResponse, PushResponse } from '../types';

// An answer to a request made for another client id (logout, user switch) must not land.
async function sameClient(db: MaatjeDB, clientId: string): Promise<boolean> {
  return (await getMeta(db, 'client_id')) === clientId;
}

// applied/duplicate: the server has it, drop it; rejected: drop it too, and tell the user.
// Returns false when the answer was for another client id and so was not applied.
export async function applyPushResults(db: MaatjeDB, clientId: string, response: PushResponse): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    if (!(await sameClient(db, clientId))) return false;
    const rejections = (await getMeta(db, 'rejections')) ?? [];
    for (const result of response.results) {
      const entry = await db.outbox.get(result.mid);
      if (!entry) continue; // already removed, e.g. by a pull in another tab
      await db.outbox.delete(result.mid);
      // A duplicate with a code is the answer to a rejected mutation whose first reply was lost.
      if (result.status === 'rejected' || (result.status === 'duplicate' && result.code)) {
        rejections.push(rejectionOf(entry.name, result.mid, result.code, result.message));
      }
    }
    await setMeta(db, 'rejections', rejections);
    await setMeta(db, 'last_mutation_id', response.last_mutation_id);
    return true;
  });
}

// The server refused a one-mutation batch as a whole (too large, malformed): it can never pass,
// so it leaves the queue like any rejection, instead of being retried forever.
export async function rejectLocally(db: MaatjeDB, mid: number, code: string, message: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const entry = await db.outbox.get(mid);
    if (!entry) return;
    await db.outbox.delete(mid);
    const rejections = (await getMeta(db, 'rejections')) ?? [];
    rejections.push(rejectionOf(entry.name, mid, code, message));
    await setMeta(db, 'rejections', rejections);
  });
}

function rejectionOf(name: string, mid: number, code = 'rejected', message = ''): Rejection {
  return { mid, name, code, message, at: new Date().toISOString() };
}

// One pull page: reset, dropped scopes, changes, cursor and confirmed mids, all or nothing.
export async function applyPullPage(db: MaatjeDB, clientId: string, page: PullResponse): Promise<boolean> {
  const tables = baseTables(db);
  return db.transaction('rw', [...Object.values(tables), db.outbox, db.meta], async () => {
    if (!(await sameClient(db, clientId))) return false;
    // reset: the server sends the whole view again; the outbox stays (it is not server data).
    if (page.reset) await Promise.all(Object.values(tables).map((t) => t.clear()));
    // Drops first: rows of scopes the user lost; the page's changes never belong to them.
    if (page.drop_scope.length > 0) {
      for (const table of Object.values(tables)) await table.where('scope').anyOf(page.drop_scope).delete();
    }
    for (const change of page.changes) {
      const table = tables[change.entity];
      if (!table) continue; // an entity this version of the app does not know yet
      if (change.op === 'put') {
        await table.put({ id: change.id, scope: change.scope, seq: change.seq, data: change.data });
      } else {
        await table.delete(change.id);
      }
    }
    // Mutations the server has applied are in the base data once the last page is in: only then
    // drop them, or a half-pulled view would show neither the change nor its pending overlay.
    if (!page.has_more) await db.outbox.where('mid').belowOrEqual(page.last_mutation_id).delete();
    await setMeta(db, 'cursor', page.cursor);
    await setMeta(db, 'last_mutation_id', page.last_mutation_id);
    return true;
  });
}
