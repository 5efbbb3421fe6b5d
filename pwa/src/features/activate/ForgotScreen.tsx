// "Wachtwoord vergeten?": a reset link by mail. People without e-mail get a new code from their
// coordinator instead: the screen says so before anything else.
import { useState } from 'preact/hooks';
import * as api from '../../api';
import { _ } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { useTitle } from '../../ui/useTitle';
import { problemsOf, type Problems } from './submit';
import './activate.css';

export function ForgotScreen() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState('');
  const [problems, setProblems] = useState<Problems>({ message: '', fields: {} });
  const [busy, setBusy] = useState(false);
  // TRANSLATORS: title of the screen that asks for a password-reset e-mail.
  useTitle(_("Wachtwoord vergeten"));

  async function submit(event: Event) {
    event.preventDefault();
    if (!email.trim()) return setProblems({ message: '', fields: { email: [_("Vul je e-mailadres in.")] } });
    setBusy(true);
    setProblems({ message: '', fields: {} });
    try {
      await api.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="screen forgot" data-testid="forgot" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{_("Wachtwoord vergeten")}</h1>
      <p class="notice" data-testid="no-email-note">
        {_("Heb je geen e-mailadres, of log je in met een gebruikersnaam? Vraag je coördinator om een nieuwe activeringscode.")}
      </p>
      {sentTo ? (
        <div role="status" data-testid="forgot-sent">
          <p><T msg={_("Als {email} bij een account hoort, hebben we een e-mail gestuurd met een link.")} email={sentTo} /></p>
          <p>{_("De link werkt één uur. Zie je niets? Kijk dan ook bij je spam.")}</p>
        </div>
      ) : (
        <form data-testid="forgot-form" onSubmit={submit} noValidate>
          <p>{_("Vul je e-mailadres in. We sturen je een link om een nieuw wachtwoord te kiezen.")}</p>
          <Field
            id="forgot-email"
            // TRANSLATORS: label of the e-mail address field.
            label={_("E-mailadres")}
            type="email"
            name="email"
            autocomplete="email"
            inputMode="email"
            dir="ltr"
            value={email}
            error={problems.fields.email?.join(' ')}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          <div role="alert" class="form-error" data-testid="forgot-error">
            {problems.message && <p><Icon name="warning" /> {problems.message}</p>}
          </div>
          <Button type="submit" icon="check" disabled={busy}>
            {_("Stuur de link")}
          </Button>
        </form>
      )}
      <p><a href="/activeren">{_("Ik heb een activeringscode")}</a></p>
      <p class="back-link"><a href="/">{_("Terug naar inloggen")}</a></p>
    </section>
  );
}
