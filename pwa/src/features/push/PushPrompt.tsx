// On the home screen, once there is a confirmed meeting (never on first open): a calm card that
// offers reminders on this phone. "Niet nu" hides it for 30 days on this phone; when the browser
// blocks notifications, the card says once where to turn them on, and can be put away the same way.
import { useEffect, useState } from 'preact/hooks';
import { NetworkError } from '../../errors';
import { _ } from '../../i18n';
import type { User } from '../../types';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { useWatch } from '../../ui/useWatch';
import { isSnoozed, isSubscribed, permission, snooze, subscribeThisDevice, watchHasConfirmedMeeting, type PushState } from './push';
import './push.css';

type Phase = 'checking' | 'ask' | 'denied' | 'busy' | 'done' | 'hidden';

// The login the server last heard of this device for: once per start, and again after each new
// login in the same run (a subscription belongs to the login session that made it).
let refreshedFor: User | null = null;

export function PushPrompt({ user }: { user: User }) {
  const db = useDb();
  const hasMeeting = useWatch<boolean>(watchHasConfirmedMeeting(db), false, [db]);
  const [phase, setPhase] = useState<Phase>('checking');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (!hasMeeting) return;
    let gone = false;
    void (async () => {
      const state: PushState = permission();
      let next: Phase = 'hidden';
      if (state === 'granted' && (await isSubscribed())) {
        // Already on: tell the server again (quietly, once per start), in case it forgot this device.
        if (refreshedFor !== user) {
          refreshedFor = user;
          void subscribeThisDevice().catch(() => undefined);
        }
      } else if (state !== 'unsupported' && !isSnoozed(user.id)) {
        next = state === 'denied' ? 'denied' : 'ask';
      }
      if (!gone) setPhase(next);
    })();
    return () => {
      gone = true;
    };
  }, [hasMeeting, user]);

  if (!hasMeeting || phase === 'checking' || phase === 'hidden') return null;

  function later() {
    snooze(user.id);
    setPhase('hidden');
  }

  async function turnOn() {
    setFailure('');
    setPhase('busy');
    try {
      const state = await subscribeThisDevice();
      setPhase(state === 'granted' ? 'done' : state === 'denied' ? 'denied' : 'ask');
    } catch (error) {
      setPhase('ask');
      setFailure(error instanceof NetworkError
        ? _("Dit kan alleen met internet. Probeer het opnieuw als je online bent.")
        : _("Herinneringen aanzetten is niet gelukt. Probeer het later opnieuw."));
    }
  }

  return (
    <section class="push-prompt" data-testid="push-prompt" data-phase={phase} aria-labelledby="push-prompt-title">
      <h2 id="push-prompt-title">
        <Icon name="bell" /> <span>{_("Herinneringen voor je afspraken")}</span>
      </h2>
      {phase === 'done' ? (
        <p role="status">{_("Herinneringen staan aan op deze telefoon.")}</p>
      ) : phase === 'denied' ? (
        <>
          <p>{_("Je telefoon blokkeert meldingen van Maatje. Wil je toch herinneringen? Zet meldingen voor deze website aan in de instellingen van je browser (bij het slotje naast het adres). Je ziet je afspraken ook altijd hier in de app.")}</p>
          <div class="push-actions">
            <Button icon="check" variant="secondary" onClick={later} data-testid="push-later">
              {/* TRANSLATORS: button: close the card about reminders that the browser blocks. */}
              {_("Begrepen")}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>{_("Wil je een bericht op deze telefoon, een dag en een uur voor elke afspraak? Alleen over je afspraken, niets anders. Je telefoon vraagt daarna of Maatje meldingen mag sturen.")}</p>
          <div class="push-actions">
            <Button icon="bell" onClick={() => void turnOn()} disabled={phase === 'busy'} data-testid="push-on">
              {/* TRANSLATORS: button: get reminders of meetings on this phone (push notifications). */}
              {_("Herinneringen aanzetten")}
            </Button>
            <Button icon="close" variant="quiet" onClick={later} data-testid="push-later">
              {/* TRANSLATORS: button: do not turn on reminders now (asked again after a month). */}
              {_("Niet nu")}
            </Button>
          </div>
          <div role="alert" class="form-error">{failure && <p>{failure}</p>}</div>
        </>
      )}
    </section>
  );
}
