// What the buddy's record screen shows per phrase: their clip in the pair's scope, a clip waiting
// to be sent, or one the server refused (with its message).
import type { MaatjeDB, Upload } from '../../store/db';
import { loadUploads } from '../../sync/uploads';
import { watch, type Watch } from '../../sync/views';

export type RecordingStatus =
  | { kind: 'none' }
  | { kind: 'stored'; url: string }
  | { kind: 'waiting' }
  | { kind: 'refused'; upload: Upload };

export function watchRecordings(db: MaatjeDB, matchId: string): Watch<Map<string, RecordingStatus>> {
  return watch(async () => {
    const [rows, uploads] = await Promise.all([
      db.phrase_audio.where('scope').equals(`match:${matchId}`).toArray(),
      loadUploads(db),
    ]);
    const shown = new Map<string, RecordingStatus>();
    for (const row of rows) if (row.data.by === 'buddy') shown.set(row.data.phrase_id, { kind: 'stored', url: row.data.url });
    // An upload is newer than any stored clip of its phrase: it shows on top.
    for (const upload of uploads) {
      if (upload.fields.match_id !== matchId || !upload.fields.phrase_id) continue;
      shown.set(upload.fields.phrase_id, upload.error === null ? { kind: 'waiting' } : { kind: 'refused', upload });
    }
    return shown;
  });
}
