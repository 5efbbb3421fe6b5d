// What the screens show of a match's activities (pure): the stored rows, plus this phone's logged
// activities not yet confirmed (marked pending), minus the ones it removed. Also the balance of
// initiative: who started what, counted from this phone's side.
import type { ActivityData, ActivityType, Domain, Mutation, Side } from '../../types';

export interface ShownActivity extends ActivityData {
  pending: boolean;
}

export function overlayActivities(
  base: readonly ActivityData[],
  pending: readonly Mutation[],
  role: Side,
  types: Record<string, ActivityType> = {},
): ShownActivity[] {
  const rows = new Map<string, ShownActivity>(base.map((a) => [a.id, { ...a, pending: false }]));
  for (const m of [...pending].sort((a, b) => a.mid - b.mid)) {
    const a = m.args;
    if (typeof a.id !== 'string') continue;
    if (m.name === 'activity.log' && typeof a.match_id === 'string' && !rows.has(a.id)) {
      const type = String(a.type ?? '');
      rows.set(a.id, {
        id: a.id, match_id: a.match_id, type, domain: types[type]?.domain ?? 'taal', day: String(a.day ?? ''),
        minutes: Number(a.minutes ?? 0), initiative: (a.initiative as ShownActivity['initiative']) ?? 'both',
        note: String(a.note ?? ''), logged_by: role, created_at: (m as { created_at?: string }).created_at ?? '', pending: true,
      });
    } else if (m.name === 'activity.remove') {
      rows.delete(a.id);
    }
  }
  return [...rows.values()];
}

export interface Balance {
  mine: number; // this phone's side took the initiative
  theirs: number; // the other side did
  both: number; // they did it together
}

export interface Balances {
  all: Balance;
  domains: Record<Domain, Balance>;
}

const empty = (): Balance => ({ mine: 0, theirs: 0, both: 0 });

export function balanceOf(activities: readonly ActivityData[], role: Side): Balances {
  const out: Balances = { all: empty(), domains: { taal: empty(), werk: empty(), meedoen: empty() } };
  for (const a of activities) {
    const key: keyof Balance = a.initiative === 'both' ? 'both' : a.initiative === role ? 'mine' : 'theirs';
    out.all[key] += 1;
    const domain = out.domains[a.domain];
    if (domain) domain[key] += 1;
  }
  return out;
}

// Newest first: by day, then by when it was logged.
export function byDay(activities: ShownActivity[]): ShownActivity[] {
  return [...activities].sort((a, b) => b.day.localeCompare(a.day) || b.created_at.localeCompare(a.created_at));
}
