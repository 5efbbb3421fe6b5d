import { beforeEach, describe, expect, it } from 'vitest';
import { getMeta, setMeta, type MaatjeDB } from '../src/store/db';
import { updateProfile } from '../src/features/profile/mutations';
import { overlayProfile } from '../src/features/profile/overlay';
import { changedFields } from '../src/features/profile/ProfileScreen';
import type { Share } from '../src/types';
import { enqueue, pendingMutations, renumberOutbox } from '../src/sync/outbox';
import type { ProfileData } from '../src/types';
import { freshDb } from './helpers';

let db: MaatjeDB;
beforeEach(() => {
  db = freshDb();
});

const base: ProfileData = { id: 'u1', display_name: 'Amal', locale: 'nl', availability: [] };

describe('enqueue', () => {
  it('writes the mutation and bumps the mid', async () => {
    expect(await enqueue(db, 'profile.update', { display_name: 'A' })).toBe(1);
    expect(await updateProfile(db, { locale: 'ar' })).toBe(2);
    expect(await getMeta(db, 'last_mid')).toBe(2);
    const pending = await pendingMutations(db);
    expect(pending.map(({ mid, name, args }) => ({ mid, name, args }))).toEqual([
      { mid: 1, name: 'profile.update', args: { display_name: 'A' } },
      { mid: 2, name: 'profile.update', args: { locale: 'ar' } },
    ]);
  });

  it('bumps the mid only when the mutation is written too (one transaction)', async () => {
    // A stray row at the next mid makes the add fail; the counter must not move on its own.
    await setMeta(db, 'last_mid', 4);
    await db.outbox.add({ mid: 5, name: 'stray', args: {}, created_at: '' });
    await expect(enqueue(db, 'profile.update', { display_name: 'B' })).rejects.toThrow();
    expect(await getMeta(db, 'last_mid')).toBe(4);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a failed mid bump rolls back the written mutation', async () => {
    // The meta write comes after the outbox write: only a shared transaction can undo the latter.
    db.meta.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(enqueue(db, 'profile.update', { display_name: 'C' })).rejects.toThrow('disk full');
    expect(await db.outbox.count()).toBe(0);
  });

  it('concurrent writes get distinct mids', async () => {
    const mids = await Promise.all([1, 2, 3, 4, 5].map((i) => enqueue(db, 'profile.update', { display_name: `N${i}` })));
    expect([...mids].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('renumbering keeps the order and moves the counter', async () => {
    await enqueue(db, 'profile.update', { display_name: 'first' });
    await enqueue(db, 'profile.update', { display_name: 'second' });
    await renumberOutbox(db, 7);
    const pending = await pendingMutations(db);
    expect(pending.map((m) => [m.mid, m.args.display_name])).toEqual([[7, 'first'], [8, 'second']]);
    expect(await getMeta(db, 'last_mid')).toBe(8);
  });
});

describe('overlay', () => {
  it('shows pending changes on top of the base, later mids winning per field', () => {
    const shown = overlayProfile(base, [
      { mid: 3, name: 'profile.update', args: { display_name: 'Third' } },
      { mid: 1, name: 'profile.update', args: { display_name: 'First', locale: 'ar' } },
      { mid: 2, name: 'profile.update', args: { availability: [{ day: 1, start: '09:00', end: '11:00' }] } },
    ]);
    expect(shown).toEqual({
      id: 'u1',
      display_name: 'Third',
      locale: 'ar',
      availability: [{ day: 1, start: '09:00', end: '11:00' }],
    });
  });

  it('leaves the base untouched and ignores other mutations', () => {
    const shown = overlayProfile(base, [{ mid: 1, name: 'meeting.accept', args: { display_name: 'X' } }]);
    expect(shown).toEqual(base);
    overlayProfile(base, [{ mid: 1, name: 'profile.update', args: { display_name: 'Y' } }]);
    expect(base.display_name).toBe('Amal');
  });

  it('shows a pending phone number and sharing choice, a removed number as none', () => {
    const shown = overlayProfile({ ...base, phone: '0612345678', shares: ['email'] }, [
      { mid: 1, name: 'profile.update', args: { shares: ['email', 'phone'] } },
      { mid: 2, name: 'profile.update', args: { phone: null } },
    ]);
    expect(shown?.shares).toEqual(['email', 'phone']);
    expect(shown?.phone).toBeNull();
  });

  it('sends only the contact fields that changed', () => {
    const before = { ...base, phone: '0612345678', shares: [] as Share[] };
    expect(changedFields(before, 'Amal', base.availability, { phone: ' 0612345678 ', shares: [] })).toEqual({});
    expect(changedFields(before, 'Amal', base.availability, { phone: '', shares: ['phone'] }))
      .toEqual({ phone: null, shares: ['phone'] });
  });

  it('replaces availability as a whole', () => {
    const withSlots = { ...base, availability: [{ day: 0, start: '08:00', end: '09:00' }] };
    const shown = overlayProfile(withSlots, [{ mid: 1, name: 'profile.update', args: { availability: [] } }]);
    expect(shown?.availability).toEqual([]);
  });

  it('overlay of stored rows follows the outbox', async () => {
    await db.profile.put({ id: 'u1', scope: 'user:u1', seq: 1, data: base });
    await updateProfile(db, { display_name: 'Nieuw' });
    const row = await db.profile.get('u1');
    expect(overlayProfile(row!.data, await pendingMutations(db))?.display_name).toBe('Nieuw');
    expect(row!.data.display_name).toBe('Amal'); // the base stays what the server said
  });
});
