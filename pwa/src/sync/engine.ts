// One sync round: push, then pull. Failures are sorted into what the user needs to know.
import { me } from '../api';
import { ApiError, NetworkError, OtherUserError, StorageFullError } from '../errors';
import { deleteMeta, ensureClientId, getMeta, setMeta, type MaatjeDB, type SyncProblem } from '../store/db';
import { uuid } from '../uuid';
import { renumberOutbox } from './outbox';
import { signOut } from './owner';
import { pullAll } from './pull';
import { pushAll } from './push';

export async function syncOnce(db: MaatjeDB): Promise<SyncProblem> {
  // Nobody's data (the database was lost under the open app): nothing to sync into, and no
  // "everything is up to date" either, until the session module has taken the user up again.
  if (!(await getMeta(db, 'last_user_id'))) return 'unauthorized';
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
    if (error instanceof OtherUserError) return otherUser(db);
    if (error instanceof StorageFullError) return 'quota'; // nothing was written; try again later
    if (error instanceof NetworkError) return 'offline'; // keep everything, try again later
    if (!(error instanceof ApiError)) throw error; // a bug: let it surface
    if (error.code === 426) return 'outdated'; // keep the outbox; the user must reload the app
    if (error.code === 401) return 'unauthorized';
    if (error.code === 403) {
      // Our client id is bound to someone else: either another person is logged in now (then
      // nothing more may be sent), or the server lost track of us (then a new client id).
      if (!(await sessionIsOwner(db))) return otherUser(db);
      await startNewClient(db);
      return 'server';
    }
    return 'server'; // 503 and friends: nothing advanced on the server, retry later
  }
}

// Someone else is logged in in this browser: stop, park this user's changes, ask them to log in
// again. The client id may be bound to the other person now, so the parked changes get a new one.
async function otherUser(db: MaatjeDB): Promise<SyncProblem> {
  await startNewClient(db);
  await signOut(db, 'other_user');
  return 'unauthorized';
}

async function sessionIsOwner(db: MaatjeDB): Promise<boolean> {
  try {
    const { user } = await me();
    return user.id === (await getMeta(db, 'last_user_id'));
  } catch {
    return true; // offline or a hiccup: decide on the next round, with nothing sent meanwhile
  }
}

// A fresh client id starts at mid 1 on the server, so the queued changes are numbered again.
export async function startNewClient(db: MaatjeDB): Promise<void> {
  await db.transaction('rw', db.meta, db.outbox, db.sent, async () => {
    await setMeta(db, 'client_id', uuid());
    await deleteMeta(db, 'last_mutation_id');
    await renumberOutbox(db, 1);
  });
}
