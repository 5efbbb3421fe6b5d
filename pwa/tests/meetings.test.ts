// Meetings on two phones: a change shows at once (offline too) and waits to be sent; the server
// decides who was first; the other phone sees the result, and a loser gets a notice that says
// what the other did.
import { beforeEach, describe, expect, it } from 'vitest';
import { login, server } from '../src/api.testing';
import { cancelMeeting, chooseSlot, proposeMeeting } from '../src/features/meetings/mutations';
import { allowed, overlayMeetings, sortMeetings } from '../src/features/meetings/overlay';
import { watchMeetings, type MatchMeetings } from '../src/features/meetings/queries';
import { amsterdamToUtc } from '../src/features/meetings/time';
import { watchNotices, type Notice } from '../src/features/notices/queries';
import { ensureClientId, type MaatjeDB } from '../src/store/db';
import { syncOnce } from '../src/sync/engine';
import type { Watch } from '../src/sync/views';
import type { MeetingData, Mutation } from '../src/types';
import { ANNA_ID, BRAM_ID, freshDb, seedServer, signedIn } from './helpers';

function first<T>(watch: Watch<T>): Promise<T> {
  return new Promise((resolve) => {
    const stop = watch((value) => {
      resolve(value);
      setTimeout(stop);
    });
  });
}

const M = '66666666-6666-4666-8666-666666666666';
const ID = '77777777-7777-4777-8777-777777777777';
const mutation = (mid: number, name: string, args: Record<string, unknown>): Mutation => ({ mid, name, args });
// A year ahead, so the slots stay in the future whenever this runs.
const year = new Date().getUTCFullYear() + 1;
const SLOT_A = amsterdamToUtc(`${year}-03-28`, '10:00');
const SLOT_B = amsterdamToUtc(`${year}-04-02`, '19:30');

function meeting(over: Partial<MeetingData> = {}): MeetingData {
  return {
    id: ID, match_id: M, status: 'proposed', version: 1, sequence: 0, proposed_by: 'buddy',
    slots: [{ starts_at: SLOT_A, minutes: 60 }, { starts_at: SLOT_B, minutes: 90 }], starts_at: null, minutes: null,
    place: 'Bibliotheek', video_url: '', note: '', decided_by: null, cancelled_by: null, cancel_reason: '', attended: [],
    held_note: '', completed_by: null, last_action: 'propose', last_actor: 'buddy', created_at: '2026-11-30T10:00:00Z',
    updated_at: '2026-11-30T10:00:00Z', ...over,
  };
}

