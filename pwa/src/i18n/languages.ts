// The interface languages, their native names and writing direction (DESIGN section 7).
export const LANGUAGES = [
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'ti', name: 'ትግርኛ', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'fa', name: 'فارسی', dir: 'rtl' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
] as const;

export type Lang = (typeof LANGUAGES)[number]['code'];
export type Dir = 'ltr' | 'rtl';

// Dutch is the source language: msgids are Dutch, so it needs no catalog to read well.
export const SOURCE_LANG: Lang = 'nl';

export function isLang(value: unknown): value is Lang {
  return LANGUAGES.some((l) => l.code === value);
}

export function dirOf(lang: Lang): Dir {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}

// Picks the first supported language from the browser's list, e.g. "ar-SY" -> "ar".
export function matchLanguage(preferred: readonly string[]): Lang | null {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return null;
}
