// Activation codes as people type them or as the link carries them.
import { describe, expect, it } from 'vitest';
import { looksLikeCode, normaliseCode } from '../src/features/activate/code';

describe('activation codes', () => {
  it('ignores case, spaces and dashes as the server does', () => {
    expect(normaliseCode(' k7qx m4tz-9p ')).toBe('K7QXM4TZ9P');
    expect(normaliseCode('K7QX-M4TZ-9P')).toBe('K7QXM4TZ9P');
  });

  it('accepts ten characters of the alphabet without look-alikes', () => {
    expect(looksLikeCode('k7qx-m4tz-9p')).toBe(true);
    expect(looksLikeCode('K7QX-M4TZ')).toBe(false); // too short
    expect(looksLikeCode('K7QX-M4TZ-0P')).toBe(false); // 0 is never in a code
    expect(looksLikeCode('K7QX-M4TZ-1P')).toBe(false);
  });
});
