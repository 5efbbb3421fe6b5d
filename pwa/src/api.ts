// The one way to reach the server: JSON in and out, CSRF header, language header, typed errors.
import { ApiError, NetworkError } from './errors';
import { _ } from './i18n';
import type { CatalogueLists, DeviceSession, Municipality, PullRequest, PullResponse, PushRequest, PushResponse, SessionResponse } from './types';

export { ApiError, NetworkError } from './errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A bad mobile connection can hang for minutes; give up and treat it as offline instead.
const TIMEOUT_MS = 15_000;

let csrfToken: string | null = null;
let language = 'nl';
const unauthorizedListeners = new Set<() => void>();

export function setApiLanguage(lang: string): void {
  language = lang;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Told when the server says the session is gone (401), so the app can show the login screen.
export function onUnauthorized(cb: () => void): () => void {
  unauthorizedListeners.add(cb);
  return () => unauthorizedListeners.delete(cb);
}

// Routes used without a session (no CSRF token to send, and a 401 there is no ended session).
const PUBLIC = new Set([
  '/api/auth/login', '/api/auth/activate', '/api/auth/password-reset', '/api/auth/password-reset/confirm',
  '/api/buddies/signup',
]);

async function request<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
  const isLogin = PUBLIC.has(path);
  // After a restart offline we have no token yet; ask for one before the first write.
  if (UNSAFE.has(method) && !isLogin && csrfToken === null) await me();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  // A form (a file upload) sets its own multipart Content-Type with the boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && !isLogin && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let response: Response;
  let data: unknown;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal: abort.signal,
    });
    data = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  } catch {
    throw new NetworkError();
  } finally {
    clearTimeout(timer);
  }
  if (response.ok) return data as T;
  if (response.status === 401 && !isLogin) unauthorizedListeners.forEach((cb) => cb());
  // A stale CSRF token (e.g. the server restarted): fetch a fresh one and try once more.
  if (response.status === 403 && UNSAFE.has(method) && !isLogin && !retried) {
    csrfToken = null;
    return request(method, path, body, true);
  }
  throw toApiError(response, data);
}

// Servers, proxies and gateways do not always answer in our shape; never show raw HTML.
function toApiError(response: Response, data: unknown): ApiError {
  const body = (data ?? {}) as Partial<{ code: number; status: string; message: string; errors: Record<string, string[]> }>;
  const message =
    typeof body.message === 'string' && body.message
      ? body.message
      : _("Er ging iets mis bij de server. Probeer het later opnieuw.");
  return new ApiError(response.status, body.status ?? response.statusText, message, body.errors ?? {});
}

// `login`: an e-mail address or a username.
export async function login(login: string, password: string): Promise<SessionResponse> {
  const session = await request<SessionResponse>('POST', '/api/auth/login', { login, password });
  csrfToken = session.csrf_token;
  return session;
}

// Set the first (or a new) password with a coordinator's activation code; logs in like login().
export async function activate(code: string, password: string, locale: string): Promise<SessionResponse> {
  const session = await request<SessionResponse>('POST', '/api/auth/activate', { code, password, locale });
  csrfToken = session.csrf_token;
  return session;
}

// Ask for a reset link by mail; the server answers alike whether or not the address is known.
export async function requestPasswordReset(email: string): Promise<void> {
  await request<void>('POST', '/api/auth/password-reset', { email });
}

// Set a new password with the secret of the reset link; logs in like login().
export async function resetPassword(token: string, password: string): Promise<SessionResponse> {
  const session = await request<SessionResponse>('POST', '/api/auth/password-reset/confirm', { token, password });
  csrfToken = session.csrf_token;
  return session;
}

export async function me(): Promise<SessionResponse> {
  const session = await request<SessionResponse>('GET', '/api/auth/me');
  csrfToken = session.csrf_token;
  return session;
}

export async function logout(): Promise<void> {
  await request<void>('POST', '/api/auth/logout');
  csrfToken = null;
}

export function health(): Promise<{ status: string }> {
  return request('GET', '/api/health');
}

export function syncPush(body: PushRequest): Promise<PushResponse> {
  return request('POST', '/api/sync/push', body);
}

export function syncPull(body: PullRequest): Promise<PullResponse> {
  return request('POST', '/api/sync/pull', body);
}

// The devices this user is signed in on, newest first; `current` marks this one.
export function sessions(): Promise<DeviceSession[]> {
  return request('GET', '/api/auth/sessions');
}

// Ends one session (another device); ending the current one logs this device out.
export function endSession(id: string): Promise<void> {
  return request('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`);
}

// Plain REST reads and writes for the screens that work online only (the coordinator's):
// the same request(), so they get the CSRF header, the language and the one error shape.
export function getJson<T>(path: string): Promise<T> {
  return request('GET', path);
}

export function postJson<T>(path: string, body: unknown = {}): Promise<T> {
  return request('POST', path, body);
}

export function patchJson<T>(path: string, body: unknown): Promise<T> {
  return request('PATCH', path, body);
}

export function deleteJson<T>(path: string, body?: unknown): Promise<T> {
  return request('DELETE', path, body);
}

// A multipart PUT (a recorded clip): text fields and one file, answered in JSON like the rest.
export function putForm<T>(path: string, fields: Record<string, string>, file: Blob, filename = 'file'): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', file, filename);
  return request('PUT', path, form);
}

// The translated catalogues (languages, interests, kinds of buddy...) in this language; public.
export function catalogues(lang: string): Promise<CatalogueLists> {
  return request('GET', `/api/catalogues?lang=${encodeURIComponent(lang)}`);
}

// The municipal branches one can sign up in, by name; public.
export function municipalities(): Promise<Municipality[]> {
  return request('GET', '/api/catalogues/municipalities');
}

// The public buddy sign-up (no login): 202 also for a known address (its owner gets a mail).
export async function signUpBuddy(payload: Record<string, unknown>): Promise<void> {
  await request<{ status: string }>('POST', '/api/buddies/signup', payload);
}
