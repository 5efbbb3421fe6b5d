// One proposal or match, as this party sees it: who, what you share, and your answer (yes, or no
// with an optional reason). Answers are queued (offline too); once the match is active this is
// the other person's page, with the contact details they chose to share.
import { useState } from 'preact/hooks';
import { _, formatDate } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { NotFoundScreen } from '../../ui/NotFoundScreen';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useOnline, useWatch } from '../../ui/useWatch';
import { refusedText } from '../auth/SessionNotice';
import { useCatalogues } from '../catalogues/useCatalogues';
import { TogetherSection } from '../activities/TogetherSection';
import { MeetingsSection } from '../meetings/MeetingsSection';
import { PracticeSection } from '../together/PracticeSection';
import { EndMatch, Evaluate } from './EndAndEvaluate';
import { acceptMatch, declineMatch } from './mutations';
import { OfferFacts } from './OfferFacts';
import type { Offer } from './overlay';
import { watchOffer } from './queries';
import { statusText } from './status';
import './match.css';

function Contact({ offer }: { offer: Offer }) {
  const email = offer.contact?.email;
  const phone = offer.contact?.phone;
  return (
    <section class="contact" aria-labelledby="contact-title" data-testid="contact">
      {/* TRANSLATORS: a heading: how to reach the other person (phone, e-mail). */}
      <h2 id="contact-title">{_("Contact")}</h2>
      {!email && !phone && <p><T msg={_("{name} deelt geen contactgegevens. Vraag de coördinator hoe jullie elkaar bereiken.")} name={offer.other_first_name} /></p>}
      {phone && (
        <p>
          <a class="btn btn-secondary" href={`tel:${phone}`} data-testid="contact-phone">
            <Icon name="phone" /> <span dir="ltr">{phone}</span>
          </a>
        </p>
      )}
      {email && (
        <p>
          <a class="btn btn-secondary" href={`mailto:${email}`} data-testid="contact-email">
            <Icon name="mail" /> <span dir="ltr">{email}</span>
          </a>
        </p>
      )}
    </section>
  );
}

function Answer({ offer }: { offer: Offer }) {
  const db = useDb();
  const online = useOnline();
  const catalogues = useCatalogues();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [refused, setRefused] = useState('');

  async function answer(action: () => Promise<number>) {
    setRefused('');
    try {
      await action();
      setDeclining(false);
    } catch (error) {
      const text = refusedText(error);
      if (text === null) throw error;
      setRefused(text);
    }
  }

  if (offer.own_answer !== null) {
    return (
      <p role="status" class="form-status" data-testid="answer-status" data-pending={String(offer.pending)}>
        {offer.pending && !online
          ? _("Je antwoord wordt verstuurd zodra je online bent.")
          : offer.pending ? _("Je antwoord wordt verstuurd…") : ''}
      </p>
    );
  }
  return (
    <div class="answer" data-testid="answer">
      {offer.expires_at && (
        <p><T msg={_("Geef je antwoord vóór {date}.")} date={formatDate(offer.expires_at)} /></p>
      )}
      {!declining ? (
        <div class="answer-buttons">
          <Button icon="check" onClick={() => void answer(() => acceptMatch(db, offer.match_id))} data-testid="accept">
            {/* TRANSLATORS: the button that accepts a proposed buddy (or newcomer). */}
            {_("Ja, graag")}
          </Button>
          <Button icon="close" variant="secondary" onClick={() => setDeclining(true)} data-testid="decline">
            {_("Nee, liever niet")}
          </Button>
        </div>
      ) : (
        <form class="decline-form" onSubmit={(e) => { e.preventDefault(); void answer(() => declineMatch(db, offer.match_id, reason || null, note)); }}>
          <div class="field">
            <label for="decline-reason">{_("Waarom niet? (mag je leeg laten)")}</label>
            <select id="decline-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
              <option value="">{_("Zeg ik liever niet")}</option>
              {Object.entries(catalogues.decline_reasons).map(([code, text]) => (
                <option key={code} value={code}>{text}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="decline-note">{_("Toelichting (mag je leeg laten)")}</label>
            <textarea id="decline-note" dir="auto" rows={2} maxLength={500} value={note}
              onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <div class="answer-buttons">
            {/* TRANSLATORS: the button that sends the decline of a proposal. */}
            <Button type="submit" icon="close" data-testid="confirm-decline">{_("Nee zeggen")}</Button>
            {/* TRANSLATORS: a button: close the decline form without declining. */}
            <Button variant="quiet" onClick={() => setDeclining(false)}>{_("Terug")}</Button>
          </div>
        </form>
      )}
      {refused && <p class="form-error" role="alert">{refused}</p>}
    </div>
  );
}

export function MatchScreen({ params, user }: ScreenProps) {
  const db = useDb();
  const id = params?.id ?? '';
  const offer = useWatch<Offer | null | undefined>(watchOffer(db, id), undefined, [db, id]);
  const catalogues = useCatalogues();
  // TRANSLATORS: the page title of a proposed match, before it has loaded.
  useTitle(offer ? offer.other_first_name : _("Voorstel"));
  if (offer === undefined) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (offer === null) return <NotFoundScreen />;
  const live = offer.status === 'active' || offer.status === 'paused';
  return (
    <section class="screen match" data-testid="match" data-status={offer.status} aria-labelledby="match-title">
      <p class="eyebrow">
        {live || offer.status === 'ended'
          ? (offer.role === 'buddy' ? /* TRANSLATORS: above the name of the buddy's newcomer */ _("Jouw nieuwkomer") : /* TRANSLATORS: above the name of the newcomer's buddy */ _("Jouw maatje"))
          // TRANSLATORS: above the name of the person proposed as buddy (or newcomer).
          : _("Voorstel")}
      </p>
      <h1 id="match-title"><bdi>{offer.other_first_name}</bdi></h1>
      <p class="match-status" data-testid="match-status">{statusText(offer)}</p>
      <OfferFacts offer={offer} catalogues={catalogues} />
      {offer.status === 'proposed' && <Answer offer={offer} />}
      {live && <MeetingsSection db={db} offer={offer} />}
      {live && <TogetherSection db={db} offer={offer} />}
      {live && <PracticeSection db={db} offer={offer} userId={user.id} />}
      {offer.status === 'active' && offer.role === 'buddy' && (
        <p>
          <a class="btn btn-secondary" href={`/opnemen?maatje=${offer.match_id}`} data-testid="to-record">
            {/* TRANSLATORS: a link: record Dutch phrases in your own voice for your newcomer */}
            <span>{_("Zinnen inspreken")}</span>
          </a>
        </p>
      )}
      {live && <Contact offer={offer} />}
      {live && offer.planned_end && (
        <p><T msg={_("Jullie koppeling loopt tot {date}.")} date={formatDate(offer.planned_end)} /></p>
      )}
      {live && <EndMatch offer={offer} />}
      {offer.status === 'ended' && <Evaluate offer={offer} />}
      {offer.status === 'proposed' && offer.own_answer === 'declined' && (
        <p class="muted">{_("Bedankt voor je eerlijke antwoord. De coördinator zoekt verder.")}</p>
      )}
      <p>
        <a class="btn btn-quiet" href="/">
          <Icon name="home" /> <span>{_("Naar de startpagina")}</span>
        </a>
      </p>
    </section>
  );
}
