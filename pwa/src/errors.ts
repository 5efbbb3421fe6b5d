// The two ways a request can fail; shared by api.ts and the Vitest twin api.testing.ts.

// The server answered with its one error shape (DESIGN section 5); `message` is already translated.
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// No answer at all (offline, DNS, connection reset): keep local work and retry later.
export class NetworkError extends Error {
  constructor(message = 'network unavailable') {
    super(message);
    this.name = 'NetworkError';
  }
}

// Logging out would wipe changes the server has not received yet: refuse instead.
export class UnsentChangesError extends Error {
  constructor(readonly count: number) {
    super(`${count} unsent changes`);
    this.name = 'UnsentChangesError';
  }
}

// The server's session belongs to another user than the one whose data is on this phone
// (someone logged in in another tab): nothing may be sent or applied.
export class OtherUserError extends Error {
  constructor(readonly userId: string) {
    super('the session belongs to another user');
    this.name = 'OtherUserError';
  }
}

// A change made while a logout runs (in any tab) would be wiped with it: it is refused instead.
export class LoggingOutError extends Error {
  constructor() {
    super('logging out');
    this.name = 'LoggingOutError';
  }
}

// The phone's storage is full: the change or the data could not be written.
export class StorageFullError extends Error {
  constructor() {
    super('storage full');
    this.name = 'StorageFullError';
  }
}

// IndexedDB says QuotaExceededError directly, or as the inner cause of an aborted transaction (Dexie).
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.name === 'QuotaExceededError' || e instanceof StorageFullError) return true;
    e = e.inner as typeof e;
  }
  return false;
}
