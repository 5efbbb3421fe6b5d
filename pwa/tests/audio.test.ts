// Which voice a phrase is said in, and the newcomer's own tries kept on the phone.
import { beforeEach, describe, expect, it } from 'vitest';
import { saveAttempt, watchAttempts } from '../src/features/audio/attempts';
import { pickVoice } from '../src/features/audio/voice';
import type { MaatjeDB, Row } from '../src/store/db';
import type { PhraseAudioData } from '../src/types';
import { freshDb } from './helpers';
import { first } from './pair';

const PHRASE = { id: 'kennismaken.hoe-heet-je', tts: '0a1b2c3d' };

function clip(by: PhraseAudioData['by'], scope: string, name: string, created_at = '2026-11-30T10:00:00Z'): Row<PhraseAudioData> {
  const id = `${by}-${name}-${created_at}`;
  return { id, scope, seq: 1, data: { id, phrase_id: PHRASE.id, by, name, mime: 'audio/webm', duration_ms: 1500, url: `/api/audio/${id}`, created_at } };
}

const buddy = clip('buddy', 'match:m1', 'Sanne');
const coordinator = clip('coordinator', 'branch:o1', 'Fatima');
const ownTry = clip('newcomer', 'match:m1', 'Amal');

describe('the voice of a phrase', () => {
  it("is the buddy's clip first, then the coordinator's, then the phone's, then the computer's", () => {
    expect(pickVoice(PHRASE, [coordinator, buddy], 'browser', true)).toMatchObject({ kind: 'recorded', name: 'Sanne', by: 'buddy' });
    expect(pickVoice(PHRASE, [coordinator], 'browser', true)).toMatchObject({ kind: 'recorded', name: 'Fatima', by: 'coordinator' });
    expect(pickVoice(PHRASE, [], 'browser', true)).toEqual({ kind: 'browser' });
    expect(pickVoice(PHRASE, [], 'browser', false)).toEqual({ kind: 'computer', url: '/audio/tts/kennismaken.hoe-heet-je.ogg?v=0a1b2c3d' });
  });

  it("uses the phone's own voice only when the setting asks for it", () => {
    expect(pickVoice(PHRASE, [], 'recorded', true)).toMatchObject({ kind: 'computer' });
  });

  it('skips recordings when the setting is the computer voice', () => {
    expect(pickVoice(PHRASE, [buddy, coordinator], 'computer', true)).toMatchObject({ kind: 'computer' });
  });

  it("never takes the newcomer's own shared try as the model voice", () => {
    expect(pickVoice(PHRASE, [ownTry], 'recorded', false)).toMatchObject({ kind: 'computer' });
  });

  it('takes the newest clip of two buddies (two matches)', () => {
    const older = clip('buddy', 'match:m2', 'Daan', '2026-11-01T10:00:00Z');
    expect(pickVoice(PHRASE, [older, buddy], 'recorded', false)).toMatchObject({ name: 'Sanne' });
  });

  it('says there is none without a clip or a computer voice', () => {
    expect(pickVoice({ id: 'org:1' }, [], 'recorded', false)).toEqual({ kind: 'none' });
  });
});

describe("the newcomer's own tries", () => {
  let db: MaatjeDB;
  beforeEach(() => {
    db = freshDb();
  });

  it('keeps the last three of a phrase, newest first, and leaves other phrases alone', async () => {
    await saveAttempt(db, 'other.phrase', new Blob(['x']));
    for (let i = 1; i <= 5; i += 1) {
      await saveAttempt(db, PHRASE.id, new Blob([`try ${i}`], { type: 'audio/webm' }));
      await new Promise((ok) => setTimeout(ok, 2)); // distinct times
    }
    const tries = await first(watchAttempts(db, PHRASE.id));
    expect(await Promise.all(tries.map((t) => t.blob.text()))).toEqual(['try 5', 'try 4', 'try 3']);
    expect(tries.every((t) => !t.shared)).toBe(true);
    expect(await db.attempt.where('phrase_id').equals('other.phrase').count()).toBe(1);
  });
});
