// One card of a together session: the Dutch phrase (always Dutch, left to right, inside any page),
// the voice, the translation in the app's language behind "Laat zien", and the rating buttons.
import { useState } from 'preact/hooks';
import { _, format } from '../../i18n';
import type { ContentCatalogue, ContentPhrase, Rating } from '../../types';
import { Button } from '../../ui/Button';
import { PlayButton } from '../audio/PlayButton';
import { answerChoices } from '../practice/words';

export function Card({ phrase, catalogue, buttons, place, total, onRate }: {
  phrase: ContentPhrase;
  catalogue: ContentCatalogue;
  buttons: 2 | 4; // the buddy's own choice (their practice settings)
  place: number;
  total: number;
  onRate: (rating: Rating) => void;
}) {
  // In Dutch there is no translation to hide: the buttons come straight away.
  const [shown, setShown] = useState(catalogue.lang === 'nl');
  return (
    <article class="together-card" data-testid="together-card" data-phrase={phrase.id} aria-labelledby="together-phrase">
      <p class="muted">{format(_("Zin {number} van {total}"), { number: place, total })}</p>
      <p id="together-phrase" class="phrase-nl" lang="nl" dir="ltr" data-testid="phrase-nl">{phrase.nl}</p>
      <PlayButton phrase={phrase} />
      {!shown ? (
        <Button variant="secondary" icon="arrow" onClick={() => setShown(true)} data-testid="reveal">
          {/* TRANSLATORS: a button: show the translation of the phrase */ _("Laat zien")}
        </Button>
      ) : (
        <>
          {catalogue.lang !== 'nl' && (phrase.t ? (
            <p class="phrase-translation" lang={catalogue.lang} dir={catalogue.dir} data-testid="phrase-translation">
              {phrase.t}
              {phrase.u && <span class="unreviewed-label"> {_("nog niet gecontroleerd")}</span>}
            </p>
          ) : <p class="muted" data-testid="phrase-translation">{_("Nog geen vertaling")}</p>)}
          <p class="rate-question">{_("Hoe ging het?")}</p>
          <div class={`rate-buttons rate-${buttons}`} role="group" aria-label={_("Hoe ging het?")}>
            {answerChoices(buttons).map(({ rating, label }) => (
              <Button key={rating} variant={rating === 1 ? 'secondary' : 'primary'} onClick={() => onRate(rating)}
                data-testid={`rate-${rating}`}>{label}</Button>
            ))}
          </div>
        </>
      )}
    </article>
  );
}
