// Writes what the server answered into IndexedDB; each answer lands in ONE transaction,
// so a crash or a closed tab never leaves half a page applied.
import { ApiError } from '../errors';
import { getMeta, setMeta, storedRow, syncedTables, type LocalRejection, type MaatjeDB, type Row } from '../store/db';
import type { Change, PullResponse, PushResponse } from '../types';
import { uuid } from '../uuid';

// A page names an entity this version of the app has no table for. Skipping those rows while
// the cursor moves past them would lose them for good, so the page is refused whole: nothing is
// applied, the cursor stays, and the app asks to be updated (426 is what the server answers an
// app too old for it, so the sync state becomes 'outdated'). The updated app pulls the page again.
export class UnknownEntityError extends ApiError {
  constructor(readonly entities: string[]) {
    super(426, 'Upgrade Required', `this app does not know the entities: ${entities.join(', ')}`);
    this.name = 'UnknownEntityError';
  }
}

// An answer to a request made for another client id (logout, user switch) must not land.
async function sameClient(db: MaatjeDB, clientId: string): Promise<boolean> {
  return (await getMeta(db, 'client_id')) === clientId;
}

// applied/duplicate/rejected: the server has decided, so the entry leaves the outbox. It waits in
// `sent` until a pull confirms it (last_mutation_id): that pull brings its result (the changed row,
// or the server's word on a rejection), and until then the screens still show the change on top
// instead of the old row. Returns false when the answer was for another client id (not applied).
export async function applyPushResults(db: MaatjeDB, clientId: string, response: PushResponse): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.sent, db.meta, async () => {
    if (!(await sameClient(db, clientId))) return false;
    const mids = response.results.map((result) => result.mid);
    const answered = (await db.outbox.bulkGet(mids)).filter((entry) => entry !== undefined);
    await db.sent.bulkPut(answered);
    await db.outbox.bulkDelete(mids);
    await setMeta(db, 'last_mutation_id', response.last_mutation_id);
    return true;
  });
}

// The server refused a one-mutation batch as a whole (too large, malformed): it can never pass,
// so it leaves the queue like any rejection, instead of being retried forever. The server kept no
// record of it, so the phone keeps its own (meta `local_rejections`) for the user to read.
export async function rejectLocally(db: MaatjeDB, mid: number, code: string, message: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const entry = await db.outbox.get(mid);
    if (!entry) return;
    await db.outbox.delete(mid);
    const rejection: LocalRejection = {
      id: uuid(), mid, name: entry.name, code, message, at: new Date().toISOString(), read: false,
    };
    await setMeta(db, 'local_rejections', [...((await getMeta(db, 'local_rejections')) ?? []), rejection]);
  });
}

// One pull page: reset, dropped scopes, changes, cursor and confirmed mids, all or nothing.
export async function applyPullPage(db: MaatjeDB, clientId: string, page: PullResponse): Promise<boolean> {
  const tables = syncedTables(db);
  const unknown = [...new Set(page.changes.map((c) => c.entity).filter((entity) => !tables.has(entity)))];
  if (unknown.length > 0) throw new UnknownEntityError(unknown);
  return db.transaction('rw', [...tables.values(), db.outbox, db.sent, db.meta], async () => {
    if (!(await sameClient(db, clientId))) return false;
    // reset: the server sends the whole view again; the outbox stays (it is not server data).
    if (page.reset) await Promise.all([...tables.values()].map((t) => t.clear()));
    // Drops first: rows of scopes the user lost; the page's changes never belong to them.
    if (page.drop_scope.length > 0) {
      for (const table of tables.values()) await table.where('scope').anyOf(page.drop_scope).delete();
    }
    // One bulkPut and one bulkDelete per table instead of an awaited call per row (a row at a
    // time made a 10,000-row first sync 5x slower on a slow phone). Only the last change of an
    // id in the page counts, as if the page were applied in order.
    for (const [entity, last] of lastChangePerId(page.changes)) {
      const table = tables.get(entity)!;
      const puts: Row<unknown>[] = [];
      const deletes: string[] = [];
      for (const change of last.values()) {
        if (change.op === 'put') puts.push(storedRow(entity, change.id, change.scope, change.seq, change.data));
        else deletes.push(change.id);
      }
      if (deletes.length > 0) await table.bulkDelete(deletes);
      if (puts.length > 0) await table.bulkPut(puts);
    }
    // Mutations the server has applied are in the base data once the last page is in: only then
    // drop them, or a half-pulled view would show neither the change nor its pending overlay.
    if (!page.has_more) {
      await db.outbox.where('mid').belowOrEqual(page.last_mutation_id).delete();
      await db.sent.where('mid').belowOrEqual(page.last_mutation_id).delete();
    }
    await setMeta(db, 'cursor', page.cursor);
    await setMeta(db, 'last_mutation_id', page.last_mutation_id);
    return true;
  });
}

// entity -> id -> the last change of that id in the page (a Map keeps the first insertion's
// place, which does not matter: ids are distinct, so puts and deletes commute).
function lastChangePerId(changes: Change[]): Map<string, Map<string, Change>> {
  const byEntity = new Map<string, Map<string, Change>>();
  for (const change of changes) {
    let last = byEntity.get(change.entity);
    if (!last) byEntity.set(change.entity, (last = new Map()));
    last.set(change.id, change);
  }
  return byEntity;
}
