// Words the server stored by their catalog entry (notices), and msgctxt: worded with the catalog
// of the moment, so a notice follows the app's language; without the entry, the server's text.
import { afterEach, describe, expect, it } from 'vitest';
import type { VNode } from 'preact';
import { formatPythonParts, lookupEntry, translate, translatePlural, type Catalog } from '../src/i18n/catalog';
import { _, pgettext, setCatalog, wordEntry, type Filled } from '../src/i18n';
import { Parts } from '../src/i18n/T';

const GLUE = '\u0004';
const farsi: Catalog = {
  lang: 'fa',
  dir: 'rtl',
  plural_categories: ['one', 'other'],
  messages: {
    'Deze wijziging bevat ongeldige gegevens.': 'این تغییر داده‌های نامعتبر دارد.',
    'Stuur hoogstens %(n)d wijziging per keer.': ['حداکثر %(n)d تغییر در هر بار بفرستید.', 'حداکثر %(n)d تغییر در هر بار بفرستید.'],
    'Nieuw': 'جدید (دکمه)',
    [`melding${GLUE}Nieuw`]: 'تازه',
    'Hallo %(name)s, nog %(n)d%%': 'سلام %(name)s، هنوز %(n)d٪',
  },
};
const arabic: Catalog = {
  lang: 'ar',
  dir: 'rtl',
  plural_categories: ['zero', 'one', 'two', 'few', 'many', 'other'],
  messages: { 'Nog %(n)d teken': ['z %(n)d', 'o %(n)d', 't %(n)d', 'f %(n)d', 'm %(n)d', 'x %(n)d'] },
};

const text = (parts: Array<string | Filled> | null) =>
  parts === null ? null : parts.map((p) => (typeof p === 'string' ? p : p.value)).join('');

afterEach(() => setCatalog('nl', null));

describe('msgctxt', () => {
  it('keys an entry with a context as gettext does, apart from the same msgid without one', () => {
    expect(translate(farsi, 'Nieuw', 'melding')).toBe('تازه');
    expect(translate(farsi, 'Nieuw')).toBe('جدید (دکمه)');
    expect(translate(farsi, 'Nieuw', 'onbekend')).toBe('Nieuw'); // missing: the Dutch msgid, never the key
    expect(translatePlural(farsi, 'Nieuw', 'Nieuwe', 2, 'onbekend')).toBe('Nieuwe');
  });

  it('pgettext translates with the current catalog and shows the Dutch msgid without one', () => {
    setCatalog('fa', farsi);
    expect(pgettext('melding', 'Nieuw')).toBe('تازه');
    expect(_('Nieuw')).toBe('جدید (دکمه)');
    setCatalog('nl', null);
    expect(pgettext('melding', 'Nieuw')).toBe('Nieuw');
  });
});

describe('Python-format placeholders', () => {
  it('fills %(name)s and %(n)d, keeps each value apart and turns %% into %', () => {
    expect(formatPythonParts('Hallo %(name)s, nog %(n)d%%', { name: 'Amal H.', n: 3 })).toEqual([
      'Hallo ', { key: 'name', value: 'Amal H.' }, ', nog ', { key: 'n', value: '3' }, '%',
    ]);
  });

  it('without values the text stays as it is (flask-babel fills only when there are some)', () => {
    expect(formatPythonParts('100%% zeker', null)).toEqual(['100%% zeker']);
  });

  it('an unknown placeholder stays visible; %d drops a fraction', () => {
    expect(formatPythonParts('%(who)s en %(n)d', { n: 2.7 })).toEqual(['%(who)s en ', { key: 'n', value: '2' }]);
  });
});

describe('a stored entry', () => {
  it('is worded in the current language, numbers in its digits', () => {
    setCatalog('fa', farsi);
    const worded = wordEntry({ msgid: 'Hallo %(name)s, nog %(n)d%%', params: { name: 'Amal', n: 12 } });
    expect(text(worded)).toBe('سلام Amal، هنوز ۱۲٪');
  });

  it('follows a switch of language: the same notice in Dutch, then in Farsi', () => {
    const notice = { msgid: 'Deze wijziging bevat ongeldige gegevens.', message: 'Deze wijziging bevat ongeldige gegevens.' };
    expect(text(wordEntry(notice))).toBe('Deze wijziging bevat ongeldige gegevens.');
    setCatalog('fa', farsi);
    expect(text(wordEntry(notice))).toBe('این تغییر داده‌های نامعتبر دارد.');
  });

  it('picks the plural form by params.num, in the catalog language', () => {
    setCatalog('ar', arabic);
    const entry = (n: number) => ({ msgid: 'Nog %(n)d teken', msgid_plural: 'Nog %(n)d tekens', params: { n, num: n } });
    expect([0, 1, 2, 3, 11, 100].map((n) => text(wordEntry(entry(n))))).toEqual(
      ['z', 'o', 't', 'f', 'm', 'x'].map((form, i) => `${form} ${new Intl.NumberFormat('ar').format([0, 1, 2, 3, 11, 100][i] ?? 0)}`),
    );
    setCatalog('nl', null);
    expect(text(wordEntry(entry(1)))).toBe('Nog 1 teken');
    expect(text(wordEntry(entry(80)))).toBe('Nog 80 tekens');
  });

  it('with a context, by its gettext key; in Dutch, the msgid without its context', () => {
    setCatalog('fa', farsi);
    expect(text(wordEntry({ msgid: `melding${GLUE}Nieuw` }))).toBe('تازه');
    setCatalog('nl', null);
    expect(text(wordEntry({ msgid: `melding${GLUE}Nieuw` }))).toBe('Nieuw');
  });

  it('is null without a msgid, or when the catalog lacks it: the server text is shown', () => {
    setCatalog('fa', farsi);
    expect(wordEntry({ msgid: null })).toBeNull();
    expect(wordEntry({ msgid: 'Een tekst die de catalogus niet kent.' })).toBeNull();
    expect(lookupEntry(farsi, 'Nieuw', 'Nieuwe', 2)).toBeNull(); // a plural asked of a singular entry
  });

  it('isolates each value in a <bdi>', () => {
    const tree = Parts({ parts: ['سلام ', { key: 'name', value: 'Amal' }, '!'] }) as VNode<{ children: Array<string | VNode<{ children: string }>> }>;
    const [, name] = tree.props.children;
    expect(typeof name === 'object' && name.type).toBe('bdi');
  });
});
