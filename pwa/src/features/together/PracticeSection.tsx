// On the pair's page (MatchScreen embeds it). The buddy: the way into practising together and the
// newcomer's progress when they share it, else that it stays private. The newcomer: what they
// share with their buddy, and where to change it (their own practice settings).
import { _, currentLang } from '../../i18n';
import { T } from '../../i18n/T';
import type { MaatjeDB } from '../../store/db';
import type { PracticeData, PracticeShareData } from '../../types';
import { Icon } from '../../ui/Icon';
import { useWatch } from '../../ui/useWatch';
import type { Offer } from '../match/overlay';
import { watchPractice } from '../practice/settings';
import { ProgressView } from './ProgressView';
import { watchShare } from './queries';
import { useCatalogue, usePhrases } from './useCatalogue';
import './together.css';

function ForBuddy({ db, offer }: { db: MaatjeDB; offer: Offer }) {
  const share = useWatch<PracticeShareData | null>(watchShare(db, offer.match_id), null, [db, offer.match_id]);
  // Loaded here as well: the labels below need it, and it is then on the phone for practising offline.
  const catalogue = useCatalogue(db, currentLang());
  const phrases = usePhrases(db, catalogue);
  const name = offer.other_first_name;
  return (
    <>
      <p>
        {share?.together
          ? <T msg={_("Oefen samen met {name}: jij laat een zin zien, {name} zegt hem, jij geeft aan hoe het ging.")} name={name} />
          : <T msg={_("Samen oefenen kan zodra {name} het aanzet in de eigen instellingen van Oefenen.")} name={name} />}
      </p>
      <p>
        <a class="btn btn-primary" href={`/maatje/${offer.match_id}/samen-oefenen`} data-testid="to-together">
          <Icon name="cards" /> <span>{/* TRANSLATORS: a button: practise phrases together with your newcomer */ _("Samen oefenen")}</span>
        </a>
      </p>
      {/* TRANSLATORS: a heading: how far the newcomer is with practising phrases */}
      <h3>{_("Voortgang")}</h3>
      {share?.progress
        ? <ProgressView progress={share.progress} catalogue={catalogue} phrases={phrases} />
        : <p class="muted" data-testid="progress-private"><T msg={_("De voortgang van {name} is privé, tenzij {name} die met je deelt.")} name={name} /></p>}
    </>
  );
}

function ForNewcomer({ db, offer, userId }: { db: MaatjeDB; offer: Offer; userId: string }) {
  const practice = useWatch<PracticeData | null>(watchPractice(db, userId), null, [db, userId]);
  if (!practice) return null;
  const name = offer.other_first_name;
  return (
    <>
      <p data-testid="own-share">
        {practice.together_consent_at
          ? <T msg={_("Je oefent samen met {name}: wat {name} beoordeelt, telt mee in je eigen oefening.")} name={name} />
          : <T msg={_("Samen oefenen met {name} staat uit.")} name={name} />}{' '}
        {practice.progress_consent_at
          ? <T msg={_("{name} ziet je voortgang.")} name={name} />
          : _("Je voortgang is alleen voor jou.")}
      </p>
      <p>
        <a class="btn btn-secondary" href="/oefenen/instellingen" data-testid="to-practice-settings">
          <Icon name="pen" /> <span>{_("Dit veranderen in je instellingen van Oefenen")}</span>
        </a>
      </p>
    </>
  );
}

export function PracticeSection({ db, offer, userId }: { db: MaatjeDB; offer: Offer; userId: string }) {
  return (
    <section class="practice-together" aria-labelledby="practice-together-title" data-testid="practice-section">
      {/* TRANSLATORS: a heading on the pair's page: practising Dutch phrases */}
      <h2 id="practice-together-title">{_("Zinnen oefenen")}</h2>
      {offer.role === 'buddy' ? <ForBuddy db={db} offer={offer} /> : <ForNewcomer db={db} offer={offer} userId={userId} />}
    </section>
  );
}
