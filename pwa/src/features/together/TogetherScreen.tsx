// /maatje/<match id>/samen-oefenen: the buddy practises with their newcomer, side by side. Works
// offline: the catalogue is on the phone, every rating and the closing activity are queued.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { _, currentLang } from '../../i18n';
import { T } from '../../i18n/T';
import type { MaatjeDB } from '../../store/db';
import type { ContentCatalogue, ContentPhrase, PracticeData, PracticeShareData, Rating } from '../../types';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { NotFoundScreen } from '../../ui/NotFoundScreen';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';
import { useQueuedChange } from '../auth/useQueuedChange';
import type { Offer } from '../match/overlay';
import { watchOffer } from '../match/queries';
import { DEFAULT_SETTINGS, watchPractice } from '../practice/settings';
import { Card } from './Card';
import { ChooseTheme } from './ChooseTheme';
import { buildDeck, sessionMinutes } from './deck';
import { logTogetherSession, rateTogether } from './mutations';
import { watchShare } from './queries';
import { Summary } from './Summary';
import { useCatalogue, usePhrases } from './useCatalogue';
import './together.css';

type Stage =
  | { kind: 'choose' }
  | { kind: 'cards'; deck: string[]; at: number; ratings: Rating[]; startedAt: Date }
  | { kind: 'done'; ratings: Rating[]; minutes: number | null };

function Session({ db, offer, catalogue, phrases, buttons }: {
  db: MaatjeDB;
  offer: Offer;
  catalogue: ContentCatalogue;
  phrases: ContentPhrase[];
  buttons: 2 | 4;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const { refused, run: write } = useQueuedChange();
  const ratingNow = useRef(false);

  async function finish(ratings: Rating[], startedAt: Date) {
    const now = new Date();
    // Nothing rated, nothing to log: a session opened by mistake is no activity.
    if (ratings.length > 0 && !(await write(() => logTogetherSession(db, offer.match_id, startedAt, now)))) return;
    setStage({ kind: 'done', ratings, minutes: ratings.length > 0 ? sessionMinutes(startedAt, now) : null });
  }

  async function rate(rating: Rating) {
    // A second tap before the card has moved on would rate the same phrase twice.
    if (stage.kind !== 'cards' || ratingNow.current) return;
    ratingNow.current = true;
    try {
      const phraseId = stage.deck[stage.at];
      if (!(await write(() => rateTogether(db, offer.match_id, phraseId, rating)))) return;
      const ratings = [...stage.ratings, rating];
      if (stage.at + 1 >= stage.deck.length) await finish(ratings, stage.startedAt);
      else setStage({ ...stage, at: stage.at + 1, ratings });
    } finally {
      ratingNow.current = false;
    }
  }

  let body;
  if (stage.kind === 'choose') {
    body = <ChooseTheme catalogue={catalogue} phrases={phrases}
      onChoose={(theme) => setStage({ kind: 'cards', deck: buildDeck(phrases, theme), at: 0, ratings: [], startedAt: new Date() })} />;
  } else if (stage.kind === 'cards') {
    const phrase = phrases.find((p) => p.id === stage.deck[stage.at]);
    body = (
      <>
        {phrase && <Card key={phrase.id} phrase={phrase} catalogue={catalogue} buttons={buttons}
          place={stage.at + 1} total={stage.deck.length} onRate={(r) => void rate(r)} />}
        <p>
          <button type="button" class="btn btn-quiet" onClick={() => void finish(stage.ratings, stage.startedAt)} data-testid="finish">
            <Icon name="check" /> <span>{/* TRANSLATORS: a button: end the practice session */ _("Klaar")}</span>
          </button>
        </p>
      </>
    );
  } else {
    body = <Summary db={db} offer={offer} ratings={stage.ratings} minutes={stage.minutes} again={() => setStage({ kind: 'choose' })} />;
  }
  return (
    <>
      {body}
      {refused && <p class="form-error" role="alert">{refused}</p>}
    </>
  );
}

// Without the newcomer's consent the buddy learns only where the newcomer can turn it on.
function NoConsent({ name }: { name: string }) {
  return (
    <div class="together-off" data-testid="together-off">
      <p><T msg={_("Samen oefenen staat nog uit. {name} kan het aanzetten op de eigen telefoon, bij Oefenen > Instellingen.")} name={name} /></p>
      <p class="muted"><T msg={_("Dan tellen jouw beoordelingen mee in de oefening van {name}. Dat kiest {name} zelf.")} name={name} /></p>
    </div>
  );
}

export function TogetherScreen({ params, user }: ScreenProps) {
  const db = useDb();
  const matchId = params?.match ?? '';
  const { route } = useLocation();
  // TRANSLATORS: the title of the screen where a buddy practises phrases with their newcomer.
  useTitle(_("Samen oefenen"));
  const offer = useWatch<Offer | null | undefined>(watchOffer(db, matchId), undefined, [db, matchId]);
  const share = useWatch<PracticeShareData | null | undefined>(watchShare(db, matchId), undefined, [db, matchId]);
  const settings = useWatch<PracticeData>(watchPractice(db, user.id), DEFAULT_SETTINGS, [db, user.id]);
  const catalogue = useCatalogue(db, currentLang());
  const phrases = usePhrases(db, catalogue);
  const newcomer = offer?.role === 'newcomer';
  useEffect(() => {
    if (newcomer) route('/oefenen', true); // a newcomer practises in their own practice screens
  }, [newcomer]);

  if (offer === undefined || share === undefined || newcomer) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (offer === null || !(offer.status === 'active' || offer.status === 'paused')) return <NotFoundScreen />;
  const name = offer.other_first_name;
  let body;
  if (offer.status === 'paused') {
    body = <p class="form-error" role="alert" data-testid="paused">{_("Jullie koppeling staat op pauze: je kunt nu niets toevoegen of wijzigen.")}</p>;
  } else if (!share?.together) body = <NoConsent name={name} />;
  else if (catalogue === undefined) body = <p role="status">{_("Even geduld…")}</p>;
  else if (catalogue === null) {
    body = <p role="alert" data-testid="no-catalogue">{_("De zinnen staan nog niet op deze telefoon. Open dit scherm één keer met internet, daarna werkt het ook zonder.")}</p>;
  } else body = <Session db={db} offer={offer} catalogue={catalogue} phrases={phrases} buttons={settings.buttons} />;
  return (
    <section class="screen together-screen" data-testid="together-screen" aria-labelledby="together-title">
      <p class="eyebrow"><bdi>{name}</bdi></p>
      <h1 id="together-title">{_("Samen oefenen")}</h1>
      {body}
      <p>
        <a class="btn btn-quiet" href={`/maatje/${matchId}`}>
          <Icon name="back" /> <span><T msg={_("Terug naar {name}")} name={name} /></span>
        </a>
      </p>
    </section>
  );
}
