// What to do when the phone will not record: the microphone was refused, or there is none.
import { _ } from '../../i18n';
import type { MicState } from './useMicRecorder';

export function MicHelp({ state }: { state: MicState }) {
  if (state.step === 'denied') {
    return (
      <div class="audio-warn" role="alert">
        <p>{_("Maatje mag de microfoon nu niet gebruiken.")}</p>
        <p>{_("Tik bovenin op het slotje naast het adres, kies Microfoon en dan Toestaan. Probeer het daarna opnieuw.")}</p>
      </div>
    );
  }
  if (state.step === 'unsupported') {
    return <p class="audio-warn" role="alert">{_("Opnemen lukt niet in deze browser. Probeer het in Chrome of Safari.")}</p>;
  }
  return null;
}
