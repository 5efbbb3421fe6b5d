import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as real from '../src/api';
import * as twin from '../src/api.testing';
import { ApiError, NetworkError } from '../src/errors';

type Call = { url: string; init: RequestInit };
let calls: Call[];
let answers: Array<Response | Error>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
const header = (call: Call, name: string) => (call.init.headers as Record<string, string>)[name];
const SESSION = { user: { id: 'u1' }, csrf_token: 'tok-1' };

beforeEach(() => {
  calls = [];
  answers = [];
  real.setCsrfToken(null);
  real.setApiLanguage('nl');
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next ?? json(500, {});
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('api', () => {
  it('login sends no CSRF token; later writes carry the one it returned', async () => {
    answers.push(json(200, SESSION), json(200, { results: [], last_mutation_id: 0, stopped: null }));
    await real.login('a@b.nl', 'pw');
    await real.syncPush({ client_id: 'c', schema_version: 1, mutations: [] });
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
    expect(header(calls[1], 'X-CSRF-Token')).toBe('tok-1');
    expect(calls[1].init.credentials).toBe('same-origin');
    expect(JSON.parse(String(calls[1].init.body))).toEqual({ client_id: 'c', schema_version: 1, mutations: [] });
  });

  it('fetches a CSRF token first when a write comes before any login (restart offline)', async () => {
    answers.push(json(200, SESSION), new Response(null, { status: 204 }));
    await real.logout();
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/me', '/api/auth/logout']);
    expect(header(calls[1], 'X-CSRF-Token')).toBe('tok-1');
  });

  it('reads never carry the CSRF token; every request says the language', async () => {
    real.setCsrfToken('tok-2');
    real.setApiLanguage('ar');
    answers.push(json(200, { status: 'ok' }));
    expect(await real.health()).toEqual({ status: 'ok' });
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
    expect(header(calls[0], 'Accept-Language')).toBe('ar');
  });

  it('turns the error shape into an ApiError', async () => {
    answers.push(json(422, { code: 422, status: 'Unprocessable Entity', message: 'Vul je e-mailadres in.', errors: { email: ['Verplicht.'] } }));
    const error = await real.login('', 'pw').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 422, status: 'Unprocessable Entity', message: 'Vul je e-mailadres in.', errors: { email: ['Verplicht.'] } });
  });

  it('a gateway page that is not JSON still gives an ApiError with a readable message', async () => {
    answers.push(new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await real.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(502);
    expect((error as ApiError).message).not.toContain('<html>');
  });

  it('no answer at all is a NetworkError, not an ApiError', async () => {
    answers.push(new TypeError('Failed to fetch'));
    await expect(real.health()).rejects.toBeInstanceOf(NetworkError);
  });

  it('a 403 on a write fetches a fresh CSRF token and retries once', async () => {
    real.setCsrfToken('stale');
    const forbidden = () => json(403, { code: 403, status: 'Forbidden', message: 'CSRF.' });
    answers.push(forbidden(), json(200, SESSION), forbidden(), json(200, SESSION), forbidden());
    await expect(real.syncPush({ client_id: 'c', schema_version: 1, mutations: [] })).rejects.toMatchObject({ code: 403 });
    expect(calls.map((c) => `${c.url} ${header(c, 'X-CSRF-Token') ?? '-'}`)).toEqual([
      '/api/sync/push stale',
      '/api/auth/me -',
      '/api/sync/push tok-1',
    ]);
  });

  it('a 401 tells the listeners, except for a failed login', async () => {
    const seen = vi.fn();
    const off = real.onUnauthorized(seen);
    answers.push(json(401, { code: 401, status: 'Unauthorized', message: 'Log in.' }));
    await expect(real.me()).rejects.toBeInstanceOf(ApiError);
    answers.push(json(401, { code: 401, status: 'Unauthorized', message: 'Onjuist.' }));
    await expect(real.login('a@b.nl', 'wrong')).rejects.toBeInstanceOf(ApiError);
    expect(seen).toHaveBeenCalledTimes(1);
    off();
  });
});

describe('the test twin', () => {
  it('is transport only: every export is the real module\'s own function', () => {
    // The twin adds `server` (set-up through the real server's control routes) and nothing else:
    // no push, pull or profile rule of its own that could drift from the server.
    expect(Object.keys(real).length).toBeGreaterThan(8);
    for (const name of Object.keys(real)) expect(twin[name as keyof typeof twin], name).toBe(real[name as keyof typeof real]);
    expect(Object.keys(twin).filter((name) => !(name in real))).toEqual(['server']);
  });
});
