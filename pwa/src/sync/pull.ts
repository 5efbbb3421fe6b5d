// Pull: fetch the change feed page by page from our cursor and apply each page atomically.
import { getMeta, SYNC_SCHEMA_VERSION, type MaatjeDB } from '../store/db';
import { syncPull } from '../api';
import { applyPullPage } from './apply';

export const PULL_LIMIT = 500;
const MAX_PAGES = 1000; // a guard against a server that always says has_more

export async function pullAll(db: MaatjeDB): Promise<void> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const clientId = await getMeta(db, 'client_id');
    if (!clientId) return; // logged out meanwhile
    const response = await syncPull({
      client_id: clientId,
      schema_version: SYNC_SCHEMA_VERSION,
      cursor: (await getMeta(db, 'cursor')) ?? null,
      limit: PULL_LIMIT,
    });
    if (!(await applyPullPage(db, clientId, response))) return;
    if (!response.has_more) return;
  }
}
