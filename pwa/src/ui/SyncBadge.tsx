// Says in plain words whether everything is synced, how many changes wait, or what went wrong;
// refused changes are counted here and explained on the notices screen.
import { watchNoticeCounts, type NoticeCounts } from '../features/notices/queries';
import { _, format, formatDateTime, ngettext } from '../i18n';
import { watchSyncStatus, type SyncStatus } from '../sync/views';
import { reloadApp } from '../sw-register';
import { Button } from './Button';
import { Icon } from './Icon';
import { useDb } from './db-context';
import { useWatch } from './useWatch';

type State = 'outdated' | 'quota' | 'pending' | 'synced' | 'stale';

// The main line; refused changes are counted below it, whatever the main line says.
function stateOf(s: SyncStatus): State {
  if (s.problem === 'outdated') return 'outdated';
  if (s.problem === 'quota') return 'quota';
  if (s.pending > 0) return 'pending';
  return s.problem === null && s.lastSyncedAt ? 'synced' : 'stale';
}

export function SyncBadge() {
  const db = useDb();
  const status = useWatch<SyncStatus | null>(watchSyncStatus(db), null, [db]);
  const notices = useWatch<NoticeCounts | null>(watchNoticeCounts(db), null, [db]);
  // Until IndexedDB has answered we know nothing: say nothing rather than something wrong.
  if (!status) return <div class="sync-badge" data-testid="sync-badge" data-state="loading" aria-busy="true" />;
  const state = stateOf(status);
  const rejected = notices?.rejected ?? 0;
  const lastSynced = status.lastSyncedAt
    ? format(_("Laatst bijgewerkt: {time}"), { time: formatDateTime(new Date(status.lastSyncedAt)) })
    : _("Nog niet bijgewerkt");

  return (
    <div class={`sync-badge is-${state}`} data-testid="sync-badge" data-pending={String(status.pending)}
      data-state={state} data-rejected={String(rejected)}>
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
      {state === 'outdated' && (
        <Button icon="refresh" variant="secondary" onClick={() => void reloadApp()}>
          {_("Opnieuw laden")}
        </Button>
      )}
      {rejected > 0 && (
        <div class="rejection" role="alert" data-testid="rejected">
          <p>
            <Icon name="warning" />{' '}
            {ngettext("{n} wijziging is niet doorgevoerd.", "{n} wijzigingen zijn niet doorgevoerd.", rejected)}{' '}
            <a href="/meldingen">{_("Bekijk waarom")}</a>
          </p>
        </div>
      )}
    </div>
  );
}
