// "Signed in on 2 devices": the user's sessions, with a button to end each other one.
// Needs the server (the list lives there): offline it says so plainly.
import { useEffect, useState } from 'preact/hooks';
import * as api from '../../api';
import { ApiError, NetworkError } from '../../errors';
import { _, currentLang, ngettext } from '../../i18n';
import { formatDateTime } from '../../i18n/dates';
import { T } from '../../i18n/T';
import type { DeviceSession } from '../../types';
import { Button } from '../../ui/Button';
import { useOnline } from '../../ui/useWatch';

// "last seen" in the reader's language and Dutch time, e.g. "30 november om 14:05".
export function lastSeenText(iso: string, lang: string = currentLang()): string {
  return formatDateTime(new Date(iso), lang, _, { withDate: true });
}

type State = { status: 'loading' } | { status: 'offline' } | { status: 'error'; message: string } | { status: 'ready'; list: DeviceSession[] };

function describe(error: unknown): State {
  if (error instanceof NetworkError) return { status: 'offline' };
  if (error instanceof ApiError) return { status: 'error', message: error.message };
  throw error;
}

export function DevicesSection() {
  const online = useOnline();
  const [state, setState] = useState<State>({ status: 'loading' });

  async function load() {
    try {
      setState({ status: 'ready', list: await api.sessions() });
    } catch (error) {
      setState(describe(error));
    }
  }

  useEffect(() => {
    if (online) void load();
    else setState({ status: 'offline' });
  }, [online]);

  async function end(id: string) {
    try {
      await api.endSession(id);
      await load();
    } catch (error) {
      setState(describe(error));
    }
  }

  return (
    <section class="devices" data-testid="devices" aria-labelledby="devices-title">
      <h2 id="devices-title">
        {state.status === 'ready'
          ? ngettext("Ingelogd op {n} apparaat", "Ingelogd op {n} apparaten", state.list.length)
          // TRANSLATORS: heading of the list of phones and computers the user is logged in on.
          : _("Apparaten")}
      </h2>
      {/* TRANSLATORS: shown while something loads. */}
      {state.status === 'loading' && <p role="status">{_("Even geduld…")}</p>}
      {state.status === 'offline' && <p role="status">{_("Dit kan alleen met internet.")}</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <ul>
          {state.list.map((s) => (
            <li key={s.id} data-testid="device">
              <strong dir="auto">{s.device}</strong>
              {/* TRANSLATORS: after a device's name in the list: the device you are using now. */}
              {s.current && <> ({_("dit apparaat")})</>}
              <br />
              {/* TRANSLATORS: followed by a date and time: when this device last used the app. */}
              {_("Laatst gezien:")} <time dateTime={s.last_seen_at}>{lastSeenText(s.last_seen_at)}</time>
              {!s.current && (
                <Button icon="logout" variant="secondary" onClick={() => void end(s.id)}>
                  <T msg={_("Uitloggen op {device}")} device={s.device} />
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
