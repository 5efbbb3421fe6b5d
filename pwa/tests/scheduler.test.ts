import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenLeader } from '../src/sync/leader';
import { coalesce } from '../src/sync/scheduler';

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

afterEach(() => vi.unstubAllGlobals());

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
