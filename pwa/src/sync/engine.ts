// One sync round: push, then pull. Failures are sorted into what the user needs to know.
import { ApiError, NetworkError } from '../errors';
import { deleteMeta, ensureClientId, getMeta, setMeta, type MaatjeDB, type SyncProblem } from '../store/db';
import { uuid } from '../uuid';
import { renumberOutbox } from './outbox';
import { pullAll } from './pull';
import { pushAll } from './push';

export async function syncOnce(db: MaatjeDB): Promise<SyncProblem> {
  await ensureClientId(db);
  const problem = await tryRound(db);
  await db.transaction('rw', db.meta, async () => {
    if (!(await getMeta(db, 'client_id'))) return; // logged out during the round: write nothing
    await setMeta(db, 'sync_problem', problem);
    if (problem === null) await setMeta(db, 'last_synced_at', new Date().toISOString());
  });
  return problem;
}

async function tryRound(db: MaatjeDB): Promise<SyncProblem> {
  try {
    await pushAll(db);
    await pullAll(db);
    return null;
  } catch (error) {
    if (error instanceof NetworkError) return 'offline'; // keep everything, try again later
    if (!(error instanceof ApiError)) throw error; // a bug: let it surface
    if (error.code === 426) return 'outdated'; // keep the outbox; the user must reload the app
    if (error.code === 401) return 'unauthorized';
    if (error.code === 403) {
      await startNewClient(db); // our client id belongs to someone else now
      return 'server';
    }
    return 'server'; // 503 and friends: nothing advanced on the server, retry later
  }
}

// A fresh client id starts at mid 1 on the server, so the queued changes are numbered again.
export async function startNewClient(db: MaatjeDB): Promise<void> {
  await db.transaction('rw', db.meta, db.outbox, async () => {
    await setMeta(db, 'client_id', uuid());
    await deleteMeta(db, 'last_mutation_id');
    await renumberOutbox(db, 1);
  });
}
