// "Your meetings in your own calendar": a private feed address a calendar app subscribes to.
// Online only: the address lives on the server, which shows it once, when it is made (it keeps
// only a hash). Offline the screen says it needs a connection and shows nothing from before.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, NetworkError } from '../../api';
import { _, formatDate } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useOnline } from '../../ui/useWatch';
import { feedStatus, makeFeed, stopFeed, webcalUrl, type FeedStatus } from './api';
import './calendar.css';

type State =
  | { status: 'loading' }
  | { status: 'offline' }
  | { status: 'error'; message: string }
  | { status: 'ready'; feed: FeedStatus; url: string | null };

// Which change waits for the user's "yes": a new address (the old one stops) or no address at all.
type Asking = null | 'renew' | 'stop';

function failed(error: unknown): State {
  if (error instanceof NetworkError || !navigator.onLine) return { status: 'offline' };
  if (error instanceof ApiError) return { status: 'error', message: error.message };
  throw error;
}

function FeedAddress({ url }: { url: string }) {
  const [copied, setCopied] = useState<null | boolean>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, no permission): select the text so a long press copies it.
      const input = document.getElementById('calendar-url') as HTMLTextAreaElement | null;
      input?.focus();
      input?.select();
      setCopied(false);
    }
  }
  return (
    <div class="calendar-address" data-testid="calendar-address">
      <div class="field">
        {/* TRANSLATORS: label of the secret web address of the user's calendar feed. */}
        <label for="calendar-url">{_("Je agenda-adres")}</label>
        <textarea id="calendar-url" readOnly dir="ltr" rows={3} value={url} data-testid="calendar-url"
          onFocus={(e) => e.currentTarget.select()} />
      </div>
      <p class="hint">{_("Bewaar dit adres nu of zet het meteen in je agenda: we laten het maar één keer zien.")}</p>
      <div class="calendar-buttons">
        <a class="btn btn-primary" href={webcalUrl(url)} data-testid="calendar-subscribe">
          <Icon name="plus" /> <span>{_("Zet in mijn agenda")}</span>
        </a>
        <Button variant="secondary" icon="check" onClick={() => void copy()} data-testid="calendar-copy">
          {_("Kopieer het adres")}
        </Button>
      </div>
      <p role="status" class="form-status">
        {copied === true && _("Gekopieerd. Plak het adres in je agenda-app bij 'Agenda toevoegen via URL'.")}
        {copied === false && _("Kopiëren lukte niet. Houd je vinger op het adres om het zelf te kopiëren.")}
      </p>
    </div>
  );
}

export function CalendarScreen(_props: ScreenProps) {
  // TRANSLATORS: title of the screen that puts the user's meetings into their own calendar app.
  useTitle(_("Afspraken in je agenda"));
  const online = useOnline();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!online) {
      setState({ status: 'offline' }); // nothing stale: the address may have changed elsewhere
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    feedStatus().then(
      (feed) => live && setState({ status: 'ready', feed, url: null }),
      (error) => live && setState(failed(error)),
    );
    return () => {
      live = false;
    };
  }, [online]);

  async function act(action: 'make' | 'stop') {
    setBusy(true);
    try {
      if (action === 'make') {
        const made = await makeFeed();
        setState({ status: 'ready', feed: { active: true, created_at: made.created_at }, url: made.url });
      } else {
        await stopFeed();
        setState({ status: 'ready', feed: { active: false, created_at: null }, url: null });
      }
      setAsking(null);
    } catch (error) {
      setState(failed(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="screen calendar" data-testid="calendar" aria-labelledby="calendar-title">
      <h1 id="calendar-title">{_("Afspraken in je agenda")}</h1>
      <p>{_("Wil je je afspraken met je maatje ook in de agenda op je telefoon zien, zoals Google Agenda of de agenda van je iPhone? Maak dan een eigen agenda-adres. Je agenda kijkt daar zelf af en toe of er iets veranderd is.")}</p>
      <p>{_("In je agenda komen alleen de tijd, de plek en de naam van de ander. Geen notities: je agenda-app bewaart alles op de computers van een ander bedrijf.")}</p>
      <p>{_("Deel het adres met niemand. Wie het adres heeft, ziet je afspraken.")}</p>

      {/* TRANSLATORS: shown while something loads. */}
      {state.status === 'loading' && <p role="status">{_("Even geduld…")}</p>}
      {state.status === 'offline' && (
        <p class="calendar-offline" role="status" data-testid="needs-connection">
          <Icon name="warning" /> {_("Dit kan alleen met internet. Probeer het opnieuw als je online bent.")}
        </p>
      )}
      {state.status === 'error' && <p class="form-error" role="alert">{state.message}</p>}
      {state.status === 'ready' && !state.feed.active && (
        <Button icon="plus" disabled={busy} onClick={() => void act('make')} data-testid="calendar-make">
          {_("Maak mijn agenda-adres")}
        </Button>
      )}
      {state.status === 'ready' && state.feed.active && (
        <>
          {state.url
            ? <FeedAddress url={state.url} />
            : (
              <p data-testid="calendar-active">
                <T msg={_("Je hebt een agenda-adres sinds {date}. We laten het maar één keer zien. Ben je het kwijt? Maak dan een nieuw adres.")}
                  date={formatDate(state.feed.created_at ?? '')} />
              </p>
            )}
          {asking === null && (
            <div class="calendar-buttons">
              <Button variant="secondary" icon="refresh" onClick={() => setAsking('renew')} data-testid="calendar-renew">
                {_("Maak een nieuw adres")}
              </Button>
              <Button variant="quiet" icon="close" onClick={() => setAsking('stop')} data-testid="calendar-stop">
                {_("Stop met de agenda")}
              </Button>
            </div>
          )}
          {asking !== null && (
            <div class="calendar-confirm" role="group" aria-labelledby="calendar-confirm-text" data-testid="calendar-confirm">
              <p id="calendar-confirm-text">
                {asking === 'renew'
                  ? _("Het oude adres werkt dan niet meer. Zet daarna het nieuwe adres in je agenda.")
                  : _("Je agenda krijgt dan geen afspraken meer van Maatje. Het adres werkt niet meer.")}
              </p>
              <div class="calendar-buttons">
                <Button icon={asking === 'renew' ? 'refresh' : 'close'} disabled={busy}
                  onClick={() => void act(asking === 'renew' ? 'make' : 'stop')} data-testid="calendar-confirm-yes">
                  {asking === 'renew' ? _("Ja, maak een nieuw adres") : _("Ja, stop met de agenda")}
                </Button>
                {/* TRANSLATORS: a button: do not make a new calendar address / do not stop the calendar after all. */}
                <Button variant="quiet" onClick={() => setAsking(null)}>{_("Nee, terug")}</Button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
