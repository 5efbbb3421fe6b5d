// Activate an account made at intake: the code from the coordinator (from the link or QR code, or
// typed), the language first, a password twice, then straight into the app.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import * as api from '../../api';
import { _, currentLang, isLang, ngettext, setLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { useTitle } from '../../ui/useTitle';
import { signedIn } from '../auth/session';
import { CODE_LENGTH, EXAMPLE_CODE, looksLikeCode, takeFragment } from './code';
import { mismatch, PasswordFields } from './PasswordFields';
import { problemsOf, type Problems } from './submit';
import './activate.css';

export function ActivateScreen() {
  const db = useDb();
  const { route } = useLocation();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<Problems>({ message: '', fields: {} });
  const [busy, setBusy] = useState(false);
  // TRANSLATORS: title of the screen where a newcomer sets a password with the code from the coordinator.
  useTitle(_("Account activeren"));
  useEffect(() => {
    const fromLink = takeFragment();
    if (fromLink) setCode(fromLink);
    // The coordinator's link names the newcomer's language (?lang=ar): open in it.
    const lang = new URLSearchParams(location.search).get('lang');
    if (isLang(lang) && lang !== currentLang()) void setLanguage(lang, { remember: true });
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const fields: Record<string, string[]> = {};
    if (!looksLikeCode(code)) {
      // TRANSLATORS: {example} is a code like K7QX-M4TZ-9P; keep it as it is.
      fields.code = [ngettext("Een code heeft {n} letter of cijfer, bijvoorbeeld {example}.",
        "Een code heeft {n} letters en cijfers, bijvoorbeeld {example}.", CODE_LENGTH, { example: EXAMPLE_CODE })];
    }
    if (!password) fields.password = [_("Kies een wachtwoord.")];
    const different = mismatch(password, repeat);
    if (different) fields.repeat = [different];
    if (Object.keys(fields).length > 0) return setProblems({ message: '', fields });
    setBusy(true);
    setProblems({ message: '', fields: {} });
    try {
      const { user } = await api.activate(code, password, currentLang());
      await signedIn(db, user);
      route('/', true);
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="screen activate" data-testid="activate" aria-labelledby="activate-title">
      <h1 id="activate-title">{_("Account activeren")}</h1>
      <p>{_("Kies eerst bovenaan je taal. Vul dan de code van je coördinator in en kies een wachtwoord.")}</p>
      <form data-testid="activate-form" onSubmit={submit} noValidate>
        <Field
          id="activation-code"
          // TRANSLATORS: label of the field for the one-time code a coordinator gives.
          label={_("Activeringscode")}
          type="text"
          name="code"
          autocomplete="one-time-code"
          autoCapitalize="characters"
          spellcheck={false}
          dir="ltr"
          class="code-input"
          value={code}
          error={problems.fields.code?.join(' ')}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <PasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          error={problems.fields.password?.join(' ')}
          repeatError={problems.fields.repeat?.join(' ')}
        />
        <div role="alert" class="form-error" data-testid="activate-error">
          {problems.message && <p><Icon name="warning" /> {problems.message}</p>}
        </div>
        <Button type="submit" icon="login" disabled={busy}>
          {_("Activeren en inloggen")}
        </Button>
      </form>
      <p class="back-link"><a href="/">{_("Terug naar inloggen")}</a></p>
    </section>
  );
}
