// The audio a phone keeps for offline practice, in Cache Storage `maatje-user-audio` (the service
// worker answers /api/audio/ and /audio/tts/ from it first, sw.ts).
//
// cachePhraseAudio(db, phraseIds): the practice screens call it when a session starts online
// (and after a sync) with the due phrases and the next 20 new ones. It fetches, for each phrase,
// the voice PlayButton would pick now (the buddy's or coordinator's clip, else the computer
// voice) if it is not cached yet. Nothing is fetched offline, nor for the phone's own voice.
import { getMeta, type MaatjeDB } from '../../store/db';
import { loadPractice } from '../practice/settings';
import { AUDIO_CACHE } from './cache-name';
import { choiceUrl, dutchVoice, pickVoice } from './voice';

function cacheStorage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

export async function isCached(url: string): Promise<boolean> {
  const storage = cacheStorage();
  return storage ? (await storage.match(url, { cacheName: AUDIO_CACHE })) !== undefined : false;
}

// Returns how many files it added.
export async function cachePhraseAudio(db: MaatjeDB, phraseIds: readonly string[]): Promise<number> {
  const storage = cacheStorage();
  const me = await getMeta(db, 'me');
  if (!storage || !me || !navigator.onLine) return 0;
  // Clips belong to a pair or a branch: sync/owner.ts empties the cache when another person logs in.
  const [settings, catalogue, clips] = await Promise.all([
    loadPractice(db, me.id),
    getMeta(db, 'phrases'),
    db.phrase_audio.where('data.phrase_id').anyOf([...phraseIds]).toArray(),
  ]);
  const tts = new Map(catalogue?.phrases.filter((p) => p.tts).map((p) => [p.id, p.tts]));
  const browser = dutchVoice() !== null;
  const urls = new Set<string>();
  for (const id of phraseIds) {
    const url = choiceUrl(pickVoice({ id, tts: tts.get(id) }, clips, settings.voice, browser));
    if (url) urls.add(url);
  }
  const cache = await storage.open(AUDIO_CACHE);
  let added = 0;
  for (const url of urls) {
    if (await cache.match(url)) continue;
    // One missing file (a clip deleted meanwhile) must not stop the rest.
    added += await cache.add(url).then(() => 1, () => 0);
  }
  return added;
}
