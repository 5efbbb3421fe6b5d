import { PRIVATE_CACHE_PREFIX } from '../../store/private-caches';

// The Cache Storage the phone keeps audio in: shared by the page (cache.ts) and the service worker.
// Private to the person logged in: cleared with their data (store/private-caches.ts).
export const AUDIO_CACHE = `${PRIVATE_CACHE_PREFIX}audio`;

// Audio the service worker answers from that cache first: recorded clips and the computer voice.
export function isAudioPath(pathname: string): boolean {
  return pathname.startsWith('/api/audio/') || pathname.startsWith('/audio/tts/');
}
