// On the partner's page (MatchScreen embeds it): the balance of initiative, the open goals in
// short, and the ways to log an activity, see the goals and the timeline, and (MDT) the hours.
import { useEffect, useState } from 'preact/hooks';
import { _, ngettext, pgettext } from '../../i18n';
import { getMeta, type MaatjeDB } from '../../store/db';
import { Icon } from '../../ui/Icon';
import { useWatch } from '../../ui/useWatch';
import { useCatalogues } from '../catalogues/useCatalogues';
import { goalTitle, progress, splitGoals, type ShownGoal } from '../goals/overlay';
import { watchGoals } from '../goals/queries';
import { loadHours } from '../hours/hours';
import type { Offer } from '../match/overlay';
import { BalanceCard } from './BalanceCard';
import './activities.css';

// An MDT buddy has hours to show: known from the stored copy, else asked once (a 404: not MDT).
function useHasHours(db: MaatjeDB, offer: Offer): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    if (offer.role !== 'buddy') return;
    let live = true;
    void (async () => {
      const userId = await getMeta(db, 'last_user_id');
      if (!userId) return;
      const stored = await getMeta(db, 'hours');
      if (stored?.user_id === userId) {
        if (live) setHas(stored.data.mdt);
        return;
      }
      const { hours } = await loadHours(db, userId);
      if (live) setHas(hours?.data.mdt ?? false);
    })();
    return () => {
      live = false;
    };
  }, [db, offer.role]);
  return has;
}

export function TogetherSection({ db, offer }: { db: MaatjeDB; offer: Offer }) {
  const catalogues = useCatalogues();
  const goals = useWatch<ShownGoal[]>(watchGoals(db, offer.match_id, offer.role), [], [db, offer.match_id, offer.role]);
  const hasHours = useHasHours(db, offer);
  const { open } = splitGoals(goals);
  const base = `/maatje/${offer.match_id}`;
  const writable = offer.status === 'active' || offer.status === 'paused';
  return (
    <section class="together" aria-labelledby="together-title" data-testid="together">
      {/* TRANSLATORS: a heading on the partner's page: what the pair does together. */}
      <h2 id="together-title">{_("Samen")}</h2>
      {writable && (
        <p>
          <a class="btn btn-primary" href={`${base}/activiteit/nieuw`} data-testid="to-log-activity">
            <Icon name="plus" /> <span>{_("Iets samen gedaan? Schrijf het op")}</span>
          </a>
        </p>
      )}
      <BalanceCard db={db} offer={offer} />
      <section aria-labelledby="together-goals" data-testid="together-goals">
        <h3 id="together-goals">{ngettext("{n} doel waar jullie aan werken", "{n} doelen waar jullie aan werken", open.length)}</h3>
        {open.length > 0 && (
          <ul class="goal-short">
            {open.slice(0, 3).map((g) => (
              <li key={g.id}>
                <bdi>{goalTitle(g, catalogues.goals)}</bdi>{' '}
                <span class="muted">({new Intl.NumberFormat(document.documentElement.lang || 'nl', { style: 'percent' }).format(progress(g))})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul class="together-links">
        <li>
          <a class="btn btn-secondary" href={`${base}/doelen`} data-testid="to-goals">
            <Icon name="check" /> <span>{pgettext("screen title", "Doelen")}</span>
          </a>
        </li>
        <li>
          <a class="btn btn-secondary" href={`${base}/tijdlijn`} data-testid="to-timeline">
            <Icon name="clock" /> <span>{pgettext("screen title", "Tijdlijn")}</span>
          </a>
        </li>
        {hasHours && (
          <li>
            <a class="btn btn-secondary" href="/uren" data-testid="to-hours">
              <Icon name="document" /> <span>{pgettext("screen title", "Mijn uren")}</span>
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
