// The catalogues for a screen, in the current language; re-read when the language changes.
import { useEffect, useState } from 'preact/hooks';
import { currentLang } from '../../i18n';
import type { Catalogues } from '../../types';
import { useDb } from '../../ui/db-context';
import { emptyCatalogues, loadCatalogues } from './catalogues';

export function useCatalogues(): Catalogues {
  const db = useDb();
  const lang = currentLang();
  const [catalogues, setCatalogues] = useState<Catalogues>(emptyCatalogues);
  useEffect(() => {
    let live = true;
    void loadCatalogues(db, lang).then((c) => live && setCatalogues(c));
    return () => {
      live = false;
    };
  }, [db, lang]);
  return catalogues;
}