describe('the meeting overlay', () => {
  it('shows a queued proposal at once, as waiting', () => {
    const [shown] = overlayMeetings([], [mutation(1, 'meeting.propose', {
      id: ID, match_id: M, slots: [{ starts_at: SLOT_A, minutes: 60 }], place: 'Bibliotheek', video_url: '', note: 'Tot dan!',
    })], 'buddy');
    expect(shown).toMatchObject({ id: ID, status: 'proposed', proposed_by: 'buddy', place: 'Bibliotheek', pending: true, pendingAction: 'propose' });
  });

  it('puts a pending choice on top of the stored row, with the chosen slot', () => {
    const [shown] = overlayMeetings([meeting()], [mutation(1, 'meeting.choose', { id: ID, version: 1, starts_at: SLOT_B })], 'newcomer');
    expect(shown).toMatchObject({ status: 'confirmed', starts_at: SLOT_B, minutes: 90, decided_by: 'newcomer', version: 2, pending: true });
  });

  it('chains intents made on the shown version: a choice, then a cancel', () => {
    const [shown] = overlayMeetings([meeting()], [
      mutation(2, 'meeting.cancel', { id: ID, version: 2, reason: 'Ziek' }),
      mutation(1, 'meeting.choose', { id: ID, version: 1, starts_at: SLOT_A }),
    ], 'newcomer');
    expect(shown).toMatchObject({ status: 'cancelled', cancelled_by: 'newcomer', cancel_reason: 'Ziek', starts_at: SLOT_A, version: 3, sequence: 1 });
  });

  it('shows other moments: this side now proposes, the chosen time is gone, the calendar sequence goes up', () => {
    const confirmed = meeting({ status: 'confirmed', version: 2, starts_at: SLOT_A, minutes: 60, decided_by: 'newcomer' });
    const [shown] = overlayMeetings([confirmed], [mutation(1, 'meeting.reschedule', {
      id: ID, version: 2, slots: [{ starts_at: SLOT_B, minutes: 45 }], place: '', video_url: 'https://meet.jit.si/x', note: '',
    })], 'newcomer');
    expect(shown).toMatchObject({
      status: 'proposed', proposed_by: 'newcomer', starts_at: null, slots: [{ starts_at: SLOT_B, minutes: 45 }],
      video_url: 'https://meet.jit.si/x', sequence: 1, version: 3, pendingAction: 'reschedule',
    });
  });

  it('marks a confirmed meeting held with who came', () => {
    const confirmed = meeting({ status: 'confirmed', version: 2, starts_at: SLOT_A, minutes: 60 });
    const [shown] = overlayMeetings([confirmed], [mutation(1, 'meeting.complete', { id: ID, version: 2, attended: ['newcomer'], note: 'Fijn' })], 'buddy');
    expect(shown).toMatchObject({ status: 'held', attended: ['newcomer'], held_note: 'Fijn', completed_by: 'buddy', pending: true });
  });

  it('does not apply an intent made on an older version: the other side was first', () => {
    const cancelled = meeting({ status: 'cancelled', version: 2, cancelled_by: 'buddy', last_action: 'cancel' });
    const [shown] = overlayMeetings([cancelled], [mutation(1, 'meeting.choose', { id: ID, version: 1, starts_at: SLOT_A })], 'newcomer');
    expect(shown).toMatchObject({ status: 'cancelled', cancelled_by: 'buddy', pending: false });
  });

  it('does not apply a step the table does not have: choosing one\'s own proposal', () => {
    const [shown] = overlayMeetings([meeting()], [mutation(1, 'meeting.choose', { id: ID, version: 1, starts_at: SLOT_A })], 'buddy');
    expect(shown).toMatchObject({ status: 'proposed', pending: false });
    expect(allowed(meeting(), 'buddy', 'choose')).toBe(false);
    expect(allowed(meeting(), 'newcomer', 'choose')).toBe(true);
    expect(allowed(meeting({ status: 'held' }), 'newcomer', 'cancel')).toBe(false);
  });

  it('lists proposals waiting for this side first, then the next confirmed meeting', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const waitingForMe = { ...meeting({ id: 'a' }), pending: false };
    const mine = { ...meeting({ id: 'b', proposed_by: 'newcomer' }), pending: false };
    const next = { ...meeting({ id: 'c', status: 'confirmed', starts_at: SLOT_A }), pending: false };
    const old = { ...meeting({ id: 'd', status: 'held', starts_at: '2026-11-01T10:00:00Z' }), pending: false };
    expect(sortMeetings([old, mine, next, waitingForMe], 'newcomer', now).map((m) => m.id)).toEqual(['a', 'c', 'b', 'd']);
  });
});

