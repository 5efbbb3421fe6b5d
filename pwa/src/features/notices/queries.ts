// Live notices for the screens: synced notice rows (with pending reads on top) and the refusals
// only this phone knows of, newest first.
import { getMeta, type LocalRejection, type MaatjeDB } from '../../store/db';
import { pendingMutations } from '../../sync/outbox';
import { watch, type Watch } from '../../sync/views';
import type { NoticeData } from '../../types';
import { overlayNotices } from './overlay';

export interface Notice extends NoticeData {
  local: boolean; // refused on this phone: read state kept here, never sent
}

export interface NoticeCounts {
  unread: number;
  rejected: number; // unread notices of changes that were not carried out
}

function fromLocal(r: LocalRejection): Notice {
  return { id: r.id, kind: 'rejected', code: r.code, message: r.message, mutation: r.name, created_at: r.at, read: r.read, local: true };
}

// Every notice, synced (with pending reads on top) and local, in no particular order.
async function loadNotices(db: MaatjeDB): Promise<Notice[]> {
  const [rows, pending, local] = await Promise.all([
    db.notice.toArray(),
    pendingMutations(db),
    getMeta(db, 'local_rejections'),
  ]);
  const synced = overlayNotices(rows.map((row) => row.data), pending).map((n) => ({ ...n, local: false }));
  return [...synced, ...(local ?? []).map(fromLocal)];
}

// Newest first. Compared as dates (the server writes +00:00, the phone Z), each parsed once:
// parsing inside the comparison cost a first sync of 10,000 notices seconds on a slow phone.
function newestFirst(notices: Notice[]): Notice[] {
  return notices
    .map((n) => [Date.parse(n.created_at), n] as const)
    .sort((a, b) => b[0] - a[0])
    .map(([, n]) => n);
}

export function watchNotices(db: MaatjeDB): Watch<Notice[]> {
  return watch(async () => newestFirst(await loadNotices(db)));
}

// The bell and the badge only count: no order needed (they run after every pull page).
export function watchNoticeCounts(db: MaatjeDB): Watch<NoticeCounts> {
  return watch(async () => {
    const unread = (await loadNotices(db)).filter((n) => !n.read);
    return { unread: unread.length, rejected: unread.filter((n) => n.kind === 'rejected').length };
  });
}
