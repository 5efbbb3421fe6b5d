// A new password, typed twice: the two must match before anything is sent.
import { _, ngettext } from '../../i18n';
import { Field } from '../../ui/Field';

// The server's rule (backend/accounts/passwords.py MIN_LENGTH); the server has the last word.
const MIN_LENGTH = 10;

interface Props {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  error?: string;
  repeatError?: string;
}

export function PasswordFields({ password, repeat, onPassword, onRepeat, error, repeatError }: Props) {
  return (
    <>
      <Field
        id="new-password"
        // TRANSLATORS: label of the field where the user types the new password.
        label={_("Nieuw wachtwoord")}
        type="password"
        name="new-password"
        autocomplete="new-password"
        value={password}
        error={error}
        onInput={(e) => onPassword(e.currentTarget.value)}
      />
      <p class="hint">
        {
          // TRANSLATORS: the shortest password allowed, in characters.
          ngettext("Minstens {n} teken.", "Minstens {n} tekens.", MIN_LENGTH)
        }{' '}
        {_("Een zin van een paar woorden is goed te onthouden.")}
      </p>
      <Field
        id="repeat-password"
        label={_("Herhaal het wachtwoord")}
        type="password"
        name="repeat-password"
        autocomplete="new-password"
        value={repeat}
        error={repeatError}
        onInput={(e) => onRepeat(e.currentTarget.value)}
      />
    </>
  );
}

// The client's own check: two different passwords are never sent.
export function mismatch(password: string, repeat: string): string {
  return password !== repeat ? _("De twee wachtwoorden zijn niet hetzelfde.") : '';
}
