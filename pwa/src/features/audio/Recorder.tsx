// A buddy or coordinator records a phrase (at most 10 seconds), listens back, and saves: the clip
// waits in the upload queue (sync/uploads.ts) and goes to the server when the phone is online.
import { useRef, useState } from 'preact/hooks';
import { _, ngettext, pgettext } from '../../i18n';
import { useDb } from '../../ui/db-context';
import { enqueueUpload } from '../../sync/uploads';
import { uuid } from '../../uuid';
import { MicHelp } from './MicHelp';
import { AudioProblem, playUrl } from './player';
import { MicIcon, SpeakerIcon } from './SpeakerIcon';
import { useMicRecorder } from './useMicRecorder';
import './audio.css';

export function Countdown({ left }: { left: number }) {
  return (
    <p class="recorder-count" role="timer" aria-live="off">
      {ngettext("Nog {n} seconde", "Nog {n} seconden", left)}
    </p>
  );
}

export function Recorder({ phraseId, matchId, onSaved }: { phraseId: string; matchId?: string; onSaved?: (id: string) => void }) {
  const db = useDb();
  const mic = useMicRecorder();
  const audio = useRef<HTMLAudioElement>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { state } = mic;

  const save = async () => {
    if (state.step !== 'done') return;
    const id = uuid();
    const fields: Record<string, string> = { phrase_id: phraseId };
    if (matchId) fields.match_id = matchId;
    await enqueueUpload(db, { id, url: `/api/audio/${id}`, fields, blob: state.blob });
    setSaved(navigator.onLine ? _("Opgeslagen. Je opname wordt verstuurd.") : _("Opgeslagen. Je opname wordt verstuurd als je online bent."));
    mic.reset();
    onSaved?.(id);
  };

  const listen = async () => {
    if (state.step !== 'done' || !audio.current) return;
    setProblem(null);
    await playUrl(audio.current, state.url).catch((e) => e instanceof AudioProblem && setProblem(e.message));
  };

  return (
    <div class="recorder" data-testid="recorder">
      <MicHelp state={state} />
      <div class="recorder-row">
        {(state.step === 'idle' || state.step === 'asking' || state.step === 'denied') && (
          <button type="button" class="btn btn-primary" disabled={state.step === 'asking'}
            onClick={() => { setSaved(null); void mic.start(); }}>
            <MicIcon />
            {/* TRANSLATORS: a button that starts recording your voice */}
            <span>{pgettext("audio", "Opnemen")}</span>
          </button>
        )}
        {state.step === 'recording' && (
          <>
            <button type="button" class="btn btn-primary" onClick={mic.stop}>
              {/* TRANSLATORS: a button that stops the recording */}
              <span>{pgettext("audio", "Stop")}</span>
            </button>
            <Countdown left={state.left} />
          </>
        )}
        {state.step === 'done' && (
          <>
            <button type="button" class="btn btn-secondary" onClick={() => void listen()}>
              <SpeakerIcon />
              {/* TRANSLATORS: play back what you just recorded */}
              <span>{_("Luister terug")}</span>
            </button>
            <button type="button" class="btn btn-primary" onClick={() => void save()}>
              {/* TRANSLATORS: keep the recording (and send it) */}
              <span>{pgettext("audio", "Opslaan")}</span>
            </button>
            <button type="button" class="btn btn-quiet" onClick={() => { mic.reset(); void mic.start(); }}>
              {/* TRANSLATORS: throw the recording away and record again */}
              <span>{pgettext("audio", "Opnieuw")}</span>
            </button>
          </>
        )}
      </div>
      {saved && <p class="recorder-note" role="status">{saved}</p>}
      {problem && <p class="audio-problem" role="alert">{problem}</p>}
      <audio ref={audio} preload="none" />
    </div>
  );
}
