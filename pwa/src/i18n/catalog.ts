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

export function translate(catalog: Catalog | null, msgid: string): string {
  const found = catalog?.messages[msgid];
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
): string {
  const forms = catalog?.messages[singular];
  if (catalog && Array.isArray(forms) && forms.length > 0) {
    const form = forms[Math.min(pluralIndex(catalog, n), forms.length - 1)];
    if (form) return form;
  }
  // Source-language (Dutch) rule: one vs. other.
  return n === 1 ? singular : plural;
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
