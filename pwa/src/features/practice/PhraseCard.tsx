// One card of a session in one of four modes. Recognise: the Dutch, tap to see your own language.
// Recall: your own language, say or think the Dutch, tap to see it. Listen: only the voice. Type:
// type the Dutch and see the words compared. The Dutch is always lang="nl" dir="ltr".
import { useState } from 'preact/hooks';
import { _, pgettext } from '../../i18n';
import type { ContentPhrase, PracticeMode } from '../../types';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { AttemptRecorder } from '../audio/AttemptRecorder';
import { PlayButton } from '../audio/PlayButton';
import { checkAnswer, type AnswerCheck } from './answer';
import { modeHelp } from './words';
import { WordDiff } from './WordDiff';

interface Props {
  phrase: ContentPhrase;
  mode: PracticeMode;
  lang: string; // the catalogue's language: the translation's
  newcomer: boolean;
  matchId?: string;
  revealed: boolean;
  onReveal: () => void;
}

function Dutch({ phrase }: { phrase: ContentPhrase }) {
  return <p class="phrase-nl" lang="nl" dir="ltr" data-testid="phrase-nl">{phrase.nl}</p>;
}

function Translation({ phrase, lang }: { phrase: ContentPhrase; lang: string }) {
  if (lang === 'nl') return null; // a Dutch interface has no translation to show
  if (!phrase.t) {
    return <p class="phrase-t is-missing" data-testid="phrase-t">{_("Nog geen vertaling")}</p>;
  }
  return (
    <p class="phrase-t" data-testid="phrase-t">
      <span lang={lang} dir="auto">{phrase.t}</span>
      {phrase.u === 1 && (
        // TRANSLATORS: a small label next to a translation a machine made and nobody checked yet.
        <span class="unreviewed-label" data-testid="unreviewed-label"> {pgettext("translation", "nog niet gecontroleerd")}</span>
      )}
    </p>
  );
}

function TypeAnswer({ phrase, onChecked }: { phrase: ContentPhrase; onChecked: (check: AnswerCheck) => void }) {
  const [text, setText] = useState('');
  return (
    <form class="type-answer" onSubmit={(e) => { e.preventDefault(); onChecked(checkAnswer(phrase.nl, text)); }}>
      <label for="typed">{_("Typ de zin in het Nederlands")}</label>
      <input id="typed" lang="nl" dir="ltr" autocomplete="off" autocapitalize="off" spellcheck={false}
        value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="typed" />
      {/* TRANSLATORS: a button: check the typed answer. */}
      <Button type="submit" icon="check" variant="secondary" data-testid="check">{pgettext("practice", "Controleren")}</Button>
    </form>
  );
}

export function PhraseCard({ phrase, mode, lang, newcomer, matchId, revealed, onReveal }: Props) {
  const [check, setCheck] = useState<AnswerCheck | null>(null);
  const prompt = (() => {
    switch (mode) {
      case 'recognise': return <Dutch phrase={phrase} />;
      case 'recall': return <Translation phrase={phrase} lang={lang} />;
      case 'listen': return null;
      case 'type': return phrase.t ? <Translation phrase={phrase} lang={lang} /> : null;
    }
  })();
  const answer = (() => {
    switch (mode) {
      case 'recognise': return <Translation phrase={phrase} lang={lang} />;
      case 'recall': return <Dutch phrase={phrase} />;
      case 'listen': return <><Dutch phrase={phrase} /><Translation phrase={phrase} lang={lang} /></>;
      case 'type': return phrase.t ? <Dutch phrase={phrase} /> : <><Dutch phrase={phrase} /><Translation phrase={phrase} lang={lang} /></>;
    }
  })();
  return (
    <article class="phrase-card" data-testid="phrase-card" data-mode={mode} data-phrase={phrase.id} data-revealed={String(revealed)}>
      <p class="mode-help">{modeHelp(mode)}</p>
      {prompt}
      {/* The voice under the phrase; in listen mode (and typing without a translation) it is the prompt.
          Where the Dutch is what is asked for (recall, typing from the translation), it waits. */}
      {(revealed || mode === 'recognise' || mode === 'listen' || (mode === 'type' && !phrase.t)) && <PlayButton phrase={phrase} autoplay={mode === 'listen' || (mode === 'type' && !phrase.t)} />}
      {mode === 'type' && !revealed && (
        <TypeAnswer phrase={phrase} onChecked={(c) => { setCheck(c); onReveal(); }} />
      )}
      {mode === 'type' && check && <WordDiff check={check} />}
      {revealed ? (
        <div class="answer" data-testid="answer">{answer}</div>
      ) : mode !== 'type' && (
        <Button variant="secondary" icon="arrow" onClick={onReveal} data-testid="reveal">
          {/* TRANSLATORS: a button in practice: show the answer. */}
          {pgettext("practice", "Laat zien")}
        </Button>
      )}
      {revealed && newcomer && (
        <div class="attempt">
          <AttemptRecorder phraseId={phrase.id} matchId={matchId} />
        </div>
      )}
      {mode === 'listen' && !revealed && <p class="hint"><Icon name="clock" /> {_("Luister goed en denk na. Tik dan op ‘Laat zien’.")}</p>}
    </article>
  );
}
