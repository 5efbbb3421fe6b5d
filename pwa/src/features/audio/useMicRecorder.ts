// Records from the microphone with MediaRecorder: at most MAX_SECONDS (the server refuses longer
// clips), a countdown to show, WebM/Opus where the browser has it (small, and the server reads it),
// else the browser's own format. The microphone is released as soon as a recording ends.
import { useEffect, useRef, useState } from 'preact/hooks';

export const MAX_SECONDS = 10;
const PREFERRED = 'audio/webm;codecs=opus';

export type MicState =
  | { step: 'idle' }
  | { step: 'asking' }
  | { step: 'recording'; left: number }
  | { step: 'done'; blob: Blob; url: string }
  | { step: 'denied' }
  | { step: 'unsupported' };

export function canRecord(): boolean {
  return typeof MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

export function useMicRecorder() {
  const [state, setState] = useState<MicState>(() => (canRecord() ? { step: 'idle' } : { step: 'unsupported' }));
  const recorder = useRef<MediaRecorder | null>(null);
  const timers = useRef<ReturnType<typeof setInterval>[]>([]);
  const url = useRef<string | null>(null);

  const clearTimers = () => {
    timers.current.forEach(clearInterval);
    timers.current = [];
  };
  const forgetUrl = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };

  const start = async () => {
    forgetUrl();
    setState({ step: 'asking' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setState({ step: 'denied' });
      return;
    }
    const options = MediaRecorder.isTypeSupported(PREFERRED) ? { mimeType: PREFERRED } : undefined;
    const rec = new MediaRecorder(stream, options);
    const chunks: Blob[] = [];
    rec.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    rec.onstop = () => {
      clearTimers();
      stream.getTracks().forEach((t) => t.stop());
      const blob = new Blob(chunks, { type: rec.mimeType || chunks[0]?.type || 'audio/webm' });
      url.current = URL.createObjectURL(blob);
      setState({ step: 'done', blob, url: url.current });
    };
    recorder.current = rec;
    rec.start();
    const began = Date.now();
    setState({ step: 'recording', left: MAX_SECONDS });
    timers.current.push(setInterval(() => {
      const left = MAX_SECONDS - Math.floor((Date.now() - began) / 1000);
      if (left <= 0) stop();
      else setState({ step: 'recording', left });
    }, 250));
  };

  const stop = () => {
    clearTimers();
    if (recorder.current?.state === 'recording') recorder.current.stop();
    recorder.current = null;
  };

  const reset = () => {
    stop();
    forgetUrl();
    setState(canRecord() ? { step: 'idle' } : { step: 'unsupported' });
  };

  useEffect(() => () => {
    stop();
    forgetUrl();
  }, []);

  return { state, start, stop, reset };
}
