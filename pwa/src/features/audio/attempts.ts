// The newcomer's own tries of a phrase: kept on this phone only (the `attempt` table), the last
// KEEP per phrase. Shared with the buddy, a try is uploaded like a clip with the pair's match id
// under the try's own id, so "shared" is: an upload of that id waits, or its phrase_audio row exists.
import type { Attempt, MaatjeDB } from '../../store/db';
import { enqueueUpload } from '../../sync/uploads';
import { watch, type Watch } from '../../sync/views';
import { uuid } from '../../uuid';

export const KEEP = 3;

export async function saveAttempt(db: MaatjeDB, phraseId: string, blob: Blob): Promise<Attempt> {
  const attempt: Attempt = { id: uuid(), phrase_id: phraseId, blob, created_at: new Date().toISOString() };
  await db.transaction('rw', db.attempt, async () => {
    await db.attempt.add(attempt);
    const all = await db.attempt.where('phrase_id').equals(phraseId).sortBy('created_at');
    await db.attempt.bulkDelete(all.slice(0, Math.max(0, all.length - KEEP)).map((a) => a.id));
  });
  return attempt;
}

export interface ShownAttempt extends Attempt {
  shared: boolean;
}

// This phrase's tries, newest first.
export function watchAttempts(db: MaatjeDB, phraseId: string): Watch<ShownAttempt[]> {
  return watch(async () => {
    const tries = await db.attempt.where('phrase_id').equals(phraseId).reverse().sortBy('created_at');
    const ids = tries.map((a) => a.id);
    const [uploads, rows] = await Promise.all([db.upload.bulkGet(ids), db.phrase_audio.bulkGet(ids)]);
    return tries.map((a, i) => ({ ...a, shared: !!uploads[i] || !!rows[i] }));
  });
}

export async function shareAttempt(db: MaatjeDB, attempt: Attempt, matchId: string): Promise<void> {
  await enqueueUpload(db, {
    id: attempt.id,
    url: `/api/audio/${attempt.id}`,
    fields: { phrase_id: attempt.phrase_id, match_id: matchId },
    blob: attempt.blob,
  });
}
