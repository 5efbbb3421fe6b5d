// Dates, times and digits in the app's language; the catalog fills in where Intl has no data.
import { afterEach, describe, expect, it } from 'vitest';
import { dayChoices, formatDateTime, hourChoices, intlKnows, minuteChoices, monthChoices, uses24Hour, weekdayName, yearChoices } from '../src/i18n/dates';
import { joinDate } from '../src/ui/DateSelect';
import { format, formatNumber, ngettext, setCatalog } from '../src/i18n';
import type { Catalog } from '../src/i18n/catalog';

// A Tigrinya catalog: the names a browser without Ethiopic date data must take from it.
const TI_NAMES: Record<string, string> = {
  maandag: 'ሰኑይ', dinsdag: 'ሰሉስ', zondag: 'ሰንበት', november: 'ሕዳር', maart: 'መጋቢት',
};
const t = (msgid: string) => TI_NAMES[msgid] ?? msgid;
const identity = (msgid: string) => msgid;

afterEach(() => setCatalog('nl', null));

describe('a language the browser has no date data for', () => {
  it('is detected', () => {
    expect(intlKnows('nl')).toBe(true);
    expect(intlKnows('tlh')).toBe(false); // Node has no Klingon; Chromium has no Tigrinya
  });

  it('takes weekday and month names from the catalog, with a 24-hour time', () => {
    expect(weekdayName(0, 'ti', t, false)).toBe('ሰኑይ');
    expect(weekdayName(6, 'ti', t, false)).toBe('ሰንበት');
    const now = new Date('2026-11-30T12:00:00Z');
    expect(formatDateTime(new Date('2026-11-29T13:05:00Z'), 'ti', t, { now, known: false })).toBe('29 ሕዳር 14:05');
    expect(formatDateTime(new Date('2026-11-30T16:30:00Z'), 'ti', t, { now, known: false })).toBe('17:30');
    // Dutch time, summer time included (UTC+2 on 31 March 2024 after 01:00 UTC).
    expect(formatDateTime(new Date('2024-03-31T01:30:00Z'), 'ti', t, { withDate: true, known: false })).toBe('31 መጋቢት 03:30');
    expect(uses24Hour('ti', false)).toBe(true);
    expect(hourChoices('ti', false)[9]).toEqual({ value: '09', label: '09' });
  });
});

describe('languages Intl knows keep Intl', () => {
  it('names days in Dutch and Arabic from Intl, not from the catalog', () => {
    expect(weekdayName(0, 'nl', identity)).toBe('maandag');
    expect(weekdayName(4, 'nl', identity)).toBe('vrijdag');
    expect(weekdayName(0, 'ar', identity)).toBe('الاثنين');
    expect(formatDateTime(new Date('2026-11-29T13:05:00Z'), 'nl', identity, { withDate: true })).toBe('29 november om 14:05');
  });

  it('writes Farsi dates in the Gregorian calendar (the one Dutch letters use), in Persian digits', () => {
    const shown = formatDateTime(new Date('2026-11-29T13:05:00Z'), 'fa', identity, { withDate: true });
    expect(shown).toContain('نوامبر'); // November, not the Solar Hijri آذر
    expect(shown).toContain('۲۹');
    expect(shown).not.toMatch(/[0-9]/);
  });
});

describe('time choices', () => {
  it('are 24-hour in Dutch, with two-digit hours', () => {
    expect(uses24Hour('nl')).toBe(true);
    const hours = hourChoices('nl');
    expect(hours).toHaveLength(24);
    expect(hours[9]).toEqual({ value: '09', label: '09' });
    expect(hours[21]).toEqual({ value: '21', label: '21' });
    expect(minuteChoices('nl').map((c) => c.label).slice(0, 3)).toEqual(['00', '05', '10']);
  });

  it('follow CLDR in Arabic (12-hour with the day period) and use Persian digits in Farsi', () => {
    expect(uses24Hour('ar')).toBe(false);
    const hours = hourChoices('ar');
    expect(hours[9]?.value).toBe('09');
    expect(hours[9]?.label).toBe(new Intl.DateTimeFormat('ar', { hour: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, 9)));
    expect(hours[9]?.label).not.toBe(hours[21]?.label); // morning and evening differ
    expect(uses24Hour('fa')).toBe(true);
    expect(hourChoices('fa')[9]).toEqual({ value: '09', label: '۰۹' });
    expect(minuteChoices('fa', 15).map((c) => c.label)).toEqual(['۰۰', '۱۵', '۳۰', '۴۵']);
  });

  it('keep a stored minute that is off the steps', () => {
    expect(minuteChoices('nl', 15, '07').map((c) => c.value)).toEqual(['00', '07', '15', '30', '45']);
    expect(minuteChoices('nl', 15, '30').map((c) => c.value)).toEqual(['00', '15', '30', '45']);
  });
});

describe('digits follow one rule per language', () => {
  const farsi: Catalog = {
    lang: 'fa', dir: 'rtl', plural_categories: ['one', 'other'],
    messages: { 'Moment {n}': 'زمان {n}', '{n} wijziging wacht': ['{n} تغییر', '{n} تغییر'] },
  };

  it('writes numbers filled into a sentence in Persian digits in Farsi, as counts are', () => {
    setCatalog('fa', farsi);
    expect(formatNumber(12)).toBe('۱۲');
    expect(format('Moment {n}', { n: 3 })).toBe('Moment ۳');
    expect(ngettext('{n} wijziging wacht', '{n} wijzigingen wachten', 3)).toBe('۳ تغییر');
    expect(format('Hallo {name}!', { name: 'Amal 2' })).toBe('Hallo Amal 2!'); // typed text stays as typed
    setCatalog('nl', null);
    expect(format('Moment {n}', { n: 3 })).toBe('Moment 3');
  });
});

describe('date choices (DateSelect: no native date input, which follows the browser)', () => {
  it('names the months in the language, from the catalog where Intl has none', () => {
    expect(monthChoices('nl', identity)[2]).toEqual({ value: '03', label: 'maart' });
    expect(monthChoices('ti', t, false)[10]).toEqual({ value: '11', label: 'ሕዳር' });
    expect(monthChoices('fa', identity)[0]!.label).not.toMatch(/[a-z]/); // Gregorian, in Farsi
  });

  it('writes days and years in the language digits, newest year first for a long range', () => {
    expect(dayChoices('fa')[11]).toEqual({ value: '12', label: '۱۲' });
    const years = yearChoices('nl', 1990, 2026);
    expect(years[0]).toEqual({ value: '2026', label: '2026' });
    expect(years.at(-1)!.value).toBe('1990');
    expect(yearChoices('nl', 2025, 2027).map((y) => y.value)).toEqual(['2025', '2026', '2027']);
  });

  it('gives a date only when all three parts make a real day', () => {
    expect(joinDate({ day: '29', month: '02', year: '2024' })).toBe('2024-02-29');
    expect(joinDate({ day: '29', month: '02', year: '2026' })).toBe('');
    expect(joinDate({ day: '31', month: '04', year: '2026' })).toBe('');
    expect(joinDate({ day: '', month: '04', year: '2026' })).toBe('');
  });
});
