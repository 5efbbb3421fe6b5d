// The practice words shared by the screens: the answer buttons, the modes, the voices.
import { _, pgettext } from '../../i18n';
import type { PracticeMode, Rating, Voice } from '../../types';
import { ratingsFor } from './fsrs';

export interface AnswerChoice {
  rating: Rating;
  label: string;
}

function ratingLabel(rating: Rating, buttons: 2 | 4): string {
  switch (rating) {
    case 1:
      return buttons === 2
        // TRANSLATORS: answer button in practice (of two): I did not know it, show it again soon.
        ? pgettext("practice answer", "Nog een keer")
        // TRANSLATORS: answer button (of four) in practice: I did not know it.
        : pgettext("practice answer", "Opnieuw");
    // TRANSLATORS: answer button (of four) in practice: I knew it, but it was hard.
    case 2: return pgettext("practice answer", "Moeilijk");
    // TRANSLATORS: answer button in practice: I knew it.
    case 3: return pgettext("practice answer", "Goed");
    // TRANSLATORS: answer button (of four) in practice: I knew it at once, it was easy.
    case 4: return pgettext("practice answer", "Makkelijk");
  }
}

// Two buttons by default ("again" / "got it"), four for those who want them (docs/phrases.md).
export function answerChoices(buttons: 2 | 4): AnswerChoice[] {
  return ratingsFor(buttons).map((rating) => ({ rating, label: ratingLabel(rating, buttons) }));
}

export const MODES: PracticeMode[] = ['recognise', 'recall', 'listen', 'type'];

export function modeName(mode: PracticeMode): string {
  switch (mode) {
    case 'recognise':
      // TRANSLATORS: a practice mode: see the Dutch, recall what it means.
      return pgettext("practice mode", "Herkennen");
    case 'recall':
      // TRANSLATORS: a practice mode: see your own language, say the Dutch.
      return pgettext("practice mode", "Zelf zeggen");
    case 'listen':
      // TRANSLATORS: a practice mode: only hear the Dutch.
      return pgettext("practice mode", "Luisteren");
    case 'type':
      // TRANSLATORS: a practice mode: type the Dutch.
      return pgettext("practice mode", "Typen");
  }
}

export function modeHelp(mode: PracticeMode): string {
  switch (mode) {
    case 'recognise':
      return _("Je ziet de Nederlandse zin. Weet je wat hij betekent?");
    case 'recall':
      return _("Je ziet de zin in je eigen taal. Zeg hem in het Nederlands.");
    case 'listen':
      return _("Je hoort de Nederlandse zin. Begrijp je hem?");
    case 'type':
      return _("Je typt de Nederlandse zin.");
  }
}

export function voiceName(voice: Voice): string {
  switch (voice) {
    case 'recorded':
      return _("Een opgenomen stem als die er is (van je maatje of je gemeente)");
    case 'browser':
      return _("De Nederlandse stem van je telefoon");
    case 'computer':
      // TRANSLATORS: the choice of voice: always the computer voice.
      return pgettext("practice voice", "Altijd de computerstem");
  }
}
