// In-memory twin of api.ts with the same exports, plus `server` to steer it from tests.
// Vitest swaps it in for './api' (vite.config.ts), so sync logic runs without a browser or network.
import { ApiError, NetworkError } from './errors';
import { isLang } from './i18n/languages';
import type { Change, DeviceSession, Mutation, PullRequest, PullResponse, PushRequest, PushResponse, PushResult, SessionResponse, Slot, User } from './types';

export { ApiError, NetworkError } from './errors';

interface ServerRow { entity: string; id: string; scope: string; seq: number; data: Record<string, unknown> | null }
interface Client { userId: string; last: number; ledger: Map<number, PushResult> }
interface DeviceRecord extends Omit<DeviceSession, 'current'> { userId: string }

function emptyState() {
  return {
    users: new Map<string, { user: User; password: string }>(),
    rows: new Map<string, ServerRow>(), // by "entity:id"; data null = tombstone
    drops: [] as { userId: string; scope: string; seq: number }[],
    grants: new Map<string, Set<string>>(), // extra scopes (e.g. match:<id>) per user
    clients: new Map<string, Client>(),
    seq: 0,
    epoch: 1, // cursors of an older epoch get reset: true (as if tombstones were cleaned up)
    session: null as string | null,
    devices: [] as DeviceRecord[], // sessions of every user; `session` is the current one's user
    device: null as string | null, // the current session's id
    offline: false,
    failures: [] as number[], // statuses to answer to the next calls, in order
    calls: [] as string[],
  };
}
let state = emptyState();
const unauthorized = new Set<() => void>();
const clone = <T>(value: T): T => structuredClone(value);

// Every call is async and may meet the (simulated) network being down or the server failing.
async function gate(call: string): Promise<void> {
  await Promise.resolve();
  state.calls.push(call);
  if (state.offline) throw new NetworkError();
  const status = state.failures.shift();
  if (status) throw new ApiError(status, 'Error', `Serverfout ${status}`);
}

function sessionUser(): User {
  const entry = state.session ? state.users.get(state.session) : undefined;
  if (!entry) {
    unauthorized.forEach((cb) => cb());
    throw new ApiError(401, 'Unauthorized', 'Log opnieuw in.');
  }
  const profile = state.rows.get(`profile:${entry.user.id}`)?.data ?? {};
  return clone({ ...entry.user, display_name: String(profile.display_name), locale: String(profile.locale) });
}

function writeRow(entity: string, id: string, scope: string, data: Record<string, unknown> | null): void {
  state.rows.set(`${entity}:${id}`, { entity, id, scope, seq: ++state.seq, data: clone(data) });
}

