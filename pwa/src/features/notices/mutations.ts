// The notices' mutation: notice.read {ids} marks the user's own notices as read (works offline).
import { getMeta, setMeta, type MaatjeDB } from '../../store/db';
import { enqueue } from '../../sync/outbox';

export interface NoticeReadArgs {
  ids: string[];
}

// Server notices go out as one notice.read; refusals only this phone knows of are marked here.
export async function markNoticesRead(db: MaatjeDB, notices: readonly { id: string; local: boolean }[]): Promise<void> {
  const serverIds = notices.filter((n) => !n.local).map((n) => n.id);
  const localIds = new Set(notices.filter((n) => n.local).map((n) => n.id));
  await db.transaction('rw', db.outbox, db.meta, async () => {
    if (serverIds.length > 0) await enqueue(db, 'notice.read', { ids: serverIds } satisfies NoticeReadArgs);
    if (localIds.size === 0) return;
    const local = (await getMeta(db, 'local_rejections')) ?? [];
    await setMeta(db, 'local_rejections', local.map((r) => (localIds.has(r.id) ? { ...r, read: true } : r)));
  });
}
