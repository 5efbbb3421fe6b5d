// The phrase catalogue of the app's language: stored in meta.phrases, fetched when missing.
import type { MaatjeDB } from '../../store/db';
import type { ContentCatalogue, ContentPhrase, OrgPhraseData } from '../../types';

export async function loadCatalogue(db: MaatjeDB, lang: string): Promise<ContentCatalogue | null> {
  void db; void lang;
  throw new Error('not yet'); // TODO(praccore)
}

export function practicePhrases(catalogue: ContentCatalogue, orgRows: OrgPhraseData[]): ContentPhrase[] {
  void catalogue; void orgRows;
  throw new Error('not yet'); // TODO(praccore)
}
