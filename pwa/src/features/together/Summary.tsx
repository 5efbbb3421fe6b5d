// The end of a together session: what was done, that it counts for the newcomer, and that it is
// logged as the pair's activity (sent when online).
import { _, ngettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { MaatjeDB } from '../../store/db';
import type { Rating } from '../../types';
import { Button } from '../../ui/Button';
import { useOnline, useWatch } from '../../ui/useWatch';
import { durationText } from '../activities/words';
import type { Offer } from '../match/overlay';
import { tally } from './deck';
import { watchUnsentRatings } from './queries';

export function Summary({ db, offer, ratings, minutes, again }: {
  db: MaatjeDB;
  offer: Offer;
  ratings: Rating[];
  minutes: number | null;
  again: () => void;
}) {
  const online = useOnline();
  const unsent = useWatch(watchUnsentRatings(db, offer.match_id), 0, [db, offer.match_id]);
  const { total, again: toRepeat } = tally(ratings);
  const name = offer.other_first_name;
  return (
    <div class="together-summary" role="status" data-testid="together-summary" data-total={total}>
      {/* TRANSLATORS: a heading at the end of a practice session */}
      <h2>{_("Goed gedaan!")}</h2>
      <p>{ngettext("Jullie hebben {n} zin samen geoefend.", "Jullie hebben {n} zinnen samen geoefend.", total)}</p>
      {toRepeat > 0 && <p>{ngettext("{n} zin komt binnenkort nog een keer terug.", "{n} zinnen komen binnenkort nog een keer terug.", toRepeat)}</p>}
      {total > 0 && <p><T msg={_("Het telt mee in de oefening van {name}.")} name={name} /></p>}
      {minutes !== null && (
        <p data-testid="logged-activity">
          <T msg={_("Opgeslagen als activiteit: samen zinnen oefenen, {duration}.")} duration={durationText(minutes)} />
        </p>
      )}
      {unsent > 0 && (
        <p class="pending-mark" data-testid="unsent">
          {online ? _("Jullie oefening wordt verstuurd…") : _("Opgeslagen op je telefoon. Het wordt verstuurd zodra je online bent.")}
        </p>
      )}
      <Button variant="secondary" icon="refresh" onClick={again} data-testid="again">{_("Nog een thema oefenen")}</Button>
    </div>
  );
}
