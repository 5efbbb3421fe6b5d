// Local changes become pending mutations; each is written with its new mid in ONE transaction.
// Each feature names its own mutations (features/<name>/mutations.ts) on top of enqueue().
import { getMeta, setMeta, type MaatjeDB, type OutboxEntry } from '../store/db';
import { guardedWrite } from './writes';

export async function enqueue(db: MaatjeDB, name: string, args: Record<string, unknown>): Promise<number> {
  // guardedWrite: refused during a logout in any tab; a full disk is a plain StorageFullError.
  return guardedWrite(db, () => db.transaction('rw', db.outbox, db.meta, async () => {
    const mid = ((await getMeta(db, 'last_mid')) ?? 0) + 1;
    await db.outbox.add({ mid, name, args, created_at: new Date().toISOString() });
    await setMeta(db, 'last_mid', mid);
    return mid;
  }));
}

// What the screens lay over the stored rows, in mid order: the changes not yet sent, and those
// the server has answered whose result has not come back with a pull yet (`sent`).
export async function pendingMutations(db: MaatjeDB): Promise<OutboxEntry[]> {
  const [sent, unsent] = await Promise.all([db.sent.orderBy('mid').toArray(), db.outbox.orderBy('mid').toArray()]);
  return [...sent, ...unsent];
}

// Hands the queued mutations new mids starting at `first` (after a gap, or for a new client id).
// Answered changes waiting for a pull are forgotten: their mids belong to the old numbering, which
// no pull will confirm now (their results arrive with the pull as usual).
export async function renumberOutbox(db: MaatjeDB, first: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.sent, db.meta, async () => {
    await db.sent.clear();
    const entries = await db.outbox.orderBy('mid').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(entries.map((entry, i) => ({ ...entry, mid: first + i })));
    await setMeta(db, 'last_mid', first + entries.length - 1);
  });
}
