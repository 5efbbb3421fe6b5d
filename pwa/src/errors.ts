// The two ways a request can fail; shared by api.ts and its in-memory twin api.testing.ts.

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
