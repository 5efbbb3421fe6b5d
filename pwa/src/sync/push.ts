// Push: send queued mutations in mid order, in batches, until the outbox is empty.
// Like workbox Queue.replayRequests: a network error stops the loop and keeps the queue.
//
// A change is sent only as the person who made it. The cookie is shared by every tab, so
// another person may log in elsewhere between any two of our requests. The server binds a
// client id to the first user who pushes with it and answers 403 to everyone else; so before
// the first mutation of a client id leaves, an empty push binds it and its answer says to whom.
// If that is not the owner of the local data (meta.last_user_id), nothing is sent. Once bound,
// a login elsewhere can only earn our next push a 403, never another account's change.
// Every answer is checked as well before anything of it is applied.
import { getMeta, SYNC_SCHEMA_VERSION, type MaatjeDB } from '../store/db';
import { syncPush } from '../api';
import { ApiError, OtherUserError } from '../errors';
import { applyPushResults, rejectLocally } from './apply';
import { renumberOutbox } from './outbox';

export const PUSH_BATCH = 100;
const MAX_GAP_REPAIRS = 3;

// A batch the server refuses as a whole: 413 (too large) or 422 (malformed).
const BATCH_REFUSED = new Set([413, 422]);

export async function pushAll(db: MaatjeDB): Promise<void> {
  let gapRepairs = 0;
  let size = PUSH_BATCH;
  let bound = false;
  for (;;) {
    const batch = await db.outbox.orderBy('mid').limit(size).toArray();
    if (batch.length === 0) return;
    const clientId = await getMeta(db, 'client_id');
    const owner = await getMeta(db, 'last_user_id');
    if (!clientId || !owner) return; // logged out meanwhile
    if (!bound) await bindClient(db, clientId, owner);
    bound = true;
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
    if (response.user_id !== owner) throw new OtherUserError(response.user_id);
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

// The server has applied a mutation of this client id: it is bound to the owner already.
// Otherwise bind it now with an empty push, and stop if the session is someone else's.
async function bindClient(db: MaatjeDB, clientId: string, owner: string): Promise<void> {
  if (((await getMeta(db, 'last_mutation_id')) ?? 0) > 0) return;
  const answer = await syncPush({ client_id: clientId, schema_version: SYNC_SCHEMA_VERSION, mutations: [] });
  if (answer.user_id !== owner) throw new OtherUserError(answer.user_id);
}
