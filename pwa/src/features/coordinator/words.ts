// The coordinator's words for states, statuses and actions (codes from the API).
import { _ } from '../../i18n';

export function vettingStateText(state: string): string {
  switch (state) {
    // TRANSLATORS: a buddy's vetting state: the sign-up form was sent.
    case 'signed_up': return _("Aangemeld");
    // TRANSLATORS: a buddy's vetting state: the intake talk with the coordinator took place.
    case 'intake_done': return _("Kennismaking gehad");
    // TRANSLATORS: a buddy's vetting state: the certificate of conduct (VOG) was received.
    case 'vog_received': return _("VOG ontvangen");
    // TRANSLATORS: a buddy's vetting state: the buddy training was followed.
    case 'trained': return _("Training gevolgd");
    // TRANSLATORS: a buddy's vetting state: ready to be matched.
    case 'available': return _("Beschikbaar");
    // TRANSLATORS: a buddy's vetting state: taking a break.
    case 'paused': return _("Gepauzeerd");
    // TRANSLATORS: a buddy's vetting state: no longer a buddy.
    case 'stopped': return _("Gestopt");
    default: return state;
  }
}

// The button that takes a buddy to this state.
export function vettingStepText(state: string): string {
  switch (state) {
    case 'intake_done': return /* TRANSLATORS: a button: the buddy's intake talk took place */ _("Kennismaking afgerond");
    case 'vog_received': return _("VOG ontvangen");
    case 'trained': return _("Training gevolgd");
    case 'available': return /* TRANSLATORS: a button: make the vetted buddy available for matching */ _("Beschikbaar maken");
    case 'paused': return _("Pauzeren");
    case 'stopped': return /* TRANSLATORS: a button: the buddy stops (final) */ _("Stoppen");
    default: return vettingStateText(state);
  }
}

// The order of vetting; paused and stopped can be chosen from anywhere.
export const VETTING_ORDER = ['signed_up', 'intake_done', 'vog_received', 'trained', 'available'];

export function nextVettingStates(state: string): string[] {
  const i = VETTING_ORDER.indexOf(state);
  const next = i >= 0 && i < VETTING_ORDER.length - 1 ? [VETTING_ORDER[i + 1]] : state === 'paused' ? ['available'] : [];
  return [...next, ...(['paused', 'stopped'] as const).filter((s) => s !== state && state !== 'stopped')];
}

export function matchStatusText(status: string): string {
  switch (status) {
    // TRANSLATORS: a match status: proposed to both, waiting for their answers.
    case 'proposed': return _("Voorgesteld");
    // TRANSLATORS: a match status: both said yes, waiting for the coordinator's approval.
    case 'agreed': return _("Beide akkoord");
    // TRANSLATORS: a match status.
    case 'active': return _("Actief");
    // TRANSLATORS: a match status.
    case 'paused': return _("Gepauzeerd");
    // TRANSLATORS: a match status.
    case 'ended': return _("Beëindigd");
    // TRANSLATORS: a match status: someone said no.
    case 'declined': return _("Afgewezen");
    // TRANSLATORS: a match status: nobody answered in time.
    case 'expired': return _("Verlopen");
    // TRANSLATORS: a match status: the coordinator took the proposal back.
    case 'withdrawn': return _("Ingetrokken");
    default: return status;
  }
}

export function answerText(answer: string | null | undefined): string {
  if (answer === 'accepted') return /* TRANSLATORS: the answer to a proposal: yes */ _("ja");
  if (answer === 'declined') return /* TRANSLATORS: the answer to a proposal: no */ _("nee");
  // TRANSLATORS: no answer to the proposal yet.
  return _("nog geen antwoord");
}

export function matchActionText(action: string): string {
  switch (action) {
    // TRANSLATORS: an event in a match's history: the pair was coupled at once (without a proposal).
    case 'create': return _("Direct gekoppeld");
    // TRANSLATORS: an event in a match's history.
    case 'propose': return _("Voorgesteld");
    // TRANSLATORS: an event in a match's history.
    case 'accept': return _("Ja gezegd");
    // TRANSLATORS: an event in a match's history.
    case 'decline': return _("Nee gezegd");
    // TRANSLATORS: an event in a match's history.
    case 'approve': return _("Goedgekeurd");
    // TRANSLATORS: an event in a match's history.
    case 'withdraw': return _("Ingetrokken");
    // TRANSLATORS: an event in a match's history.
    case 'pause': return _("Gepauzeerd");
    // TRANSLATORS: an event in a match's history.
    case 'resume': return _("Hervat");
    // TRANSLATORS: an event in a match's history.
    case 'end': return _("Beëindigd");
    // TRANSLATORS: an event in a match's history.
    case 'expire': return _("Verlopen");
    // TRANSLATORS: an event in a match's history.
    case 'evaluate': return _("Geëvalueerd");
    default: return action;
  }
}
