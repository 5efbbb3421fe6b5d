// The sync state in the top bar as an icon with a short word; tapping it opens the details
// (what waits, what was refused, the reload button, a full phone). The details open by
// themselves when the user must act, and close again once that is over.
import { useEffect, useState } from 'preact/hooks';
import { watchNoticeCounts, type NoticeCounts } from '../features/notices/queries';
import { _, format, formatDateTime, ngettext } from '../i18n';
import { watchSyncStatus, type SyncStatus } from '../sync/views';
import { reloadApp } from '../sw-register';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';
import { useDb } from './db-context';
import { useOnline, useWatch } from './useWatch';

type State = 'outdated' | 'quota' | 'pending' | 'synced' | 'stale';

interface SyncInfo {
  status: SyncStatus;
  state: State;
  rejected: number;
}

// The main line; refused changes are counted below it, whatever the main line says.
function stateOf(s: SyncStatus): State {
  if (s.problem === 'outdated') return 'outdated';
  if (s.problem === 'quota') return 'quota';
  if (s.pending > 0) return 'pending';
  return s.problem === null && s.lastSyncedAt ? 'synced' : 'stale';
}

function lastSyncedText(status: SyncStatus): string {
  return status.lastSyncedAt
    ? format(_("Laatst bijgewerkt: {time}"), { time: formatDateTime(new Date(status.lastSyncedAt)) })
    : _("Nog niet bijgewerkt");
}

// The short word and its icon for the top bar; the details say it in full.
function shortWord({ status, state, rejected }: SyncInfo): [IconName, string] {
  // The sync state in the top bar, in a word or two (the details say it in full).
  // TRANSLATORS: sync state in the top bar: this version of the app is too old to sync; reload it.
  if (state === 'outdated') return ['warning', _("Te oud")];
  // TRANSLATORS: sync state in the top bar: the phone's storage is full, changes cannot be kept.
  if (state === 'quota') return ['warning', _("Geheugen vol")];
  // TRANSLATORS: sync state in the top bar: {n} changes wait to be sent to the server.
  if (state === 'pending') return ['refresh', ngettext("{n} wacht", "{n} wachten", status.pending)];
  // TRANSLATORS: sync state in the top bar: the server refused {n} changes.
  if (rejected > 0) return ['warning', ngettext("{n} geweigerd", "{n} geweigerd", rejected)];
  // TRANSLATORS: sync state in the top bar: everything is up to date with the server.
  if (state === 'synced') return ['check', _("Bijgewerkt")];
  return ['clock', status.lastSyncedAt ? formatDateTime(new Date(status.lastSyncedAt)) : _("Nog niet bijgewerkt")];
}

function useSyncInfo(): SyncInfo | null {
  const db = useDb();
  const status = useWatch<SyncStatus | null>(watchSyncStatus(db), null, [db]);
  const notices = useWatch<NoticeCounts | null>(watchNoticeCounts(db), null, [db]);
  // Until IndexedDB has answered we know nothing: say nothing rather than something wrong.
  return status ? { status, state: stateOf(status), rejected: notices?.rejected ?? 0 } : null;
}

function needsAction(info: SyncInfo | null): boolean {
  return info !== null && (info.state === 'outdated' || info.state === 'quota' || info.rejected > 0);
}

// The top bar's part and the details below the bar, sharing one open/closed state.
export function useSyncBadge() {
  const info = useSyncInfo();
  const [chosen, setChosen] = useState<boolean | null>(null);
  const key = info ? `${info.state}:${info.rejected}` : '';
  useEffect(() => setChosen(null), [key]); // a new state decides afresh whether to show itself
  const open = chosen ?? needsAction(info);
  return {
    badge: <SyncState info={info} open={open} onToggle={() => setChosen(!open)} />,
    details: open && info ? <SyncDetails info={info} /> : null,
  };
}

function SyncState({ info, open, onToggle }: { info: SyncInfo | null; open: boolean; onToggle: () => void }) {
  if (!info) return <span class="sync-badge" data-testid="sync-badge" data-state="loading" aria-busy="true" />;
  const [icon, word] = shortWord(info);
  return (
    <button type="button" class={`sync-badge is-${info.state}`} data-testid="sync-badge"
      data-pending={String(info.status.pending)} data-state={info.state} data-rejected={String(info.rejected)}
      aria-expanded={open ? 'true' : 'false'} aria-controls={open ? 'sync-details' : undefined} onClick={onToggle}>
      <Icon name={icon} /> <span>{word}</span>
    </button>
  );
}

function SyncDetails({ info: { status, state, rejected } }: { info: SyncInfo }) {
  const online = useOnline();
  const lastSynced = lastSyncedText(status);
  return (
    <div id="sync-details" class="sync-details" data-testid="sync-details">
      <p role="status">
        {state === 'synced' && <><Icon name="check" /> {_("Alles is bijgewerkt")}</>}
        {state === 'pending' && (
          <><Icon name="refresh" /> {ngettext("{n} wijziging wacht", "{n} wijzigingen wachten", status.pending)}</>
        )}
        {state === 'stale' && <><Icon name="clock" /> {lastSynced}</>}
        {state === 'outdated' && (
          <><Icon name="warning" /> {_("Deze versie van de app is te oud. Laad de app opnieuw.")}</>
        )}
        {state === 'quota' && (
          <><Icon name="warning" /> {_("Het geheugen van deze telefoon is vol. Maak ruimte vrij, bijvoorbeeld door foto's of apps te verwijderen. Wat al bewaard is, blijft bewaard.")}</>
        )}
        {state !== 'synced' && state !== 'stale' && status.problem !== null && (
          <span class="sync-when"> {lastSynced}</span>
        )}
      </p>
      {!online && <p>{_("Offline — je wijzigingen worden bewaard")}</p>}
      {state === 'outdated' && (
        <Button icon="refresh" variant="secondary" onClick={() => void reloadApp()}>
          {/* TRANSLATORS: button: load the app again (after a screen failed to load). */}
          {_("Opnieuw laden")}
        </Button>
      )}
      {rejected > 0 && (
        <div class="rejection" role="alert" data-testid="rejected">
          <p>
            <Icon name="warning" />{' '}
            {ngettext("{n} wijziging is niet doorgevoerd.", "{n} wijzigingen zijn niet doorgevoerd.", rejected)}{' '}
            {/* TRANSLATORS: link to the notices that explain why changes were refused. */}
            <a href="/meldingen">{_("Bekijk waarom")}</a>
          </p>
        </div>
      )}
    </div>
  );
}
