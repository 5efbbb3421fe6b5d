// The Cache Storage the phone keeps audio in: shared by the page (cache.ts) and the service worker.
export const AUDIO_CACHE = 'maatje-audio';

// Audio the service worker answers from that cache first: recorded clips and the computer voice.
export function isAudioPath(pathname: string): boolean {
  return pathname.startsWith('/api/audio/') || pathname.startsWith('/audio/tts/');
}
