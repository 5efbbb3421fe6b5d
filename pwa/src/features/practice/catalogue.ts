// The phrase catalogue of the app's language (pwa/public/content/<lang>.json, not precached): kept
// in meta.phrases, fetched when missing, refreshed in the background when online.
import { getMeta, setMeta, type MaatjeDB } from '../../store/db';
import type { ContentCatalogue, ContentPhrase, OrgPhraseData } from '../../types';

async function fetchCatalogue(lang: string): Promise<ContentCatalogue | null> {
  try {
    // no-cache: revalidate with the server, so a new version is seen even if the HTTP cache has one.
    const response = await fetch(`/content/${encodeURIComponent(lang)}.json`, { cache: 'no-cache' });
    if (!response.ok) return null;
    const data = (await response.json()) as ContentCatalogue;
    return data && data.lang === lang && Array.isArray(data.phrases) ? data : null;
  } catch {
    return null; // offline or a broken file: keep what we have
  }
}

function online(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

async function refresh(db: MaatjeDB, lang: string, version: string): Promise<void> {
  const fresh = await fetchCatalogue(lang);
  if (fresh && fresh.version !== version) await setMeta(db, 'phrases', fresh);
}

// The stored catalogue when it is of this language (a newer one is fetched behind it), else a
// fetched one; null offline with nothing stored (the screen explains).
export async function loadCatalogue(db: MaatjeDB, lang: string): Promise<ContentCatalogue | null> {
  const stored = await getMeta(db, 'phrases');
  if (stored && stored.lang === lang) {
    if (online()) void refresh(db, lang, stored.version).catch(() => undefined);
    return stored;
  }
  if (!online()) return null;
  const fetched = await fetchCatalogue(lang);
  if (fetched) await setMeta(db, 'phrases', fetched);
  return fetched;
}

// What is practised: the national phrases, each theme followed by the branch's own phrases of that
// theme (by their Dutch), with the translation in the catalogue's language when the coordinator
// gave one. A branch phrase of a theme the catalogue does not know comes last.
export function practicePhrases(catalogue: ContentCatalogue, orgRows: OrgPhraseData[]): ContentPhrase[] {
  const own = [...orgRows].sort((a, b) => a.nl.localeCompare(b.nl, 'nl')).map((row): ContentPhrase => {
    const t = catalogue.lang === 'nl' ? undefined : row.translations[catalogue.lang]?.trim();
    return { id: row.id, nl: row.nl, theme: row.theme, level: row.level, ...(t ? { t } : {}) };
  });
  const out: ContentPhrase[] = [];
  const themes = [...catalogue.themes.map((t) => t.code)];
  for (const p of [...catalogue.phrases, ...own]) if (!themes.includes(p.theme)) themes.push(p.theme);
  for (const theme of themes) {
    for (const p of catalogue.phrases) if (p.theme === theme) out.push(p);
    for (const p of own) if (p.theme === theme) out.push(p);
  }
  return out;
}
