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

export function pendingMutations(db: MaatjeDB): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('mid').toArray();
}

// Hands the queued mutations new mids starting at `first` (after a gap, or for a new client id).
export async function renumberOutbox(db: MaatjeDB, first: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const entries = await db.outbox.orderBy('mid').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(entries.map((entry, i) => ({ ...entry, mid: first + i })));
    await setMeta(db, 'last_mid', first + entries.length - 1);
  });
}
