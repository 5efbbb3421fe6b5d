// The current language: loads /i18n/<lang>.json, offers _() and ngettext(), sets lang/dir on <html>.
import {
  format as fill,
  formatParts as fillParts,
  formatPythonParts,
  isCatalog,
  lookupEntry,
  translate,
  translatePlural,
  type Catalog,
  type Filled,
} from './catalog';
import * as dates from './dates';
import './fonts.css'; // in the entry: a few hundred bytes of @font-face, the fonts load on demand
import { dirOf, isLang, matchLanguage, SOURCE_LANG, type Dir, type Lang } from './languages';

export type { Filled } from './catalog';
export type { Choice } from './dates';
export { LANGUAGES, isLang, type Lang } from './languages';

const STORAGE_KEY = 'maatje.lang';

let lang: Lang = SOURCE_LANG;
let catalog: Catalog | null = null;
let switching = 0; // the last of several quick switches wins
const listeners = new Set<(lang: Lang) => void>();

export function _(msgid: string): string {
  return translate(catalog, msgid);
}

// A msgid with a msgctxt: the same Dutch word in two meanings ("Nieuw" a notice, "Nieuw" a button)
// gets two entries, so each language can say each meaning its own way.
export function pgettext(context: string, msgid: string): string {
  return translate(catalog, msgid, context);
}

// {n} is filled in with the number formatted for the language; other params as format().
export function ngettext(
  singular: string,
  plural: string,
  n: number,
  params: Record<string, string | number> = {},
): string {
  const text = translatePlural(catalog, singular, plural, n);
  return format(text, { n: formatNumber(n), ...params });
}

// A text the server stored by its catalog entry (a notice: msgid as gettext keys it, plural,
// Python-format params; the count that picks the form is params.num, else params.n).
export interface StoredEntry {
  msgid?: string | null;
  msgid_plural?: string | null;
  params?: Record<string, string | number> | null;
}

// The stored entry worded in the current language, its values apart (for <bdi>, see <Parts>);
// null when there is no entry or the current catalog lacks it: then the server's own text is shown.
export function wordEntry(entry: StoredEntry): Array<string | Filled> | null {
  if (!entry.msgid) return null;
  if (lang !== SOURCE_LANG && catalog === null) return null; // the catalog did not load
  const params = entry.params && typeof entry.params === 'object' ? entry.params : null;
  const count = typeof params?.num === 'number' ? params.num : typeof params?.n === 'number' ? params.n : null;
  const text = lookupEntry(catalog, entry.msgid, entry.msgid_plural ?? null, count);
  return text === null ? null : formatPythonParts(text, params, formatNumber);
}

export function currentLang(): Lang {
  return lang;
}

export function currentDir(): Dir {
  return catalog?.dir ?? dirOf(lang);
}

// True when the catalog says some of its translations were not checked by a native speaker.
export function hasUnreviewed(): boolean {
  return (catalog?.unreviewed?.length ?? 0) > 0;
}

// One rule for digits: every number goes through Intl.NumberFormat of the language.
export function formatNumber(n: number): string {
  return dates.formatNumber(n, lang);
}

type Params = Record<string, string | number>;

// Numbers are written in the language's digits (see formatNumber); text is filled in as it is.
function localized(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : v]));
}

// Fills in {name} placeholders; numbers in the language's digits.
export function format(text: string, params: Params = {}): string {
  return fill(text, localized(params));
}

// As format(), but the filled-in values stay apart so <T> can isolate them (bidirectional text).
export function formatParts(text: string, params: Params = {}): Array<string | Filled> {
  return fillParts(text, localized(params));
}

// Times are stored in UTC and always shown in Dutch time, for the reader's language.
export function formatDateTime(date: Date, now: Date = new Date(), withDate?: boolean): string {
  return dates.formatDateTime(date, lang, _, { now, withDate });
}

// A calendar date ("2026-11-29" or a time stamp) in the reader's language.
export function formatDate(date: Date | string): string {
  return dates.formatDate(date, lang, _);
}

// 0 = Monday, as the API counts.
export function weekdayName(day: number): string {
  return dates.weekdayName(day, lang, _);
}

export function dayChoices(): dates.Choice[] {
  return dates.dayChoices(lang);
}

export function monthChoices(): dates.Choice[] {
  return dates.monthChoices(lang, _);
}

export function yearChoices(from: number, to: number): dates.Choice[] {
  return dates.yearChoices(lang, from, to);
}

export function hourChoices(): dates.Choice[] {
  return dates.hourChoices(lang);
}

export function minuteChoices(step: number, keep?: string): dates.Choice[] {
  return dates.minuteChoices(lang, step, keep);
}

// Missing or broken file -> null: the app then shows the Dutch msgids, never breaks.
export async function loadCatalog(code: Lang, fetchFn: typeof fetch = fetch): Promise<Catalog | null> {
  if (code === SOURCE_LANG) return null;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 5_000); // never keep the app blank for a catalog
  try {
    const response = await fetchFn(`/i18n/${code}.json`, { headers: { Accept: 'application/json' }, signal: abort.signal });
    if (!response.ok) return null;
    const data: unknown = await response.json();
    return isCatalog(data) ? data : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

// Text drawn while its web font is still loading can stay in boxes in Chromium (seen with
// Tigrinya headings): load the faces first. Never waits long; the font is precached anyway.
async function loadScriptFont(code: Lang): Promise<void> {
  const sample = SCRIPT_SAMPLES[code];
  if (!sample || typeof document === 'undefined' || !document.fonts) return;
  const faces = ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px ${sample.family}`, sample.text));
  await Promise.race([Promise.all(faces).catch(() => undefined), new Promise((done) => setTimeout(done, 3_000))]);
}

// The languages whose script comes from a shipped web font (fonts.css).
const SCRIPT_SAMPLES: Partial<Record<Lang, { family: string; text: string }>> = {
  ti: { family: '"Noto Sans Ethiopic"', text: 'ሀ' },
};

// Switches the whole interface; `remember` stores an explicit choice made on this device.
export async function setLanguage(
  code: Lang,
  { remember = false, fetchFn }: { remember?: boolean; fetchFn?: typeof fetch } = {},
): Promise<void> {
  const ticket = ++switching;
  const [loaded] = await Promise.all([loadCatalog(code, fetchFn), loadScriptFont(code)]);
  if (ticket !== switching) return;
  lang = code;
  catalog = loaded;
  if (remember) storage()?.setItem(STORAGE_KEY, code);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = code;
    document.documentElement.dir = currentDir();
  }
  listeners.forEach((cb) => cb(code));
}

// Use a catalog already in memory (tests, or a catalog bundled later).
export function setCatalog(code: Lang, data: Catalog | null): void {
  lang = code;
  catalog = data;
  listeners.forEach((cb) => cb(code));
}

export function onLanguageChange(cb: (lang: Lang) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

// The language chosen before on this device, if any.
export function rememberedLanguage(): Lang | null {
  const saved = storage()?.getItem(STORAGE_KEY);
  return isLang(saved) ? saved : null;
}

export function initialLanguage(): Lang {
  const browser = typeof navigator !== 'undefined' ? navigator.languages ?? [] : [];
  return rememberedLanguage() ?? matchLanguage(browser) ?? SOURCE_LANG;
}

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null; // private mode or blocked storage: the choice just is not remembered
  }
}