function clientFor(clientId: string, userId: string): Client {
  const client = state.clients.get(clientId) ?? { userId, last: 0, ledger: new Map() };
  state.clients.set(clientId, client);
  if (client.userId !== userId) throw new ApiError(403, 'Forbidden', 'Dit apparaat hoort bij een ander account.');
  return client;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const validSlot = (s: Slot) => Number.isInteger(s.day) && s.day >= 0 && s.day <= 6 && TIME.test(s.start) && TIME.test(s.end) && s.start < s.end;

// Business rules of profile.update; a broken rule rejects the mutation and leaves a notice.
function problemWith(args: Record<string, unknown>): [string, string] | null {
  if ('display_name' in args && (typeof args.display_name !== 'string' || !args.display_name.trim()))
    return ['invalid_display_name', 'Je naam mag niet leeg zijn.'];
  if ('locale' in args && !isLang(args.locale)) return ['invalid_locale', 'Deze taal kennen we niet.'];
  if ('availability' in args && !(Array.isArray(args.availability) && args.availability.every(validSlot)))
    return ['invalid_availability', 'Een tijd klopt niet.'];
  return null;
}

function applyMutation(userId: string, m: Mutation): PushResult {
  const profileRow = state.rows.get(`profile:${userId}`)!;
  const problem = m.name === 'profile.update' ? problemWith(m.args) : ['unknown_mutation', 'Deze wijziging kennen we niet.'];
  if (problem) {
    const [code, message] = problem;
    const id = `notice-${state.seq + 1}`;
    writeRow('notice', id, `user:${userId}`, { id, kind: 'rejected', code, message, mutation: m.name, created_at: new Date().toISOString() });
    return { mid: m.mid, status: 'rejected', code, message, current: clone(profileRow.data) };
  }
  writeRow('profile', userId, `user:${userId}`, { ...profileRow.data, ...clone(m.args) });
  return { mid: m.mid, status: 'applied', code: 'ok', message: '', current: null };
}

export function setApiLanguage(_lang: string): void {}
export function setCsrfToken(_token: string | null): void {}
export function onUnauthorized(cb: () => void): () => void {
  unauthorized.add(cb);
  return () => unauthorized.delete(cb);
}

export async function login(email: string, password: string): Promise<SessionResponse> {
  await gate('login');
  const entry = [...state.users.values()].find((u) => u.user.email === email && u.password === password);
  if (!entry) throw new ApiError(401, 'Unauthorized', 'E-mailadres of wachtwoord klopt niet.');
  state.session = entry.user.id;
  state.device = crypto.randomUUID();
  const now = new Date().toISOString();
  state.devices.unshift({ id: state.device, userId: entry.user.id, device: 'Chrome · Android', created_at: now, last_seen_at: now });
  return { user: sessionUser(), csrf_token: 'test-csrf' };
}

export async function me(): Promise<SessionResponse> {
  await gate('me');
  return { user: sessionUser(), csrf_token: 'test-csrf' };
}

export async function logout(): Promise<void> {
  await gate('logout');
  state.devices = state.devices.filter((d) => d.id !== state.device);
  state.session = null;
}

export async function sessions(): Promise<DeviceSession[]> {
  await gate('sessions');
  const user = sessionUser();
  return clone(state.devices.filter((d) => d.userId === user.id).map(({ userId: _, ...d }) => ({ ...d, current: d.id === state.device })));
}

export async function endSession(id: string): Promise<void> {
  await gate('endSession');
  const user = sessionUser();
  const record = state.devices.find((d) => d.id === id && d.userId === user.id);
  if (!record) throw new ApiError(404, 'Not Found', 'Niet gevonden.');
  state.devices = state.devices.filter((d) => d !== record);
  if (id === state.device) state.session = null;
}

export async function health(): Promise<{ status: string }> {
  await gate('health');
  return { status: 'ok' };
}

export async function syncPush(body: PushRequest): Promise<PushResponse> {
  await gate('push');
  const user = sessionUser();
  if (body.schema_version !== 1) throw new ApiError(426, 'Upgrade Required', 'Werk de app bij.');
  const client = clientFor(body.client_id, user.id);
  const results: PushResult[] = [];
  let stopped: PushResponse['stopped'] = null;
  for (const m of clone(body.mutations)) {
    if (m.mid <= client.last) {
      results.push({ ...(client.ledger.get(m.mid) ?? { mid: m.mid }), status: 'duplicate' });
      continue;
    }
    if (m.mid > client.last + 1) {
      stopped = { mid: m.mid, code: 'gap', expected: client.last + 1 };
      break;
    }
    const result = applyMutation(user.id, m);
    client.last = m.mid;
    client.ledger.set(m.mid, result);
    results.push(result);
  }
  return clone({ results, last_mutation_id: client.last, stopped, user_id: user.id });
}

export async function syncPull(body: PullRequest): Promise<PullResponse> {
  await gate('pull');
  const user = sessionUser();
  if (body.schema_version !== 1) throw new ApiError(426, 'Upgrade Required', 'Werk de app bij.');
  // Like the server, a pull never binds a client id (only a push does); another user's is 403.
  const client = state.clients.get(body.client_id) ?? { userId: user.id, last: 0 };
  if (client.userId !== user.id) throw new ApiError(403, 'Forbidden', 'Dit apparaat hoort bij een ander account.');
  const [epoch, asked] = (body.cursor ?? `${state.epoch}:0`).split(':').map(Number);
  const reset = epoch !== state.epoch;
  const from = reset ? 0 : asked;
  const scopes = new Set([`user:${user.id}`, ...(state.grants.get(user.id) ?? [])]);
  type Event = { seq: number; change?: Change; drop?: string };
  const events: Event[] = [
    ...[...state.rows.values()]
      .filter((r) => r.seq > from && scopes.has(r.scope) && (from > 0 || r.data !== null))
      .map((r): Event => ({
        seq: r.seq,
        change: r.data
          ? { op: 'put', entity: r.entity, id: r.id, scope: r.scope, seq: r.seq, data: r.data }
          : { op: 'del', entity: r.entity, id: r.id, scope: r.scope, seq: r.seq },
      })),
    ...state.drops.filter((d) => d.userId === user.id && d.seq > from).map((d): Event => ({ seq: d.seq, drop: d.scope })),
  ].sort((a, b) => a.seq - b.seq);
  const page = events.slice(0, body.limit);
  return clone({
    changes: page.flatMap((e) => (e.change ? [e.change] : [])),
    drop_scope: page.flatMap((e) => (e.drop ? [e.drop] : [])),
    reset,
    last_mutation_id: client.last,
    has_more: events.length > page.length,
    cursor: `${state.epoch}:${page.length ? page[page.length - 1].seq : Math.max(from, state.seq)}`,
    user_id: user.id,
  });
}

// Steering wheel for tests: users, server-side writes, scopes, failures.
export const server = {
  reset(): void {
    state = emptyState();
    unauthorized.clear();
  },
  addUser(user: Omit<User, 'organisation'> & { password: string }): User {
    const { password, ...rest } = user;
    const full: User = { organisation: null, ...rest };
    state.users.set(full.id, { user: full, password });
    writeRow('profile', full.id, `user:${full.id}`, { id: full.id, display_name: full.display_name, locale: full.locale, availability: [] });
    return clone(full);
  },
  set offline(value: boolean) { state.offline = value; },
  failNext(...statuses: number[]): void { state.failures.push(...statuses); },
  get calls(): readonly string[] { return state.calls; },
  profile: (userId: string) => clone(state.rows.get(`profile:${userId}`)?.data ?? null),
  lastMutationId: (clientId: string) => state.clients.get(clientId)?.last ?? 0,
  putRow: (entity: string, id: string, scope: string, data: Record<string, unknown>) => writeRow(entity, id, scope, data),
  deleteRow(entity: string, id: string): void {
    const row = state.rows.get(`${entity}:${id}`);
    if (row) writeRow(entity, id, row.scope, null);
  },
  grant(userId: string, scope: string): void {
    state.grants.set(userId, new Set([...(state.grants.get(userId) ?? []), scope]));
    for (const row of state.rows.values()) if (row.scope === scope && row.data) writeRow(row.entity, row.id, scope, row.data);
  },
  revoke(userId: string, scope: string): void {
    state.grants.get(userId)?.delete(scope);
    state.drops.push({ userId, scope, seq: ++state.seq });
  },
  // Another device of `userId` signs in (a session record as the server keeps one).
  addDevice(userId: string, device: string, lastSeen: string): string {
    const id = crypto.randomUUID();
    state.devices.push({ id, userId, device, created_at: lastSeen, last_seen_at: lastSeen });
    return id;
  },
  deviceIds: (userId: string) => state.devices.filter((d) => d.userId === userId).map((d) => d.id),
  // Pretend old tombstones were cleaned up: every cursor handed out so far is too old.
  expireCursors(): void { state.epoch += 1; },
  // Pretend the server was restored from a backup that knows nothing of this client.
  forgetClient(clientId: string): void { state.clients.delete(clientId); },
};

