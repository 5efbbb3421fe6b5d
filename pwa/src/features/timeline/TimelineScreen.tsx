// /maatje/:match/tijdlijn: everything the pair did and planned, newest first.
import { _ } from '../../i18n';
import { T } from '../../i18n/T';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { NotFoundScreen } from '../../ui/NotFoundScreen';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';
import type { Offer } from '../match/overlay';
import { watchOffer } from '../match/queries';
import { Timeline, timelineTitle } from './Timeline';

export function TimelineScreen({ params }: ScreenProps) {
  const db = useDb();
  const matchId = params?.match ?? '';
  const offer = useWatch<Offer | null | undefined>(watchOffer(db, matchId), undefined, [db, matchId]);
  useTitle(timelineTitle());
  if (offer === undefined) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (offer === null || !['active', 'paused', 'ended'].includes(offer.status)) return <NotFoundScreen />;
  return (
    <section class="screen timeline-screen" data-testid="timeline-screen" aria-labelledby="timeline-title">
      <p class="eyebrow"><bdi>{offer.other_first_name}</bdi></p>
      <h1 id="timeline-title">{_("Wat jullie samen deden")}</h1>
      <Timeline db={db} offer={offer} />
      <p>
        <a class="btn btn-quiet" href={`/maatje/${offer.match_id}`}>
          <Icon name="arrow" /> <T msg={_("Terug naar {name}")} name={offer.other_first_name} />
        </a>
      </p>
    </section>
  );
}
