// The upload queue (sync/uploads.ts) against the real server: a recorded clip made offline goes
// when the phone is online and reaches the other phone of the pair; a refusal is kept with the
// server's words and never tried again; a lost connection or a server error waits and retries.
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../src/api.testing';
import { getMeta, type MaatjeDB } from '../src/store/db';
import { adoptOwner } from '../src/sync/owner';
import { enqueueUpload, loadUploads, runUploads, watchUploads } from '../src/sync/uploads';
import { uuid } from '../src/uuid';
import { saveAttempt, shareAttempt, watchAttempts } from '../src/features/audio/attempts';
import { first, pairOnServer, type Pair } from './pair';

// One second of a 440 Hz tone as 8 kHz mono 16-bit WAV: real audio the server can decode.
function wav(seconds = 1): Blob {
  const rate = 8000;
  const samples = rate * seconds;
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF'); view.setUint32(4, 36 + samples * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
  text(36, 'data'); view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i += 1) view.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  return new Blob([buffer], { type: 'audio/wav' });
}

const PHRASE = 'kennismaken.hoe-heet-je';
let pair: Pair;

// Bram's uploads go out with Bram's cookies (the twin's "bram" device).
async function runAsBram(now?: () => number): Promise<number> {
  server.useDevice('bram');
  try {
    return await runUploads(pair.bram, now);
  } finally {
    server.useDevice('phone');
  }
}

async function queueClip(db: MaatjeDB, blob = wav()): Promise<string> {
  const id = uuid();
  await enqueueUpload(db, { id, url: `/api/audio/${id}`, fields: { phrase_id: PHRASE, match_id: pair.matchId }, blob });
  return id;
}

beforeEach(async () => {
  pair = await pairOnServer();
});

describe('a clip recorded offline', () => {
  it('waits on the phone, goes when online, and reaches the newcomer as the buddy\'s clip', async () => {
    server.offline = true;
    const id = await queueClip(pair.bram);
    expect(await runAsBram()).toBe(0);
    expect(await loadUploads(pair.bram)).toMatchObject([{ id, attempts: 1, error: null }]);

    server.offline = false;
    expect(await runAsBram(() => Date.now() + 60_000)).toBe(1); // past the backoff
    expect(await loadUploads(pair.bram)).toEqual([]);

    await pair.sync(pair.anna);
    const row = await pair.anna.phrase_audio.get(id);
    expect(row?.scope).toBe(`match:${pair.matchId}`);
    expect(row?.data).toMatchObject({ phrase_id: PHRASE, by: 'buddy', name: 'Bram', url: `/api/audio/${id}` });
  });
});

describe('what the server refuses', () => {
  it('is kept with the server\'s own message and not sent again', async () => {
    const id = await queueClip(pair.bram, new Blob(['not audio at all'], { type: 'audio/webm' }));
    expect(await runAsBram()).toBe(0);
    const [refused] = await loadUploads(pair.bram);
    expect(refused.id).toBe(id);
    expect(refused.error).toMatch(/geluidsopname/); // the server's translated sentence
    expect(await runAsBram(() => Date.now() + 3_600_000)).toBe(0);
    expect((await loadUploads(pair.bram))[0].attempts).toBe(1); // not tried again
    expect(await pair.bram.phrase_audio.count()).toBe(0);
  });
});

describe('a server error', () => {
  it('keeps the clip and tries again after a pause, not at once', async () => {
    const id = await queueClip(pair.bram);
    server.failNext(503);
    expect(await runAsBram()).toBe(0);
    expect(await runAsBram()).toBe(0); // within the backoff: not tried
    expect((await loadUploads(pair.bram))[0]).toMatchObject({ id, attempts: 1, error: null });
    expect(await runAsBram(() => Date.now() + 60_000)).toBe(1);
  });
});

describe('another person on the same phone', () => {
  it("keeps Bram's waiting clip through Anna's login, sends none of it as Anna, and sends it when Bram is back", async () => {
    const id = await queueClip(pair.bram);
    const annaUser = (await getMeta(pair.anna, 'me'))!;
    const bramUser = (await getMeta(pair.bram, 'me'))!;
    await adoptOwner(pair.bram, annaUser); // Anna logs in on Bram's phone
    expect(await pair.bram.upload.get(id)).toBeDefined();
    expect(await first(watchUploads(pair.bram))).toEqual([]); // not Anna's to see
    expect(await runUploads(pair.bram)).toBe(0); // Anna's session ("phone"): nothing of Bram's goes

    await adoptOwner(pair.bram, bramUser);
    expect(await runAsBram()).toBe(1);
  });
});

describe("the newcomer's own try, shared", () => {
  it('is shown as shared at once and reaches the buddy as a try, not as a voice', async () => {
    const attempt = await saveAttempt(pair.anna, PHRASE, wav());
    await shareAttempt(pair.anna, attempt, pair.matchId);
    expect((await first(watchAttempts(pair.anna, PHRASE)))[0]).toMatchObject({ id: attempt.id, shared: true });
    expect(await runUploads(pair.anna)).toBe(1);
    await pair.sync(pair.bram);
    expect((await pair.bram.phrase_audio.get(attempt.id))?.data).toMatchObject({ by: 'newcomer', name: 'Anna' });
    await pair.sync(pair.anna);
    expect((await first(watchAttempts(pair.anna, PHRASE)))[0].shared).toBe(true); // its row now
  });
});
