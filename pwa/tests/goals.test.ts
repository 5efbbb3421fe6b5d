// Goals on the phone: added from the catalogue or in own words, steps added, ticked and removed,
// a level without steps, done goals apart; and against the real server, two phones ticking two
// different steps both count.
import { beforeEach, describe, expect, it } from 'vitest';
import { addGoal, addStep, removeStep, setDone, setLevel, tickStep } from '../src/features/goals/mutations';
import { goalTitle, overlayGoals, progress, splitGoals } from '../src/features/goals/overlay';
import { watchGoals } from '../src/features/goals/queries';
import type { GoalData, Mutation } from '../src/types';
import { freshDb } from './helpers';
import { first, pairOnServer, type Pair } from './pair';

const M = '44444444-4444-4444-8444-444444444444';

function goal(id: string, extra: Partial<GoalData> = {}): GoalData {
  return {
    id, match_id: M, domain: 'taal', code: null, title: 'Boodschappen doen in het Nederlands', level: 0, steps: [],
    done_at: null, added_by: 'buddy', created_at: '2026-11-01T10:00:00+00:00', updated_at: '2026-11-01T10:00:00+00:00', ...extra,
  };
}

const mutation = (mid: number, name: string, args: Record<string, unknown>): Mutation => ({ mid, name, args });

describe('the goal overlay', () => {
  it('shows a new goal with its steps as pending; a catalogue goal is named by its label', () => {
    const [own, coded] = overlayGoals([], [
      mutation(1, 'goal.add', { id: 'g1', match_id: M, domain: 'werk', title: 'Een fiets kopen', steps: [{ id: 's1', text: 'Marktplaats' }] }),
      mutation(2, 'goal.add', { id: 'g2', match_id: M, domain: 'werk', code: 'cv', steps: [] }),
    ], 'newcomer');
    expect([own.title, own.domain, own.pending, own.added_by, own.steps]).toEqual(['Een fiets kopen', 'werk', true, 'newcomer', [{ id: 's1', text: 'Marktplaats', done: false }]]);
    expect(goalTitle(coded, { werk: { cv: 'Een cv maken' } })).toBe('Een cv maken');
  });

  it('adds, ticks and removes steps one by one, and sets level and done', () => {
    const base = [goal('g1', { steps: [{ id: 's1', text: 'Bellen', done: false }, { id: 's2', text: 'Gaan', done: false }] }), goal('g2')];
    const shown = overlayGoals(base, [
      mutation(1, 'goal.step_set', { goal_id: 'g1', step_id: 's2', done: true }),
      mutation(2, 'goal.step_add', { goal_id: 'g1', step: { id: 's3', text: 'Vieren' } }),
      mutation(3, 'goal.step_remove', { goal_id: 'g1', step_id: 's1' }),
      mutation(4, 'goal.edit', { id: 'g2', level: 2 }),
      mutation(5, 'goal.edit', { id: 'g2', done: true }),
    ], 'buddy');
    const g1 = shown.find((g) => g.id === 'g1')!;
    const g2 = shown.find((g) => g.id === 'g2')!;
    expect(g1.steps.map((s) => [s.id, s.done])).toEqual([['s2', true], ['s3', false]]);
    expect(progress(g1)).toBe(0.5);
    expect([g2.level, g2.done_at !== null, g2.pending]).toEqual([2, true, true]);
    expect(splitGoals(shown).done.map((g) => g.id)).toEqual(['g2']);
    expect(splitGoals(shown).open.map((g) => g.id)).toEqual(['g1']);
  });

  it('a level counts as progress only without steps', () => {
    expect(progress(goal('g', { level: 2 }))).toBe(0.5);
    expect(progress(goal('g', { level: 3, steps: [{ id: 's', text: 't', done: false }] }))).toBe(0);
    expect(progress(goal('g', { done_at: '2026-11-02T10:00:00Z' }))).toBe(1);
  });

  it('a done goal opened again is open; changes to unknown goals are left out', () => {
    const shown = overlayGoals([goal('g1', { done_at: '2026-11-02T10:00:00Z' })], [
      mutation(1, 'goal.edit', { id: 'g1', done: false }),
      mutation(2, 'goal.step_set', { goal_id: 'nope', step_id: 'x', done: true }),
    ], 'buddy');
    expect(shown.map((g) => [g.id, g.done_at])).toEqual([['g1', null]]);
  });
});

describe('queued on the phone', () => {
  it('sends exactly the arguments the server expects', async () => {
    const db = freshDb();
    const id = await addGoal(db, M, 'taal', { code: 'speaking' }, ['Elke dag 10 minuten', ' ']);
    await addGoal(db, M, 'meedoen', { title: '  Lid worden van de voetbalclub ' });
    const step = await addStep(db, id, ' Oefenen ');
    await tickStep(db, id, step, true);
    await removeStep(db, id, step);
    await setLevel(db, id, 1);
    await setDone(db, id, true);
    const sent = (await db.outbox.toArray()).map((m) => [m.name, Object.keys(m.args).sort()]);
    expect(sent).toEqual([
      ['goal.add', ['code', 'domain', 'id', 'match_id', 'steps']],
      ['goal.add', ['domain', 'id', 'match_id', 'steps', 'title']],
      ['goal.step_add', ['goal_id', 'step']],
      ['goal.step_set', ['done', 'goal_id', 'step_id']],
      ['goal.step_remove', ['goal_id', 'step_id']],
      ['goal.edit', ['id', 'level']],
      ['goal.edit', ['done', 'id']],
    ]);
    const [first_] = await db.outbox.toArray();
    expect((first_.args.steps as unknown[]).length).toBe(1); // the empty step is left out
  });
});

describe('against the real server', () => {
  let pair: Pair;
  beforeEach(async () => {
    pair = await pairOnServer();
  });

  it('two phones tick two different steps offline: after syncing both are ticked on both', async () => {
    const id = await addGoal(pair.anna, pair.matchId, 'taal', { title: 'Naar de huisarts bellen' }, ['Nummer opzoeken', 'Zinnen oefenen']);
    await pair.sync(pair.anna);
    await pair.sync(pair.bram);
    const [onBram] = await first(watchGoals(pair.bram, pair.matchId, 'buddy'));
    expect(onBram.title).toBe('Naar de huisarts bellen');
    const [s1, s2] = onBram.steps;

    await tickStep(pair.anna, id, s1.id, true); // both offline, each ticks one
    await tickStep(pair.bram, id, s2.id, true);
    await pair.sync(pair.anna);
    await pair.sync(pair.bram);
    await pair.sync(pair.anna);
    for (const [db, role] of [[pair.anna, 'newcomer'], [pair.bram, 'buddy']] as const) {
      const [shown] = await first(watchGoals(db, pair.matchId, role));
      expect(shown.steps.map((s) => s.done)).toEqual([true, true]);
      expect(shown.pending).toBe(false);
    }
  });

  it('a goal marked done on one phone shows as done on the other, and stays', async () => {
    const id = await addGoal(pair.bram, pair.matchId, 'werk', { code: 'cv' });
    await setDone(pair.bram, id, true);
    await pair.sync(pair.bram);
    await pair.sync(pair.anna);
    const goals = await first(watchGoals(pair.anna, pair.matchId, 'newcomer'));
    const { open, done } = splitGoals(goals);
    expect(open).toEqual([]);
    expect(done.map((g) => [g.id, g.code, g.added_by])).toEqual([[id, 'cv', 'buddy']]);
  });
});
