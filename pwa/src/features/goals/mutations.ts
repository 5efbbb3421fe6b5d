// Goals of a pair, changed from either phone (offline too). goal.edit names only the fields it
// changes; each step has its own mutations, so two phones ticking different steps both count.
import type { MaatjeDB } from '../../store/db';
import { enqueue } from '../../sync/outbox';
import type { Domain, GoalData } from '../../types';
import { uuid } from '../../uuid';

// A goal from the catalogue (code) or in the pair's own words (title).
export async function addGoal(db: MaatjeDB, matchId: string, domain: Domain, goal: { code: string } | { title: string }, steps: string[] = []): Promise<string> {
  const id = uuid();
  const args: Record<string, unknown> = { id, match_id: matchId, domain, steps: steps.filter((s) => s.trim()).map((text) => ({ id: uuid(), text: text.trim() })) };
  if ('code' in goal) args.code = goal.code;
  else args.title = goal.title.trim();
  await enqueue(db, 'goal.add', args);
  return id;
}

export function setLevel(db: MaatjeDB, goalId: string, level: GoalData['level']): Promise<number> {
  return enqueue(db, 'goal.edit', { id: goalId, level });
}

export function setDone(db: MaatjeDB, goalId: string, done: boolean): Promise<number> {
  return enqueue(db, 'goal.edit', { id: goalId, done });
}

export async function addStep(db: MaatjeDB, goalId: string, text: string): Promise<string> {
  const id = uuid();
  await enqueue(db, 'goal.step_add', { goal_id: goalId, step: { id, text: text.trim() } });
  return id;
}

export function tickStep(db: MaatjeDB, goalId: string, stepId: string, done: boolean): Promise<number> {
  return enqueue(db, 'goal.step_set', { goal_id: goalId, step_id: stepId, done });
}

export function removeStep(db: MaatjeDB, goalId: string, stepId: string): Promise<number> {
  return enqueue(db, 'goal.step_remove', { goal_id: goalId, step_id: stepId });
}
