// The timeline: meetings, activities, goals and the match's milestones, newest first, grouped by
// month in Dutch time, with pending rows marked; built from the phone's tables and outbox.
import { describe, expect, it } from 'vitest';
import { buildTimeline, groupByMonth, monthOf } from '../src/features/timeline/build';
import { loadTimeline } from '../src/features/timeline/queries';
import { logActivity } from '../src/features/activities/mutations';
import type { ShownActivity } from '../src/features/activities/overlay';
import type { ShownGoal } from '../src/features/goals/overlay';
import type { ShownMeeting } from '../src/features/meetings/overlay';
import { setMeta, storedRow, type Row } from '../src/store/db';
import type { ActivityData, MatchOfferData, MeetingData } from '../src/types';
import { freshDb } from './helpers';
import { dayText, timeText } from '../src/features/timeline/dates';
import { formatDate, formatDateTime } from '../src/i18n';

const M = '44444444-4444-4444-8444-444444444444';

const offer: MatchOfferData = {
  id: `${M}:buddy`, match_id: M, status: 'active', role: 'buddy', other_first_name: 'Amal', other_municipality: null,
  shared_languages: [], shared_interests: [], own_answer: 'accepted', expires_at: null, planned_end: '2027-05-01',
  contact: null, evaluated: false, created_at: '2026-08-20T09:00:00+00:00', approved_at: '2026-09-01T09:00:00+00:00',
};

function meeting(id: string, starts_at: string | null, pending = false, created_at = '2026-09-01T10:00:00+00:00'): ShownMeeting {
  return {
    id, match_id: M, status: starts_at ? 'held' : 'proposed', version: 1, sequence: 0, proposed_by: 'buddy',
    slots: [{ starts_at: starts_at ?? '2026-12-10T13:00:00+00:00', minutes: 60 }], starts_at, minutes: 60, place: 'Bieb', video_url: '',
    note: '', decided_by: null, cancelled_by: null, cancel_reason: '', attended: [], held_note: '', completed_by: null,
    last_action: 'propose', last_actor: 'buddy', created_at, updated_at: created_at, pending,
  };
}

function activity(id: string, day: string, pending = false): ShownActivity {
  return { id, match_id: M, type: 'library', domain: 'taal', day, minutes: 60, initiative: 'both', note: '', logged_by: 'buddy', created_at: `${day}T10:00:00+00:00`, pending };
}

function goal(id: string, created_at: string, done_at: string | null): ShownGoal {
  return { id, match_id: M, domain: 'werk', code: 'cv', title: '', level: 0, steps: [], done_at, added_by: 'buddy', created_at, updated_at: created_at, pending: false };
}

describe('building the timeline', () => {
  const items = buildTimeline(
    offer,
    [meeting('m1', '2026-10-05T08:00:00+00:00'), meeting('m2', null, true)],
    [activity('a1', '2026-10-20'), activity('a2', '2026-11-03', true)],
    [goal('g1', '2026-09-10T10:00:00+00:00', '2026-11-01T10:00:00+00:00')],
  );

  it('puts everything newest first, milestones included', () => {
    expect(items.map((i) => i.key)).toEqual([
      's:planned_end', 'm:m2', 'a:a2', 'd:g1', 'a:a1', 'm:m1', 'g:g1', 's:started', 's:proposed',
    ]);
  });

  it('marks what is still waiting to be sent', () => {
    expect(items.filter((i) => i.pending).map((i) => i.key)).toEqual(['m:m2', 'a:a2']);
  });

  it('groups by month in Dutch time: 23:30 UTC on 31 October is November in Amsterdam', () => {
    expect(monthOf('2026-10-31T23:30:00+00:00')).toBe('2026-11');
    expect(monthOf('2026-10-31')).toBe('2026-10');
    expect(groupByMonth(items).map(([month, rows]) => [month, rows.length])).toEqual([
      ['2027-05', 1], ['2026-12', 1], ['2026-11', 2], ['2026-10', 2], ['2026-09', 2], ['2026-08', 1],
    ]);
  });

  it('keeps its order with 2,000 items and many on one day', () => {
    const many = Array.from({ length: 2000 }, (_, i) => activity(`x${i}`, `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`));
    const built = buildTimeline({ ...offer, planned_end: null, created_at: null, approved_at: null }, [], many, []);
    expect(built).toHaveLength(2000);
    expect(built[0].at).toBe('2026-12-15');
    expect(built[built.length - 1].at).toBe('2026-01-15');
  });
});

