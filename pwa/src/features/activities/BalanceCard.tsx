// The balance of initiative between the two, in words and in a small drawn bar, overall and per
// domain: reciprocity is the point, so both sides see that both contribute.
import { _, ngettext } from '../../i18n';
import type { MaatjeDB } from '../../store/db';
import type { Domain } from '../../types';
import { useWatch } from '../../ui/useWatch';
import { useCatalogues } from '../catalogues/useCatalogues';
import type { Offer } from '../match/overlay';
import { balanceOf, type Balance, type ShownActivity } from './overlay';
import { watchActivities } from './queries';
import './activities.css';

const DOMAINS: Domain[] = ['taal', 'werk', 'meedoen'];

// Three sentences (each its own count, so each language can say it its own way).
export function balanceWords(balance: Balance, other: string): string[] {
  return [
    ngettext("{name} nam {n} keer het initiatief.", "{name} nam {n} keer het initiatief.", balance.theirs, { name: other }),
    ngettext("Jij nam {n} keer het initiatief.", "Jij nam {n} keer het initiatief.", balance.mine),
    ngettext("{n} keer kwam het initiatief van jullie samen.", "{n} keer kwam het initiatief van jullie samen.", balance.both),
  ];
}

// One bar: the other's share, together, yours; its words are its text alternative.
function Bar({ balance, label, testid }: { balance: Balance; label: string; testid?: string }) {
  const total = balance.mine + balance.theirs + balance.both;
  const w = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  const theirs = w(balance.theirs);
  const both = w(balance.both);
  return (
    <svg class="balance-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label} data-testid={testid}>
      <rect x="0" y="0" width="100" height="10" class="bar-empty" />
      <rect x="0" y="0" width={theirs} height="10" class="bar-theirs" />
      <rect x={theirs} y="0" width={both} height="10" class="bar-both" />
      <rect x={theirs + both} y="0" width={w(balance.mine)} height="10" class="bar-mine" />
    </svg>
  );
}

export function BalanceCard({ db, offer }: { db: MaatjeDB; offer: Offer }) {
  const catalogues = useCatalogues();
  const activities = useWatch<ShownActivity[] | null>(watchActivities(db, offer.match_id, offer.role), null, [db, offer.match_id, offer.role]);
  if (activities === null) return null;
  const balances = balanceOf(activities, offer.role);
  const total = balances.all.mine + balances.all.theirs + balances.all.both;
  const other = offer.other_first_name;
  return (
    <section class="balance-card" aria-labelledby="balance-title" data-testid="balance"
      data-mine={balances.all.mine} data-theirs={balances.all.theirs} data-both={balances.all.both}>
      <h2 id="balance-title">{_("Wie neemt het initiatief?")}</h2>
      {total === 0 ? (
        <p>{_("Jullie hebben nog niets samen gedaan. Houd hier bij wat jullie doen: dan zien jullie allebei wat ieder bijdraagt.")}</p>
      ) : (
        <>
          <p data-testid="balance-words">{balanceWords(balances.all, other).map((s) => <span key={s}>{s} </span>)}</p>
          <Bar balance={balances.all} label={balanceWords(balances.all, other).join(' ')} testid="balance-bar" />
          <ul class="balance-legend" aria-hidden="true">
            <li><span class="swatch bar-theirs" /> <bdi>{other}</bdi></li>
            {/* TRANSLATORS: a legend of the initiative bar: both took the initiative together. */}
            <li><span class="swatch bar-both" /> {_("samen")}</li>
            {/* TRANSLATORS: a legend of the initiative bar: you took the initiative. */}
            <li><span class="swatch bar-mine" /> {_("jij")}</li>
          </ul>
          <dl class="balance-domains">
            {DOMAINS.map((d) => {
              const b = balances.domains[d];
              const n = b.mine + b.theirs + b.both;
              const name = catalogues.domains[d] ?? d;
              return (
                <div key={d} data-domain={d}>
                  <dt>{name}</dt>
                  <dd>
                    {n === 0 ? <span class="muted">{_("nog niets")}</span> : (
                      <Bar balance={b} label={`${name}: ${balanceWords(b, other).join(' ')}`} />
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
    </section>
  );
}

