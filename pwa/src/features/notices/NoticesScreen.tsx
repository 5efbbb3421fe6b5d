// The notices: newest first, read or not, and marking them read (a notice.read; works offline).
import { _, formatDateTime, pgettext, wordEntry } from '../../i18n';
import { Parts } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';
import { markNoticesRead } from './mutations';
import { watchNotices, type Notice } from './queries';

// In the app's current language when the catalog has the notice's entry, else as the server wrote it.
function NoticeWords({ notice }: { notice: Notice }) {
  const parts = wordEntry(notice);
  if (parts) return <Parts parts={parts} />;
  return <>{notice.message || (notice.kind === 'rejected' ? _("De server heeft deze wijziging geweigerd.") : '')}</>;
}

function NoticeText({ notice }: { notice: Notice }) {
  if (notice.kind !== 'rejected') return <p><NoticeWords notice={notice} /></p>;
  return (
    <p>
      {_("Een wijziging is niet doorgevoerd:")} <NoticeWords notice={notice} />
    </p>
  );
}

// Only a path of this app (a reminder's meeting), never another site: the link is read the way
// the browser will read it (so "/\t/evil.com" and "//evil.com" are another site) and kept only if
// it stays on this origin. Returns path, query and fragment, or null (then no "Openen").
export function ownPath(link: string | null | undefined, origin: string = location.origin): string | null {
  if (typeof link !== 'string' || !link) return null;
  let url: URL;
  try {
    url = new URL(link, origin);
  } catch {
    return null;
  }
  return url.origin === origin ? url.pathname + url.search + url.hash : null;
}

export function NoticesScreen(_props: ScreenProps) {
  const db = useDb();
  const notices = useWatch<Notice[] | null>(watchNotices(db), null, [db]);
  // TRANSLATORS: title of the notices screen (messages from the app, behind the bell).
  useTitle(_("Meldingen"));
  const unread = (notices ?? []).filter((n) => !n.read);

  return (
    <section class="screen notices" data-testid="notices" aria-labelledby="notices-title">
      <h1 id="notices-title">{_("Meldingen")}</h1>
      {notices?.length === 0 && <p>{_("Je hebt geen meldingen.")}</p>}
      {unread.length > 0 && (
        <Button icon="check" variant="secondary" onClick={() => void markNoticesRead(db, unread)} data-testid="read-all">
          {/* TRANSLATORS: button: mark all notices as read. */}
          {_("Alles gelezen")}
        </Button>
      )}
      <ul class="notice-list">
        {(notices ?? []).map((notice) => (
          <li key={notice.id} class={notice.read ? 'notice is-read' : 'notice is-unread'} data-testid="notice"
            data-read={String(notice.read)}>
            <p class="notice-meta">
              {notice.read ? <Icon name="check" /> : <Icon name="dot" filled />}{' '}
              <strong>
                {notice.read
                  // TRANSLATORS: the state of a notice: the user has read it.
                  ? pgettext("notice state", "Gelezen")
                  // TRANSLATORS: the state of a notice: not read yet (an adjective, not a button "new").
                  : pgettext("notice state", "Nieuw")}
              </strong>{' · '}
              <time dateTime={notice.created_at}>{formatDateTime(new Date(notice.created_at))}</time>
            </p>
            <NoticeText notice={notice} />
            {ownPath(notice.link) && (
              <a class="btn btn-secondary notice-open" href={ownPath(notice.link)!} data-testid="notice-open">
                {/* TRANSLATORS: a link on a notice: open what it is about (e.g. the meeting it reminds of). */}
                <span>{_("Openen")}</span>
                <Icon name="arrow" />
              </a>
            )}
            {!notice.read && (
              <Button icon="check" variant="quiet" onClick={() => void markNoticesRead(db, [notice])}>
                {_("Markeer als gelezen")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
