// What the audio components watch: the phrase's clips, the voice setting, the phone's Dutch voice.
import { useEffect, useState } from 'preact/hooks';
import type { Row } from '../../store/db';
import type { PhraseAudioData, Voice } from '../../types';
import { useDb } from '../../ui/db-context';
import { useWatch } from '../../ui/useWatch';
import { session } from '../auth/session';
import { watchPractice } from '../practice/settings';
import { dutchVoice, pickVoice, watchClips, type VoiceChoice } from './voice';

// True once the phone lists a Dutch voice (browsers fill the list in late).
export function useDutchVoice(): boolean {
  const [has, setHas] = useState(() => dutchVoice() !== null);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setHas(dutchVoice() !== null);
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => speechSynthesis.removeEventListener('voiceschanged', update);
  }, []);
  return has;
}

// The voice for a phrase, or null while the clips and the setting are still loading (so an
// autoplay does not start the computer voice a moment before the buddy's clip is known).
export function useVoice(phrase: { id: string; tts?: string }): VoiceChoice | null {
  const db = useDb();
  const current = useWatch(session.subscribe, session.get(), []);
  const userId = current.status === 'user' ? current.user.id : null;
  const voice = useWatch<Voice | null>(
    userId ? (cb) => watchPractice(db, userId)((settings) => cb(settings.voice)) : null, null, [db, userId],
  );
  const clips = useWatch<Row<PhraseAudioData>[] | null>(watchClips(db, phrase.id), null, [db, phrase.id]);
  const browser = useDutchVoice();
  if (voice === null || clips === null) return null;
  return pickVoice(phrase, clips, voice, browser);
}
