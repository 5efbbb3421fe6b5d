// What the screens show of a match's goals (pure): the stored rows with this phone's pending
// changes applied as the server would apply them, each changed goal marked pending.
import type { Domain, GoalData, GoalStep, Mutation, Side } from '../../types';

export interface ShownGoal extends GoalData {
  pending: boolean;
}

export function overlayGoals(base: readonly GoalData[], pending: readonly Mutation[], role: Side): ShownGoal[] {
  const rows = new Map<string, ShownGoal>(base.map((g) => [g.id, { ...g, steps: [...g.steps], pending: false }]));
  for (const m of [...pending].sort((a, b) => a.mid - b.mid)) {
    if (!m.name.startsWith('goal.')) continue;
    const a = m.args;
    const at = (m as { created_at?: string }).created_at ?? '';
    if (m.name === 'goal.add') {
      if (typeof a.id !== 'string' || typeof a.match_id !== 'string' || rows.has(a.id)) continue;
      rows.set(a.id, {
        id: a.id, match_id: a.match_id, domain: a.domain as Domain, code: typeof a.code === 'string' ? a.code : null,
        title: typeof a.code === 'string' ? '' : String(a.title ?? ''), level: 0,
        steps: ((a.steps as Array<{ id: string; text: string }>) ?? []).map((s) => ({ id: s.id, text: s.text, done: false })),
        done_at: null, added_by: role, created_at: at, updated_at: at, pending: true,
      });
      continue;
    }
    const id = m.name === 'goal.edit' ? a.id : a.goal_id;
    const row = typeof id === 'string' ? rows.get(id) : undefined;
    if (!row) continue;
    const next: ShownGoal = { ...row, steps: [...row.steps], pending: true, updated_at: at || row.updated_at };
    if (m.name === 'goal.edit') {
      if (typeof a.title === 'string') next.title = a.title;
      if (typeof a.level === 'number') next.level = a.level as GoalData['level'];
      if (typeof a.done === 'boolean') next.done_at = a.done ? (row.done_at ?? (at || new Date().toISOString())) : null;
    } else if (m.name === 'goal.step_add') {
      const step = a.step as GoalStep | undefined;
      if (step && !next.steps.some((s) => s.id === step.id)) next.steps.push({ id: step.id, text: step.text, done: false });
    } else if (m.name === 'goal.step_set') {
      next.steps = next.steps.map((s) => (s.id === a.step_id ? { ...s, done: Boolean(a.done) } : s));
    } else if (m.name === 'goal.step_remove') {
      next.steps = next.steps.filter((s) => s.id !== a.step_id);
    } else continue;
    rows.set(row.id, next);
  }
  return [...rows.values()];
}

// Open goals first (oldest first, the order they were set), then done ones (newest done first).
export function splitGoals(goals: readonly ShownGoal[]): { open: ShownGoal[]; done: ShownGoal[] } {
  const open = goals.filter((g) => !g.done_at).sort((a, b) => a.created_at.localeCompare(b.created_at));
  const done = goals.filter((g) => g.done_at).sort((a, b) => (b.done_at ?? '').localeCompare(a.done_at ?? ''));
  return { open, done };
}

// How far a goal is, 0..1: its ticked steps, or its level when it has none.
export function progress(goal: GoalData): number {
  if (goal.done_at) return 1;
  if (goal.steps.length > 0) return goal.steps.filter((s) => s.done).length / goal.steps.length;
  return goal.level / 4;
}

// A goal's name: its own words, or its catalogue label.
export function goalTitle(goal: GoalData, labels: Record<string, Record<string, string>>): string {
  if (goal.title) return goal.title;
  return (goal.code && labels[goal.domain]?.[goal.code]) || goal.code || '';
}
