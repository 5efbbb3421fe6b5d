// When to sync: at start, when back online, when the tab becomes visible, shortly after each
// local write, and every few minutes. Only the leader tab runs it.
import { liveQuery } from 'dexie';
import { getMeta, type MaatjeDB } from '../store/db';
import { syncOnce } from './engine';
import { whenLeader } from './leader';
import { runUploads } from './uploads';

export interface SchedulerOptions {
  intervalMs?: number;
  debounceMs?: number;
}

// Why a round is asked for: 'tick' is the periodic timer, anything else a reason to look again.
export type Trigger = 'tick' | 'request';

// Never two rounds at once in this tab. A request during a round runs one more round after it (a
// write made meanwhile must be sent), but a tick does not: the round under way already fetches
// everything, and a first sync on a slow link outlasts many ticks, each of which would otherwise
// queue a second round behind it. The next tick comes anyway.
export function coalesce(task: () => Promise<unknown>): (trigger?: Trigger) => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return (trigger = 'request') => {
    if (running) {
      if (trigger !== 'tick') again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task().catch((error) => console.error('sync failed', error));
      } while (again);
    })().finally(() => (running = null));
    return running;
  };
}

export function startSync(db: MaatjeDB, { intervalMs = 180_000, debounceMs = 1_500 }: SchedulerOptions = {}): () => void {
  return whenLeader(() => {
    // Files go after the round (they wait for the session it renewed); a taken one brings its row.
    const run = coalesce(async () => {
      if ((await syncOnce(db)) === null && (await runUploads(db)) > 0) await syncOnce(db);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), debounceMs);
    };
    const onVisible = () => document.visibilityState === 'visible' && void run();
    const onOnline = () => void run();

    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    const every = setInterval(() => void run('tick'), intervalMs);
    // Writes from any tab change the outbox; its newest mid tells us a write happened.
    const writes = liveQuery(() => db.outbox.orderBy('mid').lastKey()).subscribe({
      next: (mid) => mid !== undefined && soon(),
    });
    // A new file to upload (from any tab) goes like a new change: soon, followed by its row.
    let files = 0;
    const uploads = liveQuery(() => db.upload.count()).subscribe({
      next: (count) => {
        if (count > files) soon();
        files = count;
      },
    });
    // The cursor was cleared under us (the database was lost and taken up again, or another
    // user's data was cleared): sync afresh rather than at the next interval.
    let first = true;
    const cleared = liveQuery(() => getMeta(db, 'cursor')).subscribe({
      next: (cursor) => {
        if (!first && !cursor) soon();
        first = false;
      },
    });
    void run();

    return () => {
      cleared.unsubscribe();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(every);
      clearTimeout(timer);
      writes.unsubscribe();
      uploads.unsubscribe();
    };
  });
}
