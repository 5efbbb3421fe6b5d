// Push: send queued mutations in mid order, in batches, until the outbox is empty.
// Like workbox Queue.replayRequests: a network error stops the loop and keeps the queue.
import { getMeta, SYNC_SCHEMA_VERSION, type MaatjeDB } from '../store/db';
import { syncPush } from '../api';
import { applyPushResults } from './apply';
import { renumberOutbox } from './outbox';

export const PUSH_BATCH = 100;
const MAX_GAP_REPAIRS = 3;

export async function pushAll(db: MaatjeDB): Promise<void> {
  let gapRepairs = 0;
  for (;;) {
    const batch = await db.outbox.orderBy('mid').limit(PUSH_BATCH).toArray();
    if (batch.length === 0) return;
    const clientId = await getMeta(db, 'client_id');
    if (!clientId) return; // logged out meanwhile
    const response = await syncPush({
      client_id: clientId,
      schema_version: SYNC_SCHEMA_VERSION,
      mutations: batch.map(({ mid, name, args }) => ({ mid, name, args })),
    });
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
