// Live state built from IndexedDB with Dexie liveQuery (which also hears other tabs). Each
// watcher returns an unsubscribe function; components never query directly. Features build
// their own queries (features/<name>/queries.ts) with watch().
import { liveQuery } from 'dexie';
import { getMeta, type MaatjeDB, type SyncProblem } from '../store/db';

export type Listener<T> = (value: T) => void;
export type Watch<T> = (cb: Listener<T>) => () => void;

export function watch<T>(query: () => Promise<T>): Watch<T> {
  return (cb) => {
    const subscription = liveQuery(query).subscribe({
      next: cb,
      error: (error) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
  };
}

export interface SyncStatus {
  pending: number;
  lastSyncedAt: string | null;
  problem: SyncProblem;
}

export function watchSyncStatus(db: MaatjeDB): Watch<SyncStatus> {
  return watch(async () => ({
    pending: await db.outbox.count(),
    lastSyncedAt: (await getMeta(db, 'last_synced_at')) ?? null,
    problem: (await getMeta(db, 'sync_problem')) ?? null,
  }));
}
