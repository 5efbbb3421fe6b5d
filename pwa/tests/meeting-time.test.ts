// Meeting times are Dutch time on every phone: 10:00 in Amsterdam is 10:00 on the screen, also on
// the days the clocks change and on a phone set to another time zone. This file sets nothing
// global; run it also as `TZ=America/New_York npx vitest run tests/meeting-time.test.ts` and
// `TZ=Asia/Tehran ...`: the expectations are the same.
import { describe, expect, it } from 'vitest';
import { amsterdamToday, amsterdamToUtc, formatMeeting, formatMeetingTime, NoSuchTimeError, utcToAmsterdam } from '../src/features/meetings/time';

const phoneZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe(`Amsterdam wall time to UTC (this phone's zone: ${phoneZone})`, () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(amsterdamToUtc('2027-01-15', '10:00')).toBe('2027-01-15T09:00:00.000Z');
    expect(amsterdamToUtc('2027-07-15', '10:00')).toBe('2027-07-15T08:00:00.000Z');
  });

  it('is right on the last Sunday of March, when summer time starts', () => {
    expect(amsterdamToUtc('2027-03-28', '10:00')).toBe('2027-03-28T08:00:00.000Z');
    expect(amsterdamToUtc('2027-03-28', '01:45')).toBe('2027-03-28T00:45:00.000Z');
    expect(amsterdamToUtc('2027-03-28', '03:00')).toBe('2027-03-28T01:00:00.000Z');
  });

  it('refuses 02:30 on that March day: the clocks jump from 02:00 to 03:00', () => {
    expect(() => amsterdamToUtc('2027-03-28', '02:30')).toThrow(NoSuchTimeError);
    expect(() => amsterdamToUtc('2027-03-28', '02:00')).toThrow(NoSuchTimeError);
  });

  it('is right on the last Sunday of October, when summer time ends', () => {
    expect(amsterdamToUtc('2027-10-31', '10:00')).toBe('2027-10-31T09:00:00.000Z');
    // 02:30 happens twice: the first one (still summer time) is taken.
    expect(amsterdamToUtc('2027-10-31', '02:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(amsterdamToUtc('2027-10-31', '03:00')).toBe('2027-10-31T02:00:00.000Z');
  });

  it('refuses a day or a time that does not exist', () => {
    expect(() => amsterdamToUtc('2027-02-30', '10:00')).toThrow(RangeError);
    expect(() => amsterdamToUtc('2027-02-03', '24:00')).toThrow(RangeError);
    expect(() => amsterdamToUtc('3 feb', '10:00')).toThrow(RangeError);
  });

  it('goes back to the same wall time', () => {
    for (const [day, time] of [['2027-03-28', '10:00'], ['2027-10-31', '10:00'], ['2027-12-31', '23:45'], ['2027-03-27', '00:15']]) {
      expect(utcToAmsterdam(amsterdamToUtc(day, time))).toEqual({ day, time });
    }
    expect(amsterdamToday(new Date('2027-03-27T23:30:00Z'))).toBe('2027-03-28'); // already Sunday in Amsterdam
  });
});

describe('a meeting time on the screen', () => {
  it('shows 10:00 on both days the clocks change, in Dutch', () => {
    expect(formatMeeting('2027-03-28T08:00:00Z', 'nl')).toBe('zondag 28 maart 2027 om 10:00');
    expect(formatMeeting('2027-10-31T09:00:00Z', 'nl')).toBe('zondag 31 oktober 2027 om 10:00');
    expect(formatMeetingTime('2027-03-28T08:00:00Z', 'nl')).toBe('10:00');
  });

  it('is the same text as Intl gives for Amsterdam, whatever the phone zone', () => {
    const amsterdam = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(amsterdam.format(new Date('2027-03-28T08:00:00Z'))).toBe('10:00');
    expect(formatMeeting('2027-03-28T08:00:00Z', 'en')).toContain('10:00');
    expect(formatMeeting('2027-03-28T08:00:00Z', 'en')).toContain('Sunday');
  });

  it('is Gregorian in Farsi, with Persian digits', () => {
    const text = formatMeeting('2027-03-28T08:00:00Z', 'fa');
    expect(text).toContain('۲۰۲۷'); // 2027, not the Solar Hijri year 1406
    expect(text).toContain('۱۰:۰۰');
  });

  it('uses Arabic and Tigrinya (from the catalog) names', () => {
    expect(formatMeeting('2027-03-28T08:00:00Z', 'ar')).toMatch(/الأحد/);
    const ti: Record<string, string> = { zondag: 'ሰንበት', maart: 'መጋቢት' };
    expect(formatMeeting('2027-03-28T08:00:00Z', 'ti', (s) => ti[s] ?? s, false)).toBe('ሰንበት 28 መጋቢት 2027 10:00');
    expect(formatMeetingTime('2027-10-31T09:00:00Z', 'ti', false)).toBe('10:00');
  });
});
