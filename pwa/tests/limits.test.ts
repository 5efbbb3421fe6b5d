// The pair's limits as the phone lives them: changes past a limit show as waiting until the
// server has answered, then leave the screen, and a notice in plain words says the limit and
// what to do. The hours page reads how many days the server capped at 16 hours.
import { beforeEach, describe, expect, it } from 'vitest';
import { logActivity } from '../src/features/activities/mutations';
import { watchActivities } from '../src/features/activities/queries';
import { normaliseHours } from '../src/features/hours/hours';
import { proposeMeeting } from '../src/features/meetings/mutations';
import { watchMeetings } from '../src/features/meetings/queries';
import { amsterdamToUtc } from '../src/features/meetings/time';
import { watchNotices, type Notice } from '../src/features/notices/queries';
import type { MaatjeDB } from '../src/store/db';
import { first, pairOnServer, today, type Pair } from './pair';

const year = new Date().getUTCFullYear() + 1;
const rejected = async (db: MaatjeDB) => (await first<Notice[]>(watchNotices(db))).filter((n) => n.kind === 'rejected');

describe('past a limit, against the real server', () => {
  let pair: Pair;
  beforeEach(async () => {
    pair = await pairOnServer();
  });

  it('the 11th activity of a day waits, then leaves the list, and a notice says why', async () => {
    for (let i = 0; i < 11; i += 1) {
      await logActivity(pair.anna, pair.matchId, { type: 'library', day: today(), minutes: 30, initiative: 'both', note: '' });
    }
    let shown = await first(watchActivities(pair.anna, pair.matchId, 'newcomer'));
    expect(shown.filter((a) => a.pending)).toHaveLength(11);
    await pair.sync(pair.anna);
    shown = await first(watchActivities(pair.anna, pair.matchId, 'newcomer'));
    expect(shown.map((a) => a.pending)).toEqual(Array(10).fill(false));
    const notices = await rejected(pair.anna);
    expect(notices.map((n) => n.code)).toEqual(['too_many_activities']);
    expect(notices[0].message).toContain('hoogstens 10 activiteiten');
    await pair.sync(pair.bram);
    expect(await first(watchActivities(pair.bram, pair.matchId, 'buddy'))).toHaveLength(10);
  });

  it('the 21st open proposal waits, then leaves the list, and a notice says what to do', async () => {
    for (let i = 0; i < 21; i += 1) {
      const startsAt = amsterdamToUtc(`${year}-03-${String(i + 1).padStart(2, '0')}`, '10:00');
      await proposeMeeting(pair.anna, pair.matchId, { slots: [{ starts_at: startsAt, minutes: 60 }], place: 'Bibliotheek', video_url: '', note: '' });
    }
    const before = await first(watchMeetings(pair.anna, pair.matchId));
    expect(before.meetings.filter((m) => m.pending)).toHaveLength(21);
    await pair.sync(pair.anna);
    const { meetings } = await first(watchMeetings(pair.anna, pair.matchId));
    expect(meetings.map((m) => m.pending)).toEqual(Array(20).fill(false));
    const notices = await rejected(pair.anna);
    expect(notices.map((n) => n.code)).toEqual(['too_many_proposals']);
    expect(notices[0].message).toContain('20 afspraken');
  });
});

describe('the hours page', () => {
  it('reads the days the server capped at 16 hours (none when an older server does not say)', () => {
    expect(normaliseHours({ kind: 'mdt', minutes_total: 1920, capped_days: 2, entries: [] }).capped_days).toBe(2);
    expect(normaliseHours({ kind: 'mdt', minutes_total: 60, entries: [] }).capped_days).toBe(0);
  });
});
