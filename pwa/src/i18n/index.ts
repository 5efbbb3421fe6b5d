// The current language: loads /i18n/<lang>.json, offers _() and ngettext(), sets lang/dir on <html>.
import { format, isCatalog, translate, translatePlural, type Catalog } from './catalog';
import { dirOf, isLang, matchLanguage, SOURCE_LANG, type Dir, type Lang } from './languages';

export { format } from './catalog';
export { LANGUAGES, isLang, type Lang } from './languages';

const STORAGE_KEY = 'maatje.lang';
const TIME_ZONE = 'Europe/Amsterdam';

let lang: Lang = SOURCE_LANG;
let catalog: Catalog | null = null;
let switching = 0; // the last of several quick switches wins
const listeners = new Set<(lang: Lang) => void>();

export function _(msgid: string): string {
  return translate(catalog, msgid);
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

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(lang).format(n);
}

// Times are stored in UTC and always shown in Dutch time, for the reader's language.
export function formatDateTime(date: Date, now: Date = new Date()): string {
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: TIME_ZONE });
  const sameDay = day(date) === day(now);
  return new Intl.DateTimeFormat(lang, {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { day: 'numeric', month: 'long' }),
  }).format(date);
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

// Switches the whole interface; `remember` stores an explicit choice made on this device.
export async function setLanguage(
  code: Lang,
  { remember = false, fetchFn }: { remember?: boolean; fetchFn?: typeof fetch } = {},
): Promise<void> {
  const ticket = ++switching;
  const loaded = await loadCatalog(code, fetchFn);
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
