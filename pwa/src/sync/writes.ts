// Every local change goes through guardedWrite: refused while a logout runs in any tab (the
// logout would wipe it after the screen said "Saved"), and a full disk becomes a plain
// StorageFullError with sync_problem 'quota' for the badge.
import { isQuotaError, LoggingOutError, StorageFullError } from '../errors';
import { observable } from '../observable';
import { setMeta, type MaatjeDB } from '../store/db';

// Writes hold it shared, a logout exclusive: a logout waits for writes under way, and no write
// starts while it runs, in every tab of this browser.
const LOCK = 'maatje-logout';

// True while a logout runs in this tab or in another (told over a BroadcastChannel).
export const loggingOut = observable(false);
// The last change this phone refused, for the screens to say so; null after a write succeeds.
export const refusedWrite = observable<LoggingOutError | StorageFullError | null>(null);

const channel = typeof window !== 'undefined' && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(LOCK) : null;
if (channel) channel.onmessage = (event) => loggingOut.set(event.data === true);

// Without Web Locks (old browsers, tests) the same rule holds within this tab.
let busyHere = false;
const underWay = new Set<Promise<unknown>>();

function locks(): LockManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined;
}

export async function guardedWrite<T>(db: MaatjeDB, write: () => Promise<T>): Promise<T> {
  try {
    const manager = locks();
    const result = manager
      ? await manager.request(LOCK, { mode: 'shared', ifAvailable: true }, (lock) => {
          if (!lock) throw new LoggingOutError();
          return write();
        })
      : await writeHere(write);
    refusedWrite.set(null);
    return result;
  } catch (error) {
    const refused = isQuotaError(error) ? new StorageFullError() : error;
    if (refused instanceof StorageFullError) await setMeta(db, 'sync_problem', 'quota').catch(() => undefined);
    if (refused instanceof StorageFullError || refused instanceof LoggingOutError) refusedWrite.set(refused);
    throw refused;
  }
}

async function writeHere<T>(write: () => Promise<T>): Promise<T> {
  if (busyHere) throw new LoggingOutError();
  const running = write();
  underWay.add(running);
  try {
    return await running;
  } finally {
    underWay.delete(running);
  }
}

// Runs a logout with every write held off, and tells the other tabs it is busy.
export async function whileLoggingOut<T>(logout: () => Promise<T>): Promise<T> {
  loggingOut.set(true);
  channel?.postMessage(true);
  try {
    const manager = locks();
    if (manager) return await manager.request(LOCK, { mode: 'exclusive' }, logout);
    busyHere = true;
    await Promise.allSettled([...underWay]);
    return await logout();
  } finally {
    busyHere = false;
    loggingOut.set(false);
    channel?.postMessage(false);
  }
}
