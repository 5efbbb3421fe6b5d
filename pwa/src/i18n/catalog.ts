// Pure catalog lookups (no state), so they are easy to test for every language.
import type { Dir } from './languages';

// The JSON shape written into public/i18n/<lang>.json by the backend's build step.
export interface Catalog {
  lang: string;
  dir: Dir;
  plural_categories: string[];
  messages: Record<string, string | string[]>;
  unreviewed?: string[];
}

// gettext's key of an entry with a msgctxt: "context\u0004msgid" (the JSON export writes it so).
export const CONTEXT_GLUE = '\u0004';

export function catalogKey(msgid: string, context?: string): string {
  return context === undefined ? msgid : `${context}${CONTEXT_GLUE}${msgid}`;
}

// The msgid of a catalog key, without its context.
export function msgidOf(key: string): string {
  const glue = key.indexOf(CONTEXT_GLUE);
  return glue < 0 ? key : key.slice(glue + 1);
}

export function translate(catalog: Catalog | null, msgid: string, context?: string): string {
  const found = catalog?.messages[catalogKey(msgid, context)];
  return typeof found === 'string' && found !== '' ? found : msgid;
}

// CLDR category -> index into the msgstr forms; an unknown category takes the last form.
export function pluralIndex(catalog: Catalog, n: number): number {
  const category = new Intl.PluralRules(catalog.lang).select(n);
  const index = catalog.plural_categories.indexOf(category);
  return index >= 0 ? index : catalog.plural_categories.length - 1;
}

export function translatePlural(
  catalog: Catalog | null,
  singular: string,
  plural: string,
  n: number,
  context?: string,
): string {
  return (catalog && pluralForm(catalog, catalogKey(singular, context), n)) || (n === 1 ? singular : plural); // Dutch: one vs. other
}

function pluralForm(catalog: Catalog, key: string, n: number): string | null {
  const forms = catalog.messages[key];
  if (!Array.isArray(forms) || forms.length === 0) return null;
  return forms[Math.min(pluralIndex(catalog, n), forms.length - 1)] || null;
}

// An entry the server stored by its catalog key (a notice's msgid, msgid_plural), in the words of
// `catalog` (null: the Dutch source). Null when the catalog lacks it: show the server's own text.
export function lookupEntry(catalog: Catalog | null, key: string, plural: string | null, n: number | null): string | null {
  if (plural !== null) {
    const count = n ?? 0;
    if (catalog === null) return count === 1 ? msgidOf(key) : plural;
    return pluralForm(catalog, key, count);
  }
  if (catalog === null) return msgidOf(key);
  const found = catalog.messages[key];
  return typeof found === 'string' && found !== '' ? found : null;
}

// Python's "%(name)s" / "%(n)d" / "%%", as the API's strings are written (flask-babel fills them
// only when there are values, so without params the text stays as it is). Numbers are written by
// `number` (the language's digits; %d drops the fraction as Python does); an unknown placeholder
// stays visible rather than vanish.
export function formatPythonParts(
  text: string,
  params: Record<string, string | number> | null,
  number: (n: number) => string = String,
): Array<string | Filled> {
  if (!params || Object.keys(params).length === 0) return [text];
  const parts: Array<string | Filled> = [];
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(/%(?:\((\w+)\)([sdif])|%)/g)) {
    plain += text.slice(last, match.index);
    last = match.index + match[0].length;
    const key = match[1];
    if (key === undefined) {
      plain += '%';
    } else if (key in params) {
      if (plain) parts.push(plain);
      plain = '';
      const value = params[key];
      const whole = match[2] === 'd' || match[2] === 'i';
      parts.push({ key, value: typeof value === 'number' ? number(whole ? Math.trunc(value) : value) : String(value) });
    } else {
      plain += match[0];
    }
  }
  plain += text.slice(last);
  if (plain) parts.push(plain);
  return parts;
}

// Replaces {name} placeholders; unknown placeholders stay visible rather than vanish.
export function format(text: string, params: Record<string, string | number> = {}): string {
  return formatParts(text, params)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('');
}

// A filled-in placeholder, kept apart so a screen can isolate it (<bdi>) from the sentence.
export interface Filled {
  key: string;
  value: string;
}

// The sentence split into its own text and the filled-in placeholders, in order.
export function formatParts(text: string, params: Record<string, string | number> = {}): Array<string | Filled> {
  const parts: Array<string | Filled> = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const key = match[1] ?? '';
    if (!(key in params)) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ key, value: String(params[key]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

// Rejects files that are not catalogs (e.g. an HTML error page served instead of JSON).
export function isCatalog(value: unknown): value is Catalog {
  const c = value as Catalog | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.messages === 'object' &&
    c.messages !== null &&
    Array.isArray(c.plural_categories)
  );
}
