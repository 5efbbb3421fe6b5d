// A typed answer word by word: right, wrong, missing or extra, shown by style AND said in words
// (hidden text for screen readers, a sign for the eye), never by colour alone.
import { _, pgettext } from '../../i18n';
import type { AnswerCheck, WordStatus } from './answer';

function statusWord(status: WordStatus): string {
  switch (status) {
    // TRANSLATORS: said by a screen reader after a typed word that is right.
    case 'ok': return pgettext("typed word", "goed");
    // TRANSLATORS: said by a screen reader after a typed word that is wrong.
    case 'wrong': return pgettext("typed word", "fout");
    // TRANSLATORS: said by a screen reader for a word the user left out.
    case 'missing': return pgettext("typed word", "ontbreekt");
    // TRANSLATORS: said by a screen reader for a word the user typed too many.
    case 'extra': return pgettext("typed word", "te veel");
  }
}

const SIGN: Record<WordStatus, string> = { ok: '', wrong: '✗', missing: '+', extra: '−' };

export function verdict(check: AnswerCheck): string {
  // TRANSLATORS: after checking a typed Dutch phrase: it was exactly right.
  if (check.correct) return _("Helemaal goed!");
  if (check.close) return _("Bijna goed: er zit een kleine tikfout in.");
  return _("Nog niet helemaal. Kijk wat er anders is:");
}

export function WordDiff({ check }: { check: AnswerCheck }) {
  return (
    <div class="word-diff" data-testid="word-diff" data-correct={String(check.correct)} data-close={String(check.close)}>
      <p class="verdict" role="status">{verdict(check)}</p>
      <p class="words" lang="nl" dir="ltr">
        {check.words.map((w, i) => (
          <span key={i}>
            {i > 0 && ' '}
            <span class={`w w-${w.status}`} data-status={w.status}>
              {SIGN[w.status] && <span class="w-sign" aria-hidden="true">{SIGN[w.status]}</span>}
              {w.text}
              <span class="visually-hidden"> ({statusWord(w.status)})</span>
            </span>
          </span>
        ))}
      </p>
    </div>
  );
}
