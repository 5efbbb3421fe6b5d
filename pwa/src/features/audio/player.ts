// Plays one voice and waits for it to end; a failure the user should hear about is an AudioProblem
// with a sentence to show (offline and not kept on the phone, the phone refused to play).
import { _ } from '../../i18n';
import { isCached } from './cache';
import { speakDutch, type VoiceChoice } from './voice';

export class AudioProblem extends Error {}

export function offlineProblem(): AudioProblem {
  return new AudioProblem(_("Dit geluid staat nog niet op je telefoon. Luister als je weer online bent."));
}

// Plays `url` in `el` from the start; resolves when it has finished.
export async function playUrl(el: HTMLAudioElement, url: string): Promise<void> {
  if (!navigator.onLine && url.startsWith('/') && !(await isCached(url))) throw offlineProblem();
  if (el.getAttribute('src') !== url) el.src = url;
  else el.currentTime = 0;
  await new Promise<void>((resolve, reject) => {
    const failed = () => reject(navigator.onLine ? new AudioProblem(_("Het geluid kon niet spelen.")) : offlineProblem());
    el.onended = () => resolve();
    el.onerror = failed;
    el.play().catch((error: unknown) => {
      // A newer play() or a pause() interrupts this one: not a failure the user must hear about.
      if (error instanceof DOMException && error.name === 'AbortError') resolve();
      else failed();
    });
  });
}

// Plays the picked voice of a phrase (its Dutch text for the phone's own voice).
export async function playChoice(el: HTMLAudioElement, choice: VoiceChoice, nl: string): Promise<void> {
  if (choice.kind === 'browser') await speakDutch(nl);
  else if (choice.kind !== 'none') await playUrl(el, choice.url);
}
