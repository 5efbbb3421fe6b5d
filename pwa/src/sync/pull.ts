// Pull: fetch the change feed page by page from our cursor and apply each page atomically.
import { getMeta, SYNC_SCHEMA_VERSION, type MaatjeDB } from '../store/db';
import { syncPull } from '../api';
import { isQuotaError, OtherUserError, StorageFullError } from '../errors';
import { applyPullPage } from './apply';

// Rows a page asks for: the server's most (MAX_LIMIT). On slow 3G each page costs a round trip of
// 400 ms or more on top of its bytes, and compressed a row is about 35 bytes (a page of 1,000 is
// 35 KB, under a second at 400 kbit/s). bench/first_sync.py, 10,000 rows at 4x CPU and slow 3G:
// 31.7 s with pages of 500 (21 pulls), 19.3 s with 1,000 (11 pulls). A page is one IndexedDB
// transaction, so a lost connection costs at most one page again.
export const PULL_LIMIT = 1000;
const MAX_PAGES = 1000; // a guard against a server that always says has_more

export async function pullAll(db: MaatjeDB): Promise<void> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const clientId = await getMeta(db, 'client_id');
    const owner = await getMeta(db, 'last_user_id');
    if (!clientId || !owner) return; // logged out meanwhile, or nobody's data to pull into
    const response = await syncPull({
      client_id: clientId,
      schema_version: SYNC_SCHEMA_VERSION,
      cursor: (await getMeta(db, 'cursor')) ?? null,
      limit: PULL_LIMIT,
    });
    // Another person's feed (they logged in in another tab: the cookie is shared) never lands in
    // this person's data. A switch of owner on this phone also changes the client id, which
    // applyPullPage checks inside its transaction.
    if (response.user_id !== owner) throw new OtherUserError(response.user_id);
    let applied: boolean;
    try {
      applied = await applyPullPage(db, clientId, response);
    } catch (error) {
      if (isQuotaError(error)) throw new StorageFullError(); // nothing of the page was written
      throw error;
    }
    if (!applied || !response.has_more) return;
  }
}
