// The calendar feed's address: a webcal:// link subscribes in the phone's own calendar app.
import { describe, expect, it } from 'vitest';
import { webcalUrl } from '../src/features/calendar/api';

describe('webcalUrl', () => {
  it('turns the https address into a webcal:// one, keeping the token whole', () => {
    const url = 'https://maatje.example.org/api/calendar/feed/abc-DEF_123.ics';
    expect(webcalUrl(url)).toBe('webcal://maatje.example.org/api/calendar/feed/abc-DEF_123.ics');
  });

  it('does the same for a plain http address (a test server)', () => {
    expect(webcalUrl('http://127.0.0.1:5000/api/calendar/feed/x.ics')).toBe('webcal://127.0.0.1:5000/api/calendar/feed/x.ics');
  });
});