describe('from the phone', () => {
  it('reads the match scope and the outbox: an activity logged offline is on top, waiting', async () => {
    const db = freshDb();
    await db.match_offer.put({ id: offer.id, scope: 'user:b', seq: 1, data: offer });
    await db.activity.put({ id: 'a1', scope: `match:${M}`, seq: 2, data: activity('a1', '2026-10-20') });
    await db.activity.put({ id: 'other', scope: 'match:other', seq: 3, data: { ...activity('other', '2026-10-21'), match_id: 'other' } });
    await db.meeting.put({ id: 'm1', scope: `match:${M}`, seq: 4, data: meeting('m1', '2026-10-05T08:00:00+00:00') });
    const id = await logActivity(db, M, { type: 'cv', day: '2026-11-29', minutes: 30, initiative: 'buddy', note: '' });
    const { items } = await loadTimeline(db, { ...offer, planned_end: null });
    expect(items.map((i) => [i.key, i.pending])).toEqual([
      [`a:${id}`, true], ['a:a1', false], ['m:m1', false], ['s:started', false], ['s:proposed', false],
    ]);
  });
});

describe('dates of the timeline', () => {
  it('say what formatDate and formatDateTime say, summer and winter time alike', () => {
    for (const day of ['2026-03-29', '2026-10-25', '2026-12-31']) expect(dayText(day)).toBe(formatDate(day));
    for (const at of ['2026-03-29T08:00:00+00:00', '2026-10-25T09:00:00+00:00', '2026-12-31T23:30:00+00:00']) {
      expect(timeText(at)).toBe(formatDateTime(new Date(at), new Date(), true));
    }
    expect(timeText('2026-10-25T09:00:00+00:00')).toContain('10:00'); // 10:00 in Amsterdam after the change
  });
});

describe('reading only what is shown', () => {
  it('gives the same first page and the same total as reading everything, with pending changes on old rows', async () => {
    const db = freshDb();
    const scope = `match:${M}`;
    await db.match_offer.put({ id: offer.id, scope: 'user:b', seq: 1, data: offer });
    let seq = 2;
    for (let i = 0; i < 300; i++) {
      const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      await db.activity.put(storedRow('activity', `a${i}`, scope, seq++, activity(`a${i}`, day)) as Row<ActivityData>);
    }
    for (let i = 0; i < 200; i++) {
      const at = new Date(Date.UTC(2025, i % 12, 1 + (i % 27), 9)).toISOString();
      const m = meeting(`m${i}`, i % 5 === 0 ? null : at, false, at); // every fifth only proposed
      await db.meeting.put(storedRow('meeting', m.id, scope, seq++, { ...m, pending: undefined }) as Row<MeetingData>);
    }
    // Pending: an old meeting moved to new times, an old activity removed, a new one logged.
    const slots = [{ starts_at: '2027-02-01T09:00:00.000Z', minutes: 60 }];
    await db.outbox.bulkAdd([
      { mid: 1, name: 'meeting.reschedule', args: { id: 'm5', version: 1, slots, place: 'Bieb', video_url: '', note: '' }, created_at: '' },
      { mid: 2, name: 'activity.remove', args: { id: 'a0' }, created_at: '' },
    ]);
    await setMeta(db, 'last_mid', 2);
    await logActivity(db, M, { type: 'cv', day: '2026-11-29', minutes: 30, initiative: 'buddy', note: '' });
    const all = await loadTimeline(db, offer);
    for (const limit of [50, 100]) {
      const page = await loadTimeline(db, offer, limit);
      expect(page.total).toBe(all.items.length);
      expect(page.items.slice(0, limit).map((i) => i.key)).toEqual(all.items.slice(0, limit).map((i) => i.key));
    }
    expect(all.items[1].key).toBe('m:m5'); // after the planned end: an old proposal moved to February 2027, waiting
    expect(all.items.some((i) => i.key === 'a:a0')).toBe(false);
  });
});
