// Choose a new password with the link from the reset mail: twice, then into the app (every other
// device is logged out).
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import * as api from '../../api';
import { _ } from '../../i18n';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { useTitle } from '../../ui/useTitle';
import { signedIn } from '../auth/session';
import { takeFragment } from './code';
import { mismatch, PasswordFields } from './PasswordFields';
import { problemsOf, type Problems } from './submit';
import './activate.css';

export function ResetScreen() {
  const db = useDb();
  const { route } = useLocation();
  // null: not read yet; '': the address holds no secret (opened by hand, or cut off by a mail app).
  const [token, setToken] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<Problems>({ message: '', fields: {} });
  const [busy, setBusy] = useState(false);
  useTitle(_("Nieuw wachtwoord kiezen"));
  useEffect(() => setToken(takeFragment()), []);

  async function submit(event: Event) {
    event.preventDefault();
    const fields: Record<string, string[]> = {};
    if (!password) fields.password = [_("Kies een wachtwoord.")];
    const different = mismatch(password, repeat);
    if (different) fields.repeat = [different];
    if (Object.keys(fields).length > 0) return setProblems({ message: '', fields });
    setBusy(true);
    setProblems({ message: '', fields: {} });
    try {
      const { user } = await api.resetPassword(token ?? '', password);
      await signedIn(db, user);
      route('/', true);
    } catch (error) {
      const found = problemsOf(error);
      // The link is wrong, used or expired: its message is the one thing to say.
      if (found.fields.token) found.message = found.fields.token.join(' ');
      setProblems(found);
    } finally {
      setBusy(false);
    }
  }

  const dead = problems.fields.token !== undefined || token === '';
  return (
    <section class="screen reset" data-testid="reset" aria-labelledby="reset-title">
      <h1 id="reset-title">{_("Nieuw wachtwoord kiezen")}</h1>
      {token === '' ? (
        <p role="alert" class="form-error" data-testid="reset-error">
          <Icon name="warning" /> {_("Deze link is niet compleet. Open de link uit de e-mail opnieuw, of vraag een nieuwe aan.")}
        </p>
      ) : (
        <form data-testid="reset-form" onSubmit={submit} noValidate>
          <p>{_("Kies een nieuw wachtwoord. Daarna ben je op al je andere apparaten uitgelogd.")}</p>
          <PasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            error={problems.fields.password?.join(' ')}
            repeatError={problems.fields.repeat?.join(' ')}
          />
          <div role="alert" class="form-error" data-testid="reset-error">
            {problems.message && <p><Icon name="warning" /> {problems.message}</p>}
          </div>
          <Button type="submit" icon="login" disabled={busy || token === null}>
            {_("Opslaan en inloggen")}
          </Button>
        </form>
      )}
      {dead && <p><a href="/wachtwoord-vergeten">{_("Vraag een nieuwe link aan")}</a></p>}
      <p class="back-link"><a href="/">{_("Terug naar inloggen")}</a></p>
    </section>
  );
}
