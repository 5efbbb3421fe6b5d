// Live state for the screens, built from IndexedDB with Dexie liveQuery (which also hears
// other tabs). Each watcher returns an unsubscribe function; components never query directly.
import { liveQuery } from 'dexie';
import { getMeta, setMeta, type MaatjeDB, type Rejection, type SyncProblem } from '../store/db';
import type { NoticeData, ProfileData, User } from '../types';
import { overlayProfile } from './overlay';

export type Listener<T> = (value: T) => void;
export type Watch<T> = (cb: Listener<T>) => () => void;

function watch<T>(query: () => Promise<T>): Watch<T> {
  return (cb) => {
    const subscription = liveQuery(query).subscribe({
      next: cb,
      error: (error) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
  };
}

// Before the first pull we only know what /me said; that is enough to show and edit the profile.
function profileFromUser(user: User): ProfileData {
  return { id: user.id, display_name: user.display_name, locale: user.locale, availability: [] };
}

export function watchProfile(db: MaatjeDB, user: User): Watch<ProfileData> {
  return watch(async () => {
    const [row, pending] = await Promise.all([db.profile.get(user.id), db.outbox.orderBy('mid').toArray()]);
    return overlayProfile(row?.data ?? profileFromUser(user), pending) ?? profileFromUser(user);
  });
}

export function watchNotices(db: MaatjeDB): Watch<NoticeData[]> {
  return watch(async () => (await db.notice.toArray()).map((row) => row.data));
}

export interface SyncStatus {
  pending: number;
  rejections: Rejection[];
  lastSyncedAt: string | null;
  problem: SyncProblem;
}

export function watchSyncStatus(db: MaatjeDB): Watch<SyncStatus> {
  return watch(async () => ({
    pending: await db.outbox.count(),
    rejections: (await getMeta(db, 'rejections')) ?? [],
    lastSyncedAt: (await getMeta(db, 'last_synced_at')) ?? null,
    problem: (await getMeta(db, 'sync_problem')) ?? null,
  }));
}

// The rejection stays on screen until the user has seen it and taps "dismiss".
export async function dismissRejection(db: MaatjeDB, mid: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const rejections = (await getMeta(db, 'rejections')) ?? [];
    await setMeta(db, 'rejections', rejections.filter((r) => r.mid !== mid));
  });
}
