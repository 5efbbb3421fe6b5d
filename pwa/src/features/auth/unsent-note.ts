// A note in localStorage of how many unsent changes this browser holds, per user id.
// The browser may clear IndexedDB (storage pressure, "clear site data" for storage only) while
// the session cookie lives on. The note is how the app then tells "changes may be lost" from
// "a first login on this browser": a lost database is one that is empty while the note says
// this user had changes waiting here.
import { liveQuery } from 'dexie';
import { getMeta, type MaatjeDB } from '../../store/db';

const KEY = 'maatje.unsent';

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

export function unsentNoted(userId: string): number {
  try {
    const counts = JSON.parse(storage()?.getItem(KEY) ?? '{}') as Record<string, unknown>;
    return typeof counts[userId] === 'number' ? counts[userId] : 0;
  } catch {
    return 0;
  }
}

function write(counts: Record<string, number>): void {
  if (Object.keys(counts).length === 0) storage()?.removeItem(KEY);
  else storage()?.setItem(KEY, JSON.stringify(counts));
}

// Keeps the note equal to what IndexedDB holds: the outbox of the signed-in user and every
// parked change. Each tab runs it; they all write the same thing.
export function keepUnsentNote(db: MaatjeDB): () => void {
  const sub = liveQuery(async () => {
    const counts: Record<string, number> = {};
    for (const row of await db.parked.toArray()) if (row.entries.length) counts[row.user_id] = row.entries.length;
    const me = await getMeta(db, 'me');
    const pending = await db.outbox.count();
    if (me && pending) counts[me.id] = (counts[me.id] ?? 0) + pending;
    return { counts, empty: !(await getMeta(db, 'last_user_id')) };
  }).subscribe({
    // An emptied database (lost) must not erase the note before the app has read it.
    next: ({ counts, empty }) => !empty && write(counts),
    error: () => undefined,
  });
  return () => sub.unsubscribe();
}

// A deliberate logout leaves nothing behind; only changes parked for others stay noted.
export function forgetUnsentNote(userId: string): void {
  try {
    const counts = JSON.parse(storage()?.getItem(KEY) ?? '{}') as Record<string, number>;
    delete counts[userId];
    write(counts);
  } catch {
    storage()?.removeItem(KEY);
  }
}
