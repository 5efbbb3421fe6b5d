// Plays a phrase in the best voice there is (voice.ts) and says whose voice it is. Works offline
// for audio the phone has kept (cache.ts); says so plainly when it has not.
import { useEffect, useRef, useState } from 'preact/hooks';
import { _, pgettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { ContentPhrase } from '../../types';
import { useVoice } from './hooks';
import { AudioProblem, playChoice } from './player';
import { SpeakerIcon } from './SpeakerIcon';
import type { VoiceChoice } from './voice';
import './audio.css';

export function VoiceLabel({ choice }: { choice: VoiceChoice }) {
  // TRANSLATORS: whose voice says the phrase: a recording by the buddy or coordinator, named.
  if (choice.kind === 'recorded') return <T msg={_("Stem van {name}")} name={choice.name} />;
  // TRANSLATORS: the voice made by a computer program (not a person).
  if (choice.kind === 'computer') return <>{pgettext("voice", "Computerstem")}</>;
  if (choice.kind === 'browser') return <>{_("Stem van je telefoon")}</>;
  return <>{_("Voor deze zin is nog geen geluid.")}</>;
}

export function PlayButton({ phrase, autoplay, compact }: { phrase: ContentPhrase; autoplay?: boolean; compact?: boolean }) {
  const choice = useVoice(phrase);
  const audio = useRef<HTMLAudioElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const key = choice ? `${choice.kind}:${choice.kind === 'recorded' || choice.kind === 'computer' ? choice.url : ''}` : null;

  const play = async () => {
    if (!choice || !audio.current) return;
    setProblem(null);
    setPlaying(true);
    try {
      await playChoice(audio.current, choice, phrase.nl);
    } catch (error) {
      if (!(error instanceof AudioProblem)) throw error;
      setProblem(error.message);
    } finally {
      setPlaying(false);
    }
  };

  useEffect(() => {
    if (autoplay && key !== null) void play();
  }, [autoplay, phrase.id, key]);
  useEffect(() => () => audio.current?.pause(), []);

  if (choice === null) return <div class="audio-play" aria-hidden="true" />;
  const none = choice.kind === 'none';
  return (
    <div class={compact ? 'audio-play audio-compact' : 'audio-play'} data-testid="play-button" data-voice={choice.kind}>
      {!none && (
        <button type="button" class={`btn btn-secondary${compact ? ' btn-audio-small' : ''}`} onClick={() => void play()}
          aria-pressed={playing} aria-describedby={`voice-${phrase.id}`}>
          <SpeakerIcon />
          {/* TRANSLATORS: a button that plays a Dutch phrase aloud */}
          <span>{pgettext("audio", "Luister")}</span>
        </button>
      )}
      <span class="audio-voice" id={`voice-${phrase.id}`}><VoiceLabel choice={choice} /></span>
      {problem && <p class="audio-problem" role="alert">{problem}</p>}
      <audio ref={audio} preload="none" data-testid="phrase-audio" />
    </div>
  );
}
