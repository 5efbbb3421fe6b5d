// Which voice says a phrase (docs/phrases.md "Audio"): the buddy's clip, else the branch
// coordinator's, else the phone's own Dutch voice (only when the setting asks for it), else the
// computer voice made at build time, else none. The setting "computer" skips recordings.
import type { MaatjeDB, Row } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { ContentPhrase, PhraseAudioData, Voice } from '../../types';

export type VoiceChoice =
  | { kind: 'recorded'; url: string; name: string; by: 'buddy' | 'coordinator' }
  | { kind: 'browser' }
  | { kind: 'computer'; url: string }
  | { kind: 'none' };

// `version` (the catalogue's `tts`, from the file's hash) makes a re-spoken phrase a new URL, so
// the offline cache never keeps playing the old words.
export function ttsUrl(phraseId: string, version: string): string {
  return `/audio/tts/${encodeURIComponent(phraseId)}.ogg?v=${encodeURIComponent(version)}`;
}

// The newest clip of `by` among the rows (a buddy's in a match scope, a coordinator's in a branch's).
function newest(clips: readonly Row<PhraseAudioData>[], by: 'buddy' | 'coordinator'): PhraseAudioData | null {
  const prefix = by === 'buddy' ? 'match:' : 'branch:';
  const own = clips.filter((c) => c.data.by === by && c.scope.startsWith(prefix));
  own.sort((a, b) => b.data.created_at.localeCompare(a.data.created_at));
  return own[0]?.data ?? null;
}

// `clips`: the phrase_audio rows of this phrase; `browserVoice`: the phone has a Dutch voice.
export function pickVoice(
  phrase: Pick<ContentPhrase, 'id' | 'tts'>,
  clips: readonly Row<PhraseAudioData>[],
  setting: Voice,
  browserVoice: boolean,
): VoiceChoice {
  if (setting !== 'computer') {
    for (const by of ['buddy', 'coordinator'] as const) {
      const clip = newest(clips.filter((c) => c.data.phrase_id === phrase.id), by);
      if (clip) return { kind: 'recorded', url: clip.url, name: clip.name, by };
    }
    if (setting === 'browser' && browserVoice) return { kind: 'browser' };
  }
  if (phrase.tts) return { kind: 'computer', url: ttsUrl(phrase.id, phrase.tts) };
  return { kind: 'none' };
}

// The URL to fetch for a choice (none for the phone's own voice).
export function choiceUrl(choice: VoiceChoice): string | null {
  return choice.kind === 'recorded' || choice.kind === 'computer' ? choice.url : null;
}

export function watchClips(db: MaatjeDB, phraseId: string): Watch<Row<PhraseAudioData>[]> {
  return watch(() => db.phrase_audio.where('data.phrase_id').equals(phraseId).toArray());
}

// The phone's Dutch voice, if one is installed (the list may fill in late: `voiceschanged`).
export function dutchVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  const voices = speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith('nl'));
  return voices.find((v) => v.localService) ?? voices[0] ?? null;
}

// Says `text` with the phone's Dutch voice; resolves when it has been said.
export function speakDutch(text: string): Promise<void> {
  const voice = dutchVoice();
  if (!voice) return Promise.resolve();
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9; // a little slower than talking speed: learners follow better
  return new Promise((resolve) => {
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    speechSynthesis.speak(utterance);
  });
}
