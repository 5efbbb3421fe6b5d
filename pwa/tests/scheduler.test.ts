import { afterEach, describe, expect, it, vi } from 'vitest';
import * as twin from '../src/api.testing';
import { server } from '../src/api.testing';
import { updateProfile } from '../src/features/profile/mutations';
import { getMeta, type MaatjeDB } from '../src/store/db';
import { whenLeader } from '../src/sync/leader';
import { PULL_LIMIT } from '../src/sync/pull';
import { coalesce, startSync } from '../src/sync/scheduler';
import type { PullRequest } from '../src/types';
import { ANNA_ID, freshDb, seedServer, signedIn } from './helpers';

// A minimal Web Locks stand-in: exclusive, first come first served, abortable while waiting.
function fakeLocks() {
  const queue: Array<{ grant: () => void }> = [];
  let held = false;
  const next = () => {
    if (held || queue.length === 0) return;
    held = true;
    queue.shift()!.grant();
  };
  return {
    request(_name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          grant: () => void callback().then(() => ((held = false), resolve(), next())),
        };
        options.signal.addEventListener('abort', () => {
          const i = queue.indexOf(waiter);
          if (i >= 0) queue.splice(i, 1), reject(new DOMException('aborted', 'AbortError'));
        });
        queue.push(waiter);
        next();
      });
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('leader tab', () => {
  it('only one tab leads; the next takes over when it stops', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const led: string[] = [];
    const stopA = whenLeader(() => (led.push('A'), () => led.push('A stopped')));
    const stopB = whenLeader(() => (led.push('B'), () => led.push('B stopped')));
    await tick();
    expect(led).toEqual(['A']);
    stopA();
    await tick();
    expect(led).toEqual(['A', 'A stopped', 'B']);
    stopB();
    expect(led).toEqual(['A', 'A stopped', 'B', 'B stopped']);
  });

  it('without Web Locks every tab leads (the server dedupes)', () => {
    vi.stubGlobal('navigator', {});
    const lead = vi.fn(() => () => {});
    whenLeader(lead)();
    whenLeader(lead)();
    expect(lead).toHaveBeenCalledTimes(2);
  });
});

describe('coalesce', () => {
  it('never runs two rounds at once, and runs once more when asked during a round', async () => {
    let active = 0;
    let maxActive = 0;
    let rounds = 0;
    const run = coalesce(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await tick();
      rounds++;
      active--;
    });
    const first = run();
    void run();
    void run();
    await first;
    expect(maxActive).toBe(1);
    expect(rounds).toBe(2); // the three requests become two rounds, not three or one
  });

  it('a failing round does not stop later rounds', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const run = coalesce(async () => {
      calls++;
      if (calls === 1) throw new Error('boom');
    });
    await run();
    await run();
    expect(calls).toBe(2);
  });
});

describe('coalesce and the periodic tick', () => {
  it('a tick during a round queues nothing; a request during it still runs one more round', async () => {
    let rounds = 0;
    const run = coalesce(async () => {
      await tick();
      rounds++;
    });
    const first = run();
    void run('tick');
    void run('tick');
    await first;
    expect(rounds).toBe(1);
    const second = run();
    void run('tick');
    void run(); // e.g. a write during the round
    await second;
    expect(rounds).toBe(3);
  });
});

describe('startSync on a slow first sync', () => {
  const ROWS = 2 * PULL_LIMIT + 200; // three pages
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // The app's scheduler on a fake window and document, with each pull page slowed to `delayMs`;
  // `onPull(n)` sees the n-th pull request go out (1-based) with its body.
  async function slowFirstSync(options: { intervalMs: number; delayMs: number; onPull: (n: number, stop: () => void, db: MaatjeDB) => Promise<void> | void }) {
    vi.stubGlobal('navigator', {}); // no Web Locks: this tab leads
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
    const { anna } = await seedServer();
    await server.record(Array.from({ length: ROWS }, (_, i) => ({ entity: 'notice', id: `n${i}`, scope: `user:${ANNA_ID}`, data: { id: `n${i}` } })));
    const db = await signedIn(freshDb(), anna);
    const realPull = twin.syncPull;
    const cursors: Array<string | null> = [];
    let stop = () => {};
    vi.spyOn(twin, 'syncPull').mockImplementation(async (body: PullRequest) => {
      cursors.push(body.cursor);
      await options.onPull(cursors.length, () => stop(), db);
      await sleep(options.delayMs);
      return realPull(body);
    });
    stop = startSync(db, { intervalMs: options.intervalMs, debounceMs: 5 });
    return { db, cursors };
  }

  async function until(check: () => Promise<boolean>, ms = 5_000) {
    for (const start = Date.now(); !(await check()); await sleep(10)) {
      if (Date.now() - start > ms) throw new Error('timed out');
    }
  }

  it('ticks that fire during a long first sync do not queue a second round', async () => {
    // Three pages of 50 ms against a tick every 20 ms; the scheduler stops (no more ticks) as the
    // last page goes out, so any round after this one was queued during it.
    const { db, cursors } = await slowFirstSync({ intervalMs: 20, delayMs: 50, onPull: (n, stop) => (n === 3 ? stop() : undefined) });
    await until(async () => Boolean(await getMeta(db, 'last_synced_at')));
    await sleep(300);
    expect(cursors).toHaveLength(3);
    expect(cursors[0]).toBeNull();
    expect(await db.notice.count()).toBe(ROWS);
  });

  it('a write during a long first sync is still sent by one more round right after it', async () => {
    const writeOnFirstPage = async (n: number, stop: () => void, device: MaatjeDB) => {
      if (n === 1) await updateProfile(device, { display_name: 'Anna tijdens sync' });
      if (n === 3) stop(); // no ticks from now on: only the write can ask for another round
    };
    const { db } = await slowFirstSync({ intervalMs: 1_000_000, delayMs: 50, onPull: writeOnFirstPage });
    await until(async () => (await db.outbox.count()) === 0 && Boolean(await getMeta(db, 'last_synced_at')));
    expect(await server.profile(ANNA_ID)).toMatchObject({ display_name: 'Anna tijdens sync' });
  });
});
