// On the home screen: the open proposal (answer it), the match waiting for the coordinator, or
// the partner (their page); each a big card that opens /maatje/<id>.
import { _ } from '../../i18n';
import { T } from '../../i18n/T';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { useWatch } from '../../ui/useWatch';
import { statusText } from './status';
import { isOpen, type Offer } from './overlay';
import { watchOffers } from './queries';
import './match.css';

function heading(offer: Offer) {
  if (offer.status === 'active' || offer.status === 'paused') {
    return offer.role === 'buddy'
      ? <T msg={_("Jouw nieuwkomer: {name}")} name={offer.other_first_name} />
      : <T msg={_("Jouw maatje: {name}")} name={offer.other_first_name} />;
  }
  return <T msg={/* TRANSLATORS: a card on the home screen: a proposed buddy (or newcomer) and their first name */ _("Voorstel: {name}")} name={offer.other_first_name} />;
}

export function OfferCards() {
  const db = useDb();
  const offers = useWatch<Offer[]>(watchOffers(db), [], [db]);
  const open = offers.filter(isOpen);
  if (open.length === 0) return null;
  return (
    <section aria-label={/* TRANSLATORS: a label: the user's proposal or match */ _("Jouw koppeling")} data-testid="offer-cards">
      {open.map((offer) => (
        <a key={offer.id} class="offer-card" href={`/maatje/${offer.match_id}`} data-testid="offer-card" data-status={offer.status}>
          <strong>{heading(offer)}</strong>
          <p>{statusText(offer)}</p>
          <span class="go">
            {/* TRANSLATORS: the link on a proposal's or match's card: open it. */}
            {offer.status === 'proposed' && offer.own_answer === null ? _("Bekijk en geef je antwoord") : /* TRANSLATORS: a link on a card: open the match */ _("Bekijk")}
            <Icon name="arrow" />
          </span>
        </a>
      ))}
    </section>
  );
}
