// Shared activities on the phone: a logged one shows at once (offline too) marked waiting, a
// removed one disappears, the balance of initiative counts from this phone's side; and against
// the real server, one logged offline reaches the other phone after the next sync.
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../src/api.testing';
import { logActivity, removeActivity } from '../src/features/activities/mutations';
import { balanceOf, byDay, overlayActivities } from '../src/features/activities/overlay';
import { watchActivities } from '../src/features/activities/queries';
import { durationText } from '../src/features/activities/words';
import type { ActivityData, Mutation } from '../src/types';
import { first, pairOnServer, today, type Pair } from './pair';

const M = '44444444-4444-4444-8444-444444444444';
const TYPES = { library: { label: 'Bieb', domain: 'taal' as const, icon: 'book' }, cv: { label: 'Cv', domain: 'werk' as const, icon: 'document' } };

function activity(id: string, initiative: ActivityData['initiative'], domain: ActivityData['domain'] = 'taal', day = '2026-11-01'): ActivityData {
  return { id, match_id: M, type: domain === 'taal' ? 'library' : 'cv', domain, day, minutes: 60, initiative, note: '', logged_by: 'buddy', created_at: `${day}T10:00:00+00:00` };
}

const mutation = (mid: number, name: string, args: Record<string, unknown>): Mutation => ({ mid, name, args });

describe('the activity overlay', () => {
  it('adds a logged activity as pending, with its domain from the catalogue, and the phone as logger', () => {
    const shown = overlayActivities([activity('a1', 'buddy')], [
      mutation(1, 'activity.log', { id: 'a2', match_id: M, type: 'cv', day: '2026-11-02', minutes: 30, initiative: 'both', note: 'Fijn' }),
    ], 'newcomer', TYPES);
    expect(shown.map((a) => [a.id, a.domain, a.pending, a.logged_by])).toEqual([
      ['a1', 'taal', false, 'buddy'],
      ['a2', 'werk', true, 'newcomer'],
    ]);
  });

  it('hides a removed activity, pending or stored, and never logs the same id twice', () => {
    const shown = overlayActivities([activity('a1', 'buddy'), activity('a3', 'both')], [
      mutation(1, 'activity.log', { id: 'a2', match_id: M, type: 'cv', day: '2026-11-02', minutes: 30, initiative: 'both' }),
      mutation(2, 'activity.remove', { id: 'a1' }),
      mutation(3, 'activity.remove', { id: 'a2' }),
      mutation(4, 'activity.log', { id: 'a3', match_id: M, type: 'cv', day: '2026-11-02', minutes: 30, initiative: 'newcomer' }),
    ], 'newcomer', TYPES);
    expect(shown.map((a) => [a.id, a.initiative, a.pending])).toEqual([['a3', 'both', false]]);
  });

  it('lists newest first by day', () => {
    const shown = byDay(overlayActivities([activity('old', 'both', 'taal', '2026-10-01'), activity('new', 'both', 'taal', '2026-11-20')], [], 'buddy'));
    expect(shown.map((a) => a.id)).toEqual(['new', 'old']);
  });
});

describe('the balance of initiative', () => {
  const rows = [
    activity('1', 'newcomer'), activity('2', 'newcomer', 'werk'), activity('3', 'buddy'),
    activity('4', 'both', 'werk'), activity('5', 'buddy', 'werk'), activity('6', 'buddy'),
  ];

  it('counts mine, theirs and together from each side, overall and per domain', () => {
    const buddy = balanceOf(rows, 'buddy');
    expect(buddy.all).toEqual({ mine: 3, theirs: 2, both: 1 });
    expect(buddy.domains.taal).toEqual({ mine: 2, theirs: 1, both: 0 });
    expect(buddy.domains.werk).toEqual({ mine: 1, theirs: 1, both: 1 });
    expect(buddy.domains.meedoen).toEqual({ mine: 0, theirs: 0, both: 0 });
    expect(balanceOf(rows, 'newcomer').all).toEqual({ mine: 2, theirs: 3, both: 1 });
  });

  it('names a duration in hours and minutes', () => {
    expect([durationText(30), durationText(60), durationText(90), durationText(120)]).toEqual(['30 minuten', '1 uur', '1 uur en 30 minuten', '2 uur']);
  });
});

describe('against the real server', () => {
  let pair: Pair;
  beforeEach(async () => {
    pair = await pairOnServer();
  });

  it('an activity logged offline waits, is sent on reconnect, and the other phone sees it', async () => {
    server.offline = true;
    const id = await logActivity(pair.anna, pair.matchId, { type: 'library', day: today(), minutes: 45, initiative: 'newcomer', note: ' Boeken ' });
    await pair.sync(pair.anna); // no network: nothing leaves the phone
    let shown = await first(watchActivities(pair.anna, pair.matchId, 'newcomer'));
    expect(shown.map((a) => [a.id, a.pending, a.note])).toEqual([[id, true, 'Boeken']]);

    server.offline = false;
    await pair.sync(pair.anna);
    shown = await first(watchActivities(pair.anna, pair.matchId, 'newcomer'));
    expect(shown.map((a) => [a.id, a.pending, a.domain, a.logged_by])).toEqual([[id, false, 'taal', 'newcomer']]);

    await pair.sync(pair.bram);
    const seen = await first(watchActivities(pair.bram, pair.matchId, 'buddy'));
    expect(seen.map((a) => [a.id, a.minutes, a.initiative])).toEqual([[id, 45, 'newcomer']]);
    expect(balanceOf(seen, 'buddy').all).toEqual({ mine: 0, theirs: 1, both: 0 });
  });

  it('two phones log at the same time and both count; a removal reaches the other phone', async () => {
    const a = await logActivity(pair.anna, pair.matchId, { type: 'cv', day: today(), minutes: 60, initiative: 'newcomer', note: '' });
    const b = await logActivity(pair.bram, pair.matchId, { type: 'market', day: today(), minutes: 30, initiative: 'both', note: '' });
    await pair.sync(pair.anna);
    await pair.sync(pair.bram);
    await pair.sync(pair.anna);
    const ids = (db: typeof pair.anna, role: 'newcomer' | 'buddy') => first(watchActivities(db, pair.matchId, role)).then((r) => r.map((x) => x.id).sort());
    expect(await ids(pair.anna, 'newcomer')).toEqual([a, b].sort());
    expect(await ids(pair.bram, 'buddy')).toEqual([a, b].sort());

    await removeActivity(pair.bram, a);
    expect(await ids(pair.bram, 'buddy')).toEqual([b]); // gone at once on the phone that removed it
    await pair.sync(pair.bram);
    await pair.sync(pair.anna);
    expect(await ids(pair.anna, 'newcomer')).toEqual([b]);
  });
});