describe('two phones and the real server', () => {
  let anna: MaatjeDB; // the newcomer's phone
  let bram: MaatjeDB; // the buddy's phone
  let matchId: string;

  // One sync round of a phone, with its own cookies.
  async function sync(phone: MaatjeDB): Promise<void> {
    server.useDevice(phone === anna ? 'anna' : 'bram');
    expect(await syncOnce(phone)).toBeNull();
  }

  const shown = (phone: MaatjeDB) => first<MatchMeetings>(watchMeetings(phone, matchId));
  const noticesOf = (phone: MaatjeDB) => first<Notice[]>(watchNotices(phone));

  beforeEach(async () => {
    const users = await seedServer();
    matchId = (await server.match(ANNA_ID, BRAM_ID)).replace(/^match:/, '');
    server.useDevice('anna');
    await login('anna@example.nl', 'pw');
    server.useDevice('bram');
    await login('bram@example.nl', 'pw');
    anna = await signedIn(freshDb(), users.anna);
    bram = await signedIn(freshDb(), users.bram);
    await ensureClientId(anna);
    await ensureClientId(bram);
    await sync(anna);
    await sync(bram);
  });

  it('a proposal made offline is sent later, chosen on the other phone, and confirmed on both', async () => {
    server.offline = true;
    const id = await proposeMeeting(bram, matchId, {
      slots: [{ starts_at: SLOT_A, minutes: 60 }, { starts_at: SLOT_B, minutes: 90 }], place: 'Bibliotheek Utrecht', video_url: '', note: '',
    });
    const offline = await shown(bram);
    expect(offline.meetings.map((m) => [m.id, m.status, m.pending])).toEqual([[id, 'proposed', true]]);
    server.offline = false;

    await sync(bram);
    expect((await shown(bram)).meetings[0]).toMatchObject({ id, status: 'proposed', pending: false, version: 1 });

    await sync(anna);
    const seen = (await shown(anna)).meetings[0];
    expect(seen).toMatchObject({ id, status: 'proposed', proposed_by: 'buddy', place: 'Bibliotheek Utrecht' });
    expect(allowed(seen, 'newcomer', 'choose')).toBe(true);
    await chooseSlot(anna, id, seen.version, seen.slots[1].starts_at);
    expect((await shown(anna)).meetings[0]).toMatchObject({ status: 'confirmed', pending: true });

    await sync(anna);
    await sync(bram);
    for (const phone of [anna, bram]) {
      const m = (await shown(phone)).meetings[0];
      expect([m.status, Date.parse(m.starts_at ?? ''), m.minutes, m.decided_by, m.pending]).toEqual(['confirmed', Date.parse(SLOT_B), 90, 'newcomer', false]);
    }
  });

  it('two phones cancel at once: one wins, the other hears who was first', async () => {
    const id = await proposeMeeting(bram, matchId, { slots: [{ starts_at: SLOT_A, minutes: 60 }], place: 'Station', video_url: '', note: '' });
    await sync(bram);
    await sync(anna);
    const m = (await shown(anna)).meetings[0];
    await chooseSlot(anna, id, m.version, SLOT_A);
    await sync(anna);
    await sync(bram);
    const version = (await shown(bram)).meetings[0].version;
    expect((await shown(anna)).meetings[0].version).toBe(version);

    // Both offline, both cancel the same confirmed meeting.
    await cancelMeeting(anna, id, version, 'Ik ben ziek');
    await cancelMeeting(bram, id, version, 'Mijn fiets is kapot');
    expect((await shown(anna)).meetings[0]).toMatchObject({ status: 'cancelled', cancelled_by: 'newcomer', pending: true });
    expect((await shown(bram)).meetings[0]).toMatchObject({ status: 'cancelled', cancelled_by: 'buddy', pending: true });

    await sync(bram); // the buddy's cancel arrives first and wins
    await sync(anna);
    await sync(bram);
    for (const phone of [anna, bram]) {
      expect((await shown(phone)).meetings[0]).toMatchObject({ status: 'cancelled', cancelled_by: 'buddy', cancel_reason: 'Mijn fiets is kapot', pending: false });
    }
    const lost = (await noticesOf(anna)).filter((n) => n.kind === 'rejected');
    expect(lost.map((n) => [n.code, n.message])).toEqual([['meeting_changed', 'Bram had deze afspraak al afgezegd.']]);
    expect((await noticesOf(bram)).filter((n) => n.kind === 'rejected')).toEqual([]);
  });
});
