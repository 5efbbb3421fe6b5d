// The phrase catalogue of the app's language for the together screens: undefined while it loads,
// null when there is none on the phone and no connection to fetch it (the screen says so).
import { useEffect, useState } from 'preact/hooks';
import type { MaatjeDB } from '../../store/db';
import type { ContentCatalogue, ContentPhrase, OrgPhraseData } from '../../types';
import { useWatch } from '../../ui/useWatch';
import { watch } from '../../sync/views';
import { loadCatalogue, practicePhrases } from '../practice/catalogue';

export function useCatalogue(db: MaatjeDB, lang: string): ContentCatalogue | null | undefined {
  const [catalogue, setCatalogue] = useState<ContentCatalogue | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadCatalogue(db, lang).then(
      (loaded) => live && setCatalogue(loaded),
      () => live && setCatalogue(null),
    );
    return () => {
      live = false;
    };
  }, [db, lang]);
  return catalogue;
}

// The national phrases plus the branch's own ones this phone holds (its org_phrase rows).
export function usePhrases(db: MaatjeDB, catalogue: ContentCatalogue | null | undefined): ContentPhrase[] {
  const rows = useWatch<OrgPhraseData[]>(watch(async () => (await db.org_phrase.toArray()).map((r) => r.data)), [], [db]);
  return catalogue ? practicePhrases(catalogue, rows) : [];
}
