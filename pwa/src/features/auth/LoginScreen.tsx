// The login screen: e-mail address or username and password, errors read out by screen readers
// (role="alert"); the ways in without a password: an activation code, a reset link by mail.
import { useState } from 'preact/hooks';
import { ApiError, NetworkError } from '../../errors';
import { _ } from '../../i18n';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { useWatch } from '../../ui/useWatch';
import type { Parked } from '../../store/db';
import { signOutReason, waitingChanges, watchParked } from './notes';
import { logIn } from './session';

// The sentences name people (as they typed their names): each name sits in a <bdi>, so "Amal H."
// stays whole inside an Arabic sentence, as <T> does for the other screens.
function Isolated({ text, names }: { text: string; names: string[] }) {
  if (names.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return <>{text.split(pattern).map((part, i) => (i % 2 === 1 ? <bdi key={i}>{part}</bdi> : part))}</>;
}

export function LoginScreen() {
  const db = useDb();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const parked = useWatch<Parked[]>(watchParked(db), [], [db]);
  const reason = signOutReason(parked);
  const waiting = waitingChanges(parked);
  const names = parked.map((row) => row.name).filter(Boolean);

  async function submit(event: Event) {
    event.preventDefault();
    setFieldErrors({});
    if (!login.trim() || !password) {
      setError(_("Vul je e-mailadres of gebruikersnaam en je wachtwoord in."));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await logIn(db, login.trim(), password);
    } catch (e) {
      if (e instanceof NetworkError) setError(_("Geen verbinding. Inloggen kan alleen met internet."));
      else if (e instanceof ApiError) {
        setError(e.message);
        setFieldErrors(e.errors);
      } else throw e;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="screen login" aria-labelledby="login-title">
      <h1 id="login-title">{_("Welkom bij Maatje")}</h1>
      {(reason || waiting.length > 0) && (
        <div class="notice" role="status" data-testid="login-notes">
          {reason && <p data-testid="logout-reason"><Icon name="warning" /> <Isolated text={reason} names={names} /></p>}
          {waiting.map((line) => <p key={line} data-testid="waiting-changes"><Isolated text={line} names={names} /></p>)}
        </div>
      )}
      <p>{_("Log in met je e-mailadres of gebruikersnaam en je wachtwoord.")}</p>
      <form data-testid="login-form" onSubmit={submit} noValidate>
        <Field
          id="login-email"
          label={_("E-mailadres of gebruikersnaam")}
          type="text"
          name="username"
          autocomplete="username"
          autoCapitalize="none"
          spellcheck={false}
          dir="ltr"
          value={login}
          error={(fieldErrors.login ?? fieldErrors.email)?.join(' ')}
          onInput={(e) => setLogin(e.currentTarget.value)}
        />
        <Field
          id="login-password"
          // TRANSLATORS: label of the login form's password field.
          label={_("Wachtwoord")}
          type="password"
          name="password"
          autocomplete="current-password"
          value={password}
          error={fieldErrors.password?.join(' ')}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <div role="alert" class="form-error" data-testid="login-error">
          {error && <p><Icon name="warning" /> {error}</p>}
        </div>
        <Button type="submit" icon="login" disabled={busy}>
          {/* TRANSLATORS: button: log in (also the login screen's title). */}
          {_("Inloggen")}
        </Button>
      </form>
      <ul class="login-links">
        <li><a href="/wachtwoord-vergeten" data-testid="forgot-link">{
          // TRANSLATORS: link on the login screen to reset a forgotten password.
          _("Wachtwoord vergeten?")
        }</a></li>
        <li><a href="/activeren" data-testid="activate-link">{_("Ik heb een activeringscode")}</a></li>
        <li><a href="/aanmelden" data-testid="signup-link">{
          // TRANSLATORS: link on the login screen to the public sign-up page for new buddies (volunteers).
          _("Nieuw hier? Word maatje")
        }</a></li>
      </ul>
    </section>
  );
}
