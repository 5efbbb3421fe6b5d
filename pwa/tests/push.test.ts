// Reminders on this phone: when the prompt may show (a confirmed meeting, not snoozed), how long
// "Niet nu" holds, and the server key as the bytes pushManager.subscribe wants.
import { beforeEach, describe, expect, it } from 'vitest';
import { ASK_AGAIN_DAYS, forgetThisDevice, isSnoozed, keyBytes, pushSupported, snooze, watchHasConfirmedMeeting } from '../src/features/push/push';
import type { MaatjeDB } from '../src/store/db';
import type { Watch } from '../src/sync/views';
import type { MeetingData } from '../src/types';
import { freshDb } from './helpers';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

function first<T>(watch: Watch<T>): Promise<T> {
  return new Promise((resolve) => {
    const stop = watch((value) => {
      resolve(value);
      setTimeout(stop);
    });
  });
}

function meeting(id: string, status: MeetingData['status']): MeetingData {
  return {
    id, match_id: 'm1', status, version: 2, sequence: 0, proposed_by: 'buddy',
    slots: [{ starts_at: '2027-03-28T08:00:00+00:00', minutes: 60 }], starts_at: status === 'confirmed' ? '2027-03-28T08:00:00+00:00' : null,
    minutes: 60, place: 'Bibliotheek', video_url: '', note: '', decided_by: null, cancelled_by: null, cancel_reason: '',
    attended: [], held_note: '', completed_by: null, last_action: 'choose', last_actor: 'newcomer',
    created_at: '2027-03-20T08:00:00+00:00', updated_at: '2027-03-20T08:00:00+00:00',
  };
}

describe('"Niet nu"', () => {
  it('holds for this user on this phone for 30 days, then the prompt may ask again', () => {
    const storage = new MemoryStorage();
    const now = new Date('2027-03-01T12:00:00Z');
    expect(isSnoozed('anna', now, storage)).toBe(false);
    snooze('anna', now, storage);
    expect(isSnoozed('anna', now, storage)).toBe(true);
    expect(isSnoozed('bram', now, storage)).toBe(false); // another user on the same phone is asked
    const almost = new Date(now.getTime() + ASK_AGAIN_DAYS * 86_400_000 - 60_000);
    expect(isSnoozed('anna', almost, storage)).toBe(true);
    const later = new Date(now.getTime() + ASK_AGAIN_DAYS * 86_400_000);
    expect(isSnoozed('anna', later, storage)).toBe(false);
  });

  it('treats a damaged stored value as never asked', () => {
    const storage = new MemoryStorage();
    storage.setItem('maatje.push.later.anna', 'garbage');
    expect(isSnoozed('anna', new Date(), storage)).toBe(false);
  });
});

describe('the prompt waits for a confirmed meeting', () => {
  let db: MaatjeDB;
  beforeEach(() => {
    db = freshDb();
  });

  it('is not offered on first open, nor for a proposal or a cancelled meeting', async () => {
    expect(await first(watchHasConfirmedMeeting(db))).toBe(false);
    await db.meeting.bulkPut([
      { id: 'a', scope: 'match:m1', seq: 1, data: meeting('a', 'proposed') },
      { id: 'b', scope: 'match:m1', seq: 2, data: meeting('b', 'cancelled') },
    ]);
    expect(await first(watchHasConfirmedMeeting(db))).toBe(false);
  });

  it('is offered once a meeting is confirmed, also one chosen offline and not yet sent', async () => {
    await db.meeting.put({ id: 'a', scope: 'match:m1', seq: 1, data: meeting('a', 'confirmed') });
    expect(await first(watchHasConfirmedMeeting(db))).toBe(true);
    const other = freshDb();
    await other.outbox.add({ mid: 1, name: 'meeting.choose', args: { id: 'x', version: 1, starts_at: '2027-03-28T08:00:00Z' }, created_at: '2027-03-20T08:00:00Z' });
    expect(await first(watchHasConfirmedMeeting(other))).toBe(true);
  });
});

describe('the server key', () => {
  it('decodes base64url without padding into the 65 bytes of a P-256 point', () => {
    const key = 'BKX-ZxATiCKAPCsKv3tNrN1jHe1WgVsmWH8qPmm0o6wOI-04oTYPkzvG6ZNxPBwRIfZnze8TvQ52IO6sckECNUk';
    const bytes = keyBytes(key);
    expect(bytes.length).toBe(65);
    expect(bytes[0]).toBe(4);
    expect(Buffer.from(bytes).toString('base64url')).toBe(key);
  });
});

describe('logout', () => {
  it('never fails over push where the browser has none', async () => {
    expect(pushSupported()).toBe(false);
    await expect(forgetThisDevice()).resolves.toBeUndefined();
  });
});
