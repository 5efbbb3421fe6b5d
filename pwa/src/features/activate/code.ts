// Activation codes as people type them, and secrets that arrive in the address's fragment.

// The code's alphabet (backend/accounts/tokens.py): no 0/O, 1/I/L.
export const CODE_LENGTH = 10;
export const EXAMPLE_CODE = 'K7QX-M4TZ-9P';
const ALPHABET = new RegExp(`^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{${CODE_LENGTH}}$`);

// What the server compares: no case, spaces or dashes ("k7qx m4tz-9p" -> "K7QXM4TZ9P").
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

// Tell whether a typed code can be one at all (the server has the last word).
export function looksLikeCode(text: string): boolean {
  return ALPHABET.test(normaliseCode(text));
}

// Take the secret from the address's fragment (#K7QX-M4TZ-9P) and wipe it from the address bar
// and the history: a fragment never reaches a server, and now it lingers nowhere either.
export function takeFragment(): string {
  if (typeof location === 'undefined' || !location.hash || location.hash.startsWith('#/')) return '';
  let secret = location.hash.slice(1);
  try {
    secret = decodeURIComponent(secret);
  } catch {
    // not percent-encoded: keep it as it is
  }
  history.replaceState(history.state, '', location.pathname + location.search);
  return secret.trim();
}
