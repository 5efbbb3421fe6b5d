// Notices on the phone: pending reads shown at once (offline), one notice.read for the server's
// notices, and refusals only this phone knows of marked read here.
import { beforeEach, describe, expect, it } from 'vitest';
import { markNoticesRead } from '../src/features/notices/mutations';
import { watchNoticeCounts, watchNotices, type Notice, type NoticeCounts } from '../src/features/notices/queries';
import { getMeta, setMeta, type MaatjeDB } from '../src/store/db';
import { pendingMutations } from '../src/sync/outbox';
import type { Watch } from '../src/sync/views';
import type { NoticeData } from '../src/types';
import { freshDb } from './helpers';

function first<T>(watch: Watch<T>): Promise<T> {
  return new Promise((resolve) => {
    const stop = watch((value) => {
      resolve(value);
      setTimeout(stop);
    });
  });
}

function notice(id: string, created_at: string, kind = 'rejected'): NoticeData {
  return { id, kind, code: 'invalid_args', message: `bericht ${id}`, mutation: 'profile.update', created_at, read: false };
}

let db: MaatjeDB;
beforeEach(async () => {
  db = freshDb();
  await db.notice.bulkPut([
    { id: 'n1', scope: 'user:a', seq: 1, data: notice('n1', '2026-03-01T09:00:00+00:00') },
    { id: 'n2', scope: 'user:a', seq: 2, data: notice('n2', '2026-03-03T09:00:00+00:00', 'reminder') },
  ]);
  await setMeta(db, 'local_rejections', [
    { id: 'l1', mid: 4, name: 'profile.update', code: 'too_large', message: 'Te groot.', at: '2026-03-02T09:00:00Z', read: false },
  ]);
});

describe('notices', () => {
  it('lists server and local notices newest first, and counts the unread rejections', async () => {
    const shown: Notice[] = await first(watchNotices(db));
    expect(shown.map((n) => [n.id, n.local])).toEqual([['n2', false], ['l1', true], ['n1', false]]);
    expect(await first<NoticeCounts>(watchNoticeCounts(db))).toEqual({ unread: 3, rejected: 2 });
  });

  it('marking all read sends one notice.read for the server ones and shows them read before it is sent', async () => {
    await markNoticesRead(db, await first(watchNotices(db)));
    expect((await pendingMutations(db)).map((m) => [m.name, m.args])).toEqual([['notice.read', { ids: ['n2', 'n1'] }]]);
    expect((await getMeta(db, 'local_rejections'))?.map((r) => r.read)).toEqual([true]);
    expect((await first(watchNotices(db))).map((n) => n.read)).toEqual([true, true, true]);
    expect(await first<NoticeCounts>(watchNoticeCounts(db))).toEqual({ unread: 0, rejected: 0 });
    expect((await db.notice.get('n1'))?.data.read).toBe(false); // the base row waits for the server
  });

  it('marking one read touches only that one', async () => {
    const [, , oldest] = await first(watchNotices(db));
    await markNoticesRead(db, [oldest]);
    expect((await pendingMutations(db)).map((m) => m.args)).toEqual([{ ids: ['n1'] }]);
    expect((await first(watchNotices(db))).map((n) => [n.id, n.read])).toEqual([['n2', false], ['l1', false], ['n1', true]]);
  });
});
