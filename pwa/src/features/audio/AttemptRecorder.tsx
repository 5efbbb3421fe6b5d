// The newcomer records their own try of a phrase (at most 10 seconds) and compares: the model
// voice, then their own. Tries stay on this phone (attempts.ts) unless shared with the buddy.
import { useEffect, useRef, useState } from 'preact/hooks';
import { _, pgettext } from '../../i18n';
import { useDb } from '../../ui/db-context';
import { useWatch } from '../../ui/useWatch';
import { saveAttempt, shareAttempt, watchAttempts, type ShownAttempt } from './attempts';
import { useVoice } from './hooks';
import { MicHelp } from './MicHelp';
import { watchSpokenPhrase } from './phrase';
import { AudioProblem, playChoice, playUrl } from './player';
import { Countdown } from './Recorder';
import { MicIcon, SpeakerIcon } from './SpeakerIcon';
import { useMicRecorder } from './useMicRecorder';
import './audio.css';

export function AttemptRecorder({ phraseId, matchId }: { phraseId: string; matchId?: string }) {
  const db = useDb();
  const mic = useMicRecorder();
  const phrase = useWatch(watchSpokenPhrase(db, phraseId), null, [db, phraseId]);
  const choice = useVoice(phrase ?? { id: phraseId });
  const tries = useWatch<ShownAttempt[]>(watchAttempts(db, phraseId), [], [db, phraseId]);
  const audio = useRef<HTMLAudioElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { state } = mic;
  const latest = tries[0];

  // A finished recording becomes a try at once: nothing to confirm, nothing lost.
  useEffect(() => {
    if (state.step !== 'done') return;
    void saveAttempt(db, phraseId, state.blob).then(() => mic.reset());
  }, [state.step]);

  const compare = async () => {
    if (!latest || !audio.current) return;
    setProblem(null);
    const own = URL.createObjectURL(latest.blob);
    try {
      if (choice && phrase) await playChoice(audio.current, choice, phrase.nl);
      await playUrl(audio.current, own);
    } catch (error) {
      if (!(error instanceof AudioProblem)) throw error;
      setProblem(error.message);
    } finally {
      URL.revokeObjectURL(own);
    }
  };

  const share = async () => {
    if (!latest || !matchId) return;
    await shareAttempt(db, latest, matchId);
    setNote(navigator.onLine ? _("Je maatje krijgt je opname.") : _("Je maatje krijgt je opname als je online bent."));
  };

  return (
    <div class="recorder" data-testid="attempt-recorder">
      <MicHelp state={state} />
      <div class="recorder-row">
        {state.step === 'recording' ? (
          <>
            <button type="button" class="btn btn-primary" onClick={mic.stop}>
              {/* TRANSLATORS: a button that stops the recording */}
              <span>{pgettext("audio", "Stop")}</span>
            </button>
            <Countdown left={state.left} />
          </>
        ) : (
          <button type="button" class="btn btn-secondary" disabled={state.step === 'asking' || state.step === 'unsupported'}
            onClick={() => { setNote(null); void mic.start(); }}>
            <MicIcon />
            <span>{latest ? _("Probeer het nog een keer") : _("Zeg het zelf en neem het op")}</span>
          </button>
        )}
        {latest && state.step !== 'recording' && (
          <button type="button" class="btn btn-secondary" onClick={() => void compare()}>
            <SpeakerIcon />
            {/* TRANSLATORS: play the model voice, then your own recording, to compare */}
            <span>{_("Vergelijk")}</span>
          </button>
        )}
        {latest && matchId && !latest.shared && state.step !== 'recording' && (
          <button type="button" class="btn btn-quiet" onClick={() => void share()}>
            <span>{_("Deel met je maatje")}</span>
          </button>
        )}
      </div>
      {latest && <p class="recorder-note">{_("Je opnames blijven op je telefoon, tenzij je ze deelt.")}</p>}
      {note && <p class="recorder-note" role="status">{note}</p>}
      {problem && <p class="audio-problem" role="alert">{problem}</p>}
      <audio ref={audio} preload="none" />
    </div>
  );
}
