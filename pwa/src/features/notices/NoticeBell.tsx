// The notices' place in the bottom bar: a bell, the word, and the number not yet read.
import { _, formatNumber, ngettext } from '../../i18n';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { useWatch } from '../../ui/useWatch';
import { watchNoticeCounts, type NoticeCounts } from './queries';

export function NoticeBell({ current }: { current: boolean }) {
  const db = useDb();
  const counts = useWatch<NoticeCounts | null>(watchNoticeCounts(db), null, [db]);
  const unread = counts?.unread ?? 0;
  return (
    <a class="notice-bell" href="/meldingen" data-testid="notice-bell" data-unread={String(unread)}
      aria-current={current ? 'page' : undefined}>
      <span class="bell">
        <Icon name="bell" />
        {unread > 0 && (
          <span class="count">
            <span aria-hidden="true">{formatNumber(unread)}</span>
            {/* TRANSLATORS: read out by screen readers beside the bell: {n} notices not read yet. */}
            <span class="visually-hidden">{ngettext("{n} ongelezen", "{n} ongelezen", unread)}</span>
          </span>
        )}
      </span>{' '}
      {/* TRANSLATORS: the bottom bar's link to the notices (messages from the app, the bell). */}
      <span>{_("Meldingen")}</span>
    </a>
  );
}
