// Test twin of api.ts: the same exports (its own code, re-exported) against the REAL Flask app
// that Vitest's globalSetup started (tests/pwa_server.py). The twin is transport only: a cookie
// jar per device, a simulated network (offline, failNext) and `server`, which sets up data
// through the server's test-only control routes. It holds no business rule (STYLE.md section 4).
import { inject } from 'vitest';
import type { User } from './types';

export * from './api.js'; // './api' itself is aliased to this file (vite.config.ts)
import { setCsrfToken } from './api.js';

const base = inject('apiBase');
const nodeFetch = globalThis.fetch.bind(globalThis);
const jars = new Map<string, Map<string, string>>(); // device -> cookie name -> value
const agents = new Map<string, string>(); // device -> User-Agent (the server names devices by it)
let device = 'phone';
let offline = false;
let failures: number[] = [];

function jar(): Map<string, string> {
  if (!jars.has(device)) jars.set(device, new Map());
  return jars.get(device)!;
}

// Remember Set-Cookie like a browser would (a past expiry or Max-Age=0 deletes the cookie).
function keepCookies(response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
    if (gone) jar().delete(name);
    else jar().set(name, pair.slice(eq + 1).trim());
  }
}

// What api.ts calls as `fetch`: the simulated network first, then the real server with the jar.
async function twinFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  await Promise.resolve();
  if (offline) throw new TypeError('Failed to fetch');
  const status = failures.shift();
  if (status) {
    const body = { code: status, status: 'Error', message: `Serverfout ${status}` };
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }
  const headers = new Headers(init.headers);
  const cookie = [...jar()].map(([k, v]) => `${k}=${v}`).join('; ');
  if (cookie) headers.set('Cookie', cookie);
  if (agents.has(device)) headers.set('User-Agent', agents.get(device)!);
  const response = await nodeFetch(`${base}${String(input)}`, { ...init, headers });
  keepCookies(response);
  return response;
}
globalThis.fetch = twinFetch as typeof fetch;

async function control<T = void>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await nodeFetch(`${base}/_test${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

interface Row { entity: string; id: string; scope: string; data: Record<string, unknown> | null }

// Steering wheel for tests: what happens on the server goes through its control routes.
export const server = {
  // Empty the database (but the organisation tree), forget every cookie and simulated failure.
  async reset(): Promise<void> {
    jars.clear();
    agents.clear();
    device = 'phone';
    offline = false;
    failures = [];
    setCsrfToken(null);
    await control('POST', '/reset');
  },
  addUser: (user: Omit<User, 'organisation'> & { password: string }) => control<User>('POST', '/users', user),
  set offline(value: boolean) { offline = value; },
  // Answer the next calls with these statuses without reaching the server (0: let one through).
  failNext(...statuses: number[]): void { failures.push(...statuses); },
  // Switch to another browser (its own cookies, and User-Agent if given); the CSRF token is
  // fetched again on the next write.
  useDevice(name: string, userAgent?: string): void {
    device = name;
    if (userAgent) agents.set(name, userAgent);
    setCsrfToken(null);
  },
  profile: (userId: string) => control<Record<string, unknown> | null>('GET', `/profiles/${userId}`),
  putRow: (entity: string, id: string, scope: string, data: Record<string, unknown>) => server.record([{ entity, id, scope, data }]),
  deleteRow: (entity: string, id: string, scope: string) => server.record([{ entity, id, scope, data: null }]),
  record: (rows: Row[]) => control('POST', '/rows', { rows }),
  // An active match between two users; returns its scope (match:<id>), which both now hold.
  match: async (newcomer: string, buddy: string) => (await control<{ scope: string }>('POST', '/matches', { newcomer, buddy })).scope,
  endMatch: (scope: string) => control('POST', `/matches/${scope.replace(/^match:/, '')}/end`),
  // The tombstone clean-up ran with a horizon in the future: every cursor handed out is too old.
  expireCursors: () => control('POST', '/expire-cursors'),
  // The server was restored from a backup that knows nothing of this client.
  forgetClient: (clientId: string) => control('POST', `/clients/${clientId}/forget`),
};
