// Files waiting for a connection (a recorded clip): each is a multipart PUT of a blob and a few
// text fields to a URL, kept in the `upload` table until the server has it. Names no feature.
// - sent one at a time, oldest first, only the signed-in user's (the table survives another
//   person's login, sync/owner.ts: an upload goes out under the session of whoever made it);
// - a 2xx deletes the entry; the same id sent again is harmless (the server answers 200);
// - a 4xx will never succeed: the entry stays with the server's message (`error`) for the screen
//   to show, and is not tried again;
// - no network, 5xx, 401 (a session to renew), 408 and 429: kept, tried again after a backoff.
import { ApiError, NetworkError, putForm } from '../api';
import { getMeta, type MaatjeDB, type Upload } from '../store/db';
import { watch, type Watch } from './views';
import { guardedWrite } from './writes';

// 409: the pair's match is paused now; a recording made before may go once it is resumed.
const RETRY_LATER = new Set([401, 408, 409, 429]);
const BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;

// When an entry may be tried again: kept in memory (a restarted app may try at once).
const notBefore = new Map<string, number>();
let running: Promise<number> | null = null;

export interface NewUpload {
  id: string;
  url: string;
  fields: Record<string, string>;
  blob: Blob;
}

export async function enqueueUpload(db: MaatjeDB, upload: NewUpload): Promise<void> {
  await guardedWrite(db, async () => {
    const userId = await getMeta(db, 'last_user_id');
    if (!userId) throw new Error('enqueueUpload: nobody is signed in on this phone');
    await db.upload.put({ ...upload, user_id: userId, created_at: new Date().toISOString(), attempts: 0, error: null });
  });
}

// The signed-in user's uploads, oldest first: those waiting and those the server refused.
export async function loadUploads(db: MaatjeDB): Promise<Upload[]> {
  const me = await getMeta(db, 'last_user_id');
  const rows = await db.upload.toArray();
  return rows.filter((u) => u.user_id === me).sort((a, b) => a.created_at.localeCompare(b.created_at));
}

export function watchUploads(db: MaatjeDB): Watch<Upload[]> {
  return watch(() => loadUploads(db));
}

// A refused upload the user has read: gone for good.
export async function discardUpload(db: MaatjeDB, id: string): Promise<void> {
  await db.upload.delete(id);
}

// Sends what may go now; returns how many the server took. One run at a time in this tab.
export function runUploads(db: MaatjeDB, now = Date.now): Promise<number> {
  if (!running) running = sendAll(db, now).finally(() => (running = null));
  return running;
}

async function sendAll(db: MaatjeDB, now: () => number): Promise<number> {
  const me = await getMeta(db, 'me'); // absent once the session ended: nothing may be sent
  if (!me) return 0;
  let sent = 0;
  for (const upload of await loadUploads(db)) {
    if (upload.error !== null || (notBefore.get(upload.id) ?? 0) > now()) continue;
    if (!(await db.upload.get(upload.id))) continue; // discarded meanwhile
    // Another person may have logged in (in another tab) during a slow run: never send one
    // person's recording under another's session.
    if ((await getMeta(db, 'me'))?.id !== upload.user_id) break;
    const outcome = await sendOne(upload);
    if (outcome === 'sent') {
      await db.upload.delete(upload.id);
      notBefore.delete(upload.id);
      sent += 1;
    } else if (typeof outcome === 'string') {
      await db.upload.update(upload.id, { error: outcome, attempts: upload.attempts + 1 });
      notBefore.delete(upload.id);
    } else {
      const attempts = upload.attempts + 1;
      await db.upload.update(upload.id, { attempts });
      notBefore.set(upload.id, now() + Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (attempts - 1)));
      if (outcome.offline) break; // the others would fail alike
    }
  }
  return sent;
}

// 'sent', the server's refusal (a message), or a failure worth another try later.
async function sendOne(upload: Upload): Promise<'sent' | string | { offline: boolean }> {
  try {
    await putForm(upload.url, upload.fields, upload.blob, fileName(upload.blob));
    return 'sent';
  } catch (error) {
    if (error instanceof NetworkError) return { offline: true };
    if (!(error instanceof ApiError)) throw error; // a bug: let it surface
    if (error.code >= 500 || RETRY_LATER.has(error.code)) return { offline: error.code === 401 };
    return error.message;
  }
}

// Some servers look at the file name's extension; the blob's type is what we know.
function fileName(blob: Blob): string {
  const sub = blob.type.split(';')[0].split('/')[1];
  return sub ? `upload.${sub}` : 'upload';
}
