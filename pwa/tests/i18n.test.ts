import { afterEach, describe, expect, it } from 'vitest';
import { format, pluralIndex, translate, translatePlural, type Catalog } from '../src/i18n/catalog';
import { _, currentDir, formatDateTime, hasUnreviewed, loadCatalog, ngettext, setCatalog, setLanguage } from '../src/i18n';
import { dirOf, matchLanguage } from '../src/i18n/languages';

const FORMS = ['صفر', 'واحد', 'اثنان', 'قليل', 'كثير', 'آخر'];
const arabic: Catalog = {
  lang: 'ar',
  dir: 'rtl',
  plural_categories: ['zero', 'one', 'two', 'few', 'many', 'other'],
  messages: { Opslaan: 'حفظ', '{n} wijziging wacht': FORMS.map((f) => `{n} ${f}`) },
  unreviewed: ['Opslaan'],
};

function fakeFetch(files: Record<string, unknown>): typeof fetch {
  return (async (url: string) => {
    const body = files[url];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
}

afterEach(() => setCatalog('nl', null));

describe('plural forms', () => {
  it.each([
    [0, 'صفر'],
    [1, 'واحد'],
    [2, 'اثنان'],
    [3, 'قليل'],
    [11, 'كثير'],
    [100, 'آخر'],
  ])('Arabic %i picks the form %s', (n, form) => {
    expect(translatePlural(arabic, '{n} wijziging wacht', '{n} wijzigingen wachten', n)).toBe(`{n} ${form}`);
  });

  it('takes the last form when the catalog lacks the category', () => {
    const short: Catalog = { ...arabic, plural_categories: ['one', 'other'] };
    expect(pluralIndex(short, 3)).toBe(1);
  });

  it('falls back to the Dutch rule without a catalog', () => {
    expect(translatePlural(null, '{n} wijziging wacht', '{n} wijzigingen wachten', 1)).toBe('{n} wijziging wacht');
    expect(translatePlural(null, '{n} wijziging wacht', '{n} wijzigingen wachten', 0)).toBe('{n} wijzigingen wachten');
  });

  it('ngettext fills in {n} formatted for the language', () => {
    setCatalog('ar', arabic);
    expect(ngettext('{n} wijziging wacht', '{n} wijzigingen wachten', 3)).toBe(`${new Intl.NumberFormat('ar').format(3)} قليل`);
    setCatalog('nl', null);
    expect(ngettext('{n} wijziging wacht', '{n} wijzigingen wachten', 5)).toBe('5 wijzigingen wachten');
  });
});

describe('lookup and fallback', () => {
  it('translates known msgids and returns the msgid otherwise', () => {
    expect(translate(arabic, 'Opslaan')).toBe('حفظ');
    expect(translate(arabic, 'Uitloggen')).toBe('Uitloggen');
    expect(translate({ ...arabic, messages: { Opslaan: '' } }, 'Opslaan')).toBe('Opslaan');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('Hallo {name}!', { name: 'Amal' })).toBe('Hallo Amal!');
    expect(format('Hallo {name}!', {})).toBe('Hallo {name}!');
  });

  it('a missing catalog file leaves the Dutch msgids in place', async () => {
    await setLanguage('ti', { fetchFn: fakeFetch({}) });
    expect(_('Opslaan')).toBe('Opslaan');
  });

  it('an HTML page instead of JSON is not taken for a catalog', async () => {
    expect(await loadCatalog('en', fakeFetch({ '/i18n/en.json': '<!doctype html><html></html>' }))).toBeNull();
  });

  it('a loaded catalog translates and reports unreviewed entries', async () => {
    await setLanguage('ar', { fetchFn: fakeFetch({ '/i18n/ar.json': arabic }) });
    expect(_('Opslaan')).toBe('حفظ');
    expect(hasUnreviewed()).toBe(true);
    setCatalog('en', { ...arabic, lang: 'en', dir: 'ltr', unreviewed: [] });
    expect(hasUnreviewed()).toBe(false);
  });
});

describe('dates and times', () => {
  it('shows UTC instants in Dutch time, across the daylight-saving switch', () => {
    setCatalog('nl', null);
    const now = new Date('2024-03-31T12:00:00Z');
    expect(formatDateTime(new Date('2024-03-31T00:30:00Z'), now)).toBe('01:30'); // still winter time (UTC+1)
    expect(formatDateTime(new Date('2024-03-31T01:30:00Z'), now)).toBe('03:30'); // summer time (UTC+2)
  });

  it('adds the date when it is not today in Amsterdam', () => {
    setCatalog('nl', null);
    // 23:30 UTC on 30 March is already 31 March in Amsterdam: same day as `now`.
    expect(formatDateTime(new Date('2024-03-30T23:30:00Z'), new Date('2024-03-31T08:00:00Z'))).toBe('00:30');
    expect(formatDateTime(new Date('2024-03-29T10:00:00Z'), new Date('2024-03-31T08:00:00Z'))).toMatch(/29 maart.*11:00/);
  });
});

describe('direction', () => {
  it('Arabic and Farsi are right-to-left, the others left-to-right', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('fa')).toBe('rtl');
    expect(dirOf('nl')).toBe('ltr');
    expect(dirOf('ti')).toBe('ltr');
  });

  it('knows the direction even when the catalog file is missing', async () => {
    await setLanguage('fa', { fetchFn: fakeFetch({}) });
    expect(currentDir()).toBe('rtl');
    await setLanguage('uk', { fetchFn: fakeFetch({}) });
    expect(currentDir()).toBe('ltr');
  });

  it('matches browser language tags to a supported language', () => {
    expect(matchLanguage(['fa-IR', 'en'])).toBe('fa');
    expect(matchLanguage(['de-DE', 'pl-PL'])).toBe('pl');
    expect(matchLanguage(['de'])).toBeNull();
  });
});
