// A phrase by its id, for components that get only the id: the national catalogue in meta.phrases,
// or a branch's own phrase (org:<uuid>, an org_phrase row; it has no computer voice).
import { getMeta, type MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { ContentPhrase } from '../../types';

export type SpokenPhrase = Pick<ContentPhrase, 'id' | 'nl' | 'tts'>;

export function watchSpokenPhrase(db: MaatjeDB, phraseId: string): Watch<SpokenPhrase | null> {
  return watch(async () => {
    const catalogue = await getMeta(db, 'phrases');
    const national = catalogue?.phrases.find((p) => p.id === phraseId);
    if (national) return national;
    const own = (await db.org_phrase.toArray()).find((row) => row.data.id === phraseId);
    return own ? { id: own.data.id, nl: own.data.nl } : null;
  });
}
