// Says in plain words whether everything is synced, how many changes wait, or what was refused.
import { _, format, formatDateTime, ngettext } from '../i18n';
import { dismissRejection, watchSyncStatus, type SyncStatus } from '../sync/views';
import { reloadApp } from '../sw-register';
import { Button } from './Button';
import { Icon } from './Icon';
import { useDb } from './db-context';
import { useWatch } from './useWatch';

type State = 'outdated' | 'pending' | 'synced' | 'stale';

// The main line; refused changes are listed below it, whatever the main line says.
function stateOf(s: SyncStatus): State {
  if (s.problem === 'outdated') return 'outdated';
  if (s.pending > 0) return 'pending';
  return s.problem === null && s.lastSyncedAt ? 'synced' : 'stale';
}

export function SyncBadge() {
  const db = useDb();
  const status = useWatch<SyncStatus | null>(watchSyncStatus(db), null, [db]);
  // Until IndexedDB has answered we know nothing: say nothing rather than something wrong.
  if (!status) return <div class="sync-badge" data-testid="sync-badge" data-state="loading" aria-busy="true" />;
  const state = stateOf(status);
  const lastSynced = status.lastSyncedAt
    ? format(_("Laatst bijgewerkt: {time}"), { time: formatDateTime(new Date(status.lastSyncedAt)) })
    : _("Nog niet bijgewerkt");

  return (
    <div class={`sync-badge is-${state}`} data-testid="sync-badge" data-pending={String(status.pending)} data-state={status.rejections.length > 0 ? 'rejected' : state}>
      <p role="status">
        {state === 'synced' && <><Icon name="check" /> {_("Alles is bijgewerkt")}</>}
        {state === 'pending' && (
          <><Icon name="refresh" /> {ngettext("{n} wijziging wacht", "{n} wijzigingen wachten", status.pending)}</>
        )}
        {state === 'stale' && <><Icon name="clock" /> {lastSynced}</>}
        {state === 'outdated' && (
          <><Icon name="warning" /> {_("Deze versie van de app is te oud. Laad de app opnieuw.")}</>
        )}
        {(state === 'pending' || state === 'outdated') && status.problem !== null && (
          <span class="sync-when"> {lastSynced}</span>
        )}
      </p>
      {state === 'outdated' && (
        <Button icon="refresh" variant="secondary" onClick={() => void reloadApp()}>
          {_("Opnieuw laden")}
        </Button>
      )}
      {status.rejections.map((r) => (
        <div class="rejection" role="alert" key={r.mid}>
          <p>
            <Icon name="warning" /> {_("Een wijziging is niet doorgevoerd:")}{' '}
            {r.message || _("De server heeft deze wijziging geweigerd.")}
          </p>
          <Button icon="close" variant="secondary" onClick={() => void dismissRejection(db, r.mid)}>
            {_("Sluiten")}
          </Button>
        </div>
      ))}
    </div>
  );
}
