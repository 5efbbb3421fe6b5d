// What the two share, in words: the other's municipality, the languages both speak, the interests
// both have (labels from the catalogues; the code itself while none is stored yet).
import { _ } from '../../i18n';
import { T } from '../../i18n/T';
import type { Catalogues } from '../../types';
import { label } from '../catalogues/catalogues';
import type { Offer } from './overlay';

export function OfferFacts({ offer, catalogues }: { offer: Offer; catalogues: Catalogues }) {
  const languages = offer.shared_languages.map((c) => label(catalogues.languages, c));
  const interests = offer.shared_interests.map((c) => label(catalogues.interests, c));
  return (
    <dl class="facts" data-testid="offer-facts">
      {offer.other_municipality && (
        <div>
          {/* TRANSLATORS: a label: the municipality where the other person lives. */}
          <dt>{_("Woonplaats")}</dt>
          <dd><bdi>{offer.other_municipality}</bdi></dd>
        </div>
      )}
      <div>
        <dt>{_("Jullie spreken allebei")}</dt>
        <dd data-testid="shared-languages">{languages.length ? languages.join(', ') : _("Nog geen gedeelde taal")}</dd>
      </div>
      <div>
        <dt>{_("Jullie houden allebei van")}</dt>
        <dd data-testid="shared-interests">
          {interests.length ? interests.join(', ') : <T msg={_("Dat ontdekken jullie samen, {name}!")} name={offer.other_first_name} />}
        </dd>
      </div>
    </dl>
  );
}
