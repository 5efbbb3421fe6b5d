// The home screen's card: "Oefenen" with today's count. Big for a newcomer; small for a buddy,
// who may practise too.
import { _, ngettext, pgettext } from '../../i18n';
import type { User } from '../../types';
import { Icon } from '../../ui/Icon';
import { todaysQueue, usePractice } from './usePractice';
import './practice.css';

export function PracticeCard({ user, lang }: { user: User; lang: string }) {
  const practice = usePractice(user.id, lang);
  const newcomer = user.roles.includes('newcomer');
  const queue = practice ? todaysQueue(practice, new Date()) : null;
  const count = queue ? queue.due.length + queue.fresh.length : null;
  return (
    <a class={`practice-card${newcomer ? '' : ' is-small'}`} href="/oefenen" data-testid="practice-card" data-count={count ?? ''}>
      {/* TRANSLATORS: the card on the home screen that leads to practising Dutch phrases. */}
      <strong><Icon name="cards" /> {newcomer ? pgettext("home card", "Oefenen") : _("Oefen zelf ook mee")}</strong>
      {count !== null && (
        <p>{count > 0 ? ngettext("Vandaag {n} zin.", "Vandaag {n} zinnen.", count) : _("Klaar voor vandaag.")}</p>
      )}
      {newcomer && (
        <span class="go">
          {/* TRANSLATORS: the link on the home screen's practice card. */}
          {pgettext("home card", "Naar oefenen")} <Icon name="arrow" />
        </span>
      )}
    </a>
  );
}
