// Push: send queued mutations in mid order, in batches, until the outbox is empty.
// Like workbox Queue.replayRequests: a network error stops the loop and keeps the queue.
import { getMeta, SYNC_SCHEMA_VERSION, type MaatjeDB } from '../store/db';
import { syncPush } from '../api';
import { ApiError } from '../errors';
import { applyPushResults, rejectLocally } from './apply';
import { renumberOutbox } from './outbox';

export const PUSH_BATCH = 100;
const MAX_GAP_REPAIRS = 3;

// A batch the server refuses as a whole: 413 (too large) or 422 (malformed).
const BATCH_REFUSED = new Set([413, 422]);

export async function pushAll(db: MaatjeDB): Promise<void> {
  let gapRepairs = 0;
  let size = PUSH_BATCH;
  for (;;) {
    const batch = await db.outbox.orderBy('mid').limit(size).toArray();
    if (batch.length === 0) return;
    const clientId = await getMeta(db, 'client_id');
    if (!clientId) return; // logged out meanwhile
    let response;
    try {
      response = await syncPush({
        client_id: clientId,
        schema_version: SYNC_SCHEMA_VERSION,
        mutations: batch.map(({ mid, name, args }) => ({ mid, name, args })),
      });
    } catch (error) {
      if (!(error instanceof ApiError && BATCH_REFUSED.has(error.code))) throw error;
      // Halve until the one mutation at fault is alone, then let it go as rejected.
      if (batch.length > 1) size = Math.ceil(batch.length / 2);
      else await rejectLocally(db, batch[0].mid, error.code === 413 ? 'too_large' : 'invalid_args', error.message);
      continue;
    }
    if (!(await applyPushResults(db, clientId, response))) return;
    if (response.stopped?.code === 'gap') {
      // The server lost track of earlier mids (e.g. a restored database): number ours from where it is.
      if (++gapRepairs > MAX_GAP_REPAIRS) return;
      await renumberOutbox(db, response.stopped.expected);
      continue;
    }
    if (response.results.length === 0) return; // no progress: do not spin
  }
}
