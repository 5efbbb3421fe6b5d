// Own profile: name, weekly availability and the contact details an approved pair may see.
// Saving queues a profile.update, which works offline.
import { useState } from 'preact/hooks';
import { _, setLanguage, type Lang } from '../../i18n';
import { T } from '../../i18n/T';
import type { ProfileData, Share, Slot } from '../../types';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Field } from '../../ui/Field';
import type { ScreenProps } from '../../ui/screen';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { useLeaveGuard } from '../../ui/useLeaveGuard';
import { useTitle } from '../../ui/useTitle';
import { useOnline, useWatch } from '../../ui/useWatch';
import { AvailabilityEditor } from './AvailabilityEditor';
import { updateProfile, type ProfileUpdateArgs } from './mutations';
import { watchProfile, watchWaiting } from './queries';
import { LogoutButton } from '../auth/LogoutButton';
import { refusedText } from '../auth/SessionNotice';
import { DevicesSection } from '../sessions/DevicesSection';

// Only what changed is sent: profile.update is per field, so edits on two phones merge.
export function changedFields(before: ProfileData, name: string, slots: Slot[], contact?: Contact): ProfileUpdateArgs {
  const changes: ProfileUpdateArgs = {};
  if (name.trim() !== before.display_name) changes.display_name = name.trim();
  if (JSON.stringify(slots) !== JSON.stringify(before.availability)) changes.availability = slots;
  if (contact) {
    const phone = contact.phone.trim() || null;
    if (phone !== (before.phone ?? null)) changes.phone = phone;
    if (JSON.stringify(contact.shares) !== JSON.stringify(before.shares ?? [])) changes.shares = contact.shares;
  }
  return changes;
}

// The contact details the other side of an active match may see, as the user chooses.
export interface Contact {
  phone: string;
  shares: Share[];
}

const SHARES: Share[] = ['email', 'phone'];
// The server's rule (backend/accounts/schemas.py PHONE), checked here first so the form says it at once.
const PHONE = /^(\+?[0-9][0-9 ]{5,19})?$/;

function badSlots(slots: Slot[]): number[] {
  return slots.flatMap((s, i) => (!s.start || !s.end || s.start >= s.end ? [i] : []));
}

// What the form says is kept as state, not as text: it is worded at each render, so it speaks
// the current language and follows the change it describes (waiting, then sent).
type Saved = null | 'unchanged' | { mid: number };

function savedText(saved: Saved, waiting: boolean, online: boolean): string {
  if (saved === null) return '';
  if (saved === 'unchanged') return _("Er is niets veranderd.");
  if (waiting && !online) return _("Opgeslagen. Je wijziging wordt verstuurd zodra je online bent.");
  // TRANSLATORS: status after saving the profile: the change is saved.
  return _("Opgeslagen.");
}

export function ProfileScreen({ user }: ScreenProps) {
  const db = useDb();
  // TRANSLATORS: title of the profile screen (name, availability, language).
  useTitle(_("Mijn profiel"));
  const online = useOnline();
  const profile = useWatch<ProfileData | null>(watchProfile(db, user), null, [db, user.id]);
  // What the user typed, null while untouched: the form shows the draft or else the stored
  // profile. Derived, not copied into state by an effect: an effect of an earlier render can run
  // late (Preact runs it before the next render) and would put the old name back over typing.
  const [draftName, setDraftName] = useState<string | null>(null);
  const [draftSlots, setDraftSlots] = useState<Slot[] | null>(null);
  const [draftPhone, setDraftPhone] = useState<string | null>(null);
  const [draftShares, setDraftShares] = useState<Share[] | null>(null);
  const name = draftName ?? profile?.display_name ?? '';
  const slots = draftSlots ?? profile?.availability ?? [];
  const phone = draftPhone ?? profile?.phone ?? '';
  const shares = draftShares ?? profile?.shares ?? [];
  const dirty = draftName !== null || draftSlots !== null || draftPhone !== null || draftShares !== null;
  const clearDrafts = () => {
    setDraftName(null);
    setDraftSlots(null);
    setDraftPhone(null);
    setDraftShares(null);
  };
  const [nameMissing, setNameMissing] = useState(false);
  const [phoneError, setPhoneError] = useState('');
  const [invalid, setInvalid] = useState<number[]>([]);
  const [saved, setSaved] = useState<Saved>(null);
  const savedMid = saved !== null && typeof saved === 'object' ? saved.mid : null;
  const waiting = useWatch<boolean>(savedMid === null ? null : watchWaiting(db, savedMid), true, [db, savedMid]);
  useLeaveGuard(dirty, _("Je wijzigingen zijn nog niet opgeslagen. Wil je deze pagina toch verlaten?"));

  async function save(event: Event) {
    event.preventDefault();
    if (!profile) return;
    const bad = badSlots(slots);
    setNameMissing(!name.trim());
    setInvalid(bad);
    const phoneBad = !PHONE.test(phone.trim());
    setPhoneError(phoneBad ? _("Vul een telefoonnummer in met alleen cijfers, spaties en eventueel een + vooraan.") : '');
    if (!name.trim() || bad.length > 0 || phoneBad) return;
    const changes = changedFields(profile, name, slots, { phone, shares });
    if (Object.keys(changes).length === 0) {
      setSaved('unchanged');
      clearDrafts();
      return;
    }
    let mid: number;
    try {
      mid = await updateProfile(db, changes);
    } catch (error) {
      // Refused on this phone (storage full, a logout running): the notice above the screen says
      // why; the form keeps the edits so nothing typed is lost.
      if (refusedText(error) !== null) return;
      throw error;
    }
    clearDrafts(); // the stored profile now shows the change (pending on top)
    setSaved({ mid });
  }

  async function chooseLanguage(next: Lang) {
    // A profile.update (works offline); the app follows the profile's language everywhere.
    await updateProfile(db, { locale: next });
    await setLanguage(next, { remember: true });
  }

  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setSaved(null);
  };
  const errors = Object.fromEntries(invalid.map((i) => [i, _("De eindtijd moet na de begintijd liggen.")]));

  return (
    <section class="screen profile" data-testid="profile" aria-labelledby="profile-title">
      <h1 id="profile-title">{_("Mijn profiel")}</h1>
      <p><T msg={_("Ingelogd als {email}.")} email={user.email ?? user.username ?? ''} /></p>
      <form onSubmit={save} noValidate>
        <Field
          id="profile-name"
          // TRANSLATORS: label of the field with the name others see (first name, or how you want to be called).
          label={_("Naam")}
          autocomplete="name"
          value={name}
          error={nameMissing ? _("Vul je naam in.") : ''}
          onInput={(e) => edit(setDraftName)(e.currentTarget.value)}
        />
        <h2>{_("Wanneer kun je meestal?")}</h2>
        <AvailabilityEditor slots={slots} errors={errors} onChange={edit(setDraftSlots)} />
        <h2>{_("Contact met je koppeling")}</h2>
        <p class="hint">{_("Pas als jullie koppeling is goedgekeurd, ziet de ander wat je hier aanvinkt. Daarvoor nooit.")}</p>
        <Field
          id="profile-phone"
          // TRANSLATORS: label of the field with the user's own phone number.
          label={_("Telefoonnummer (mag je leeg laten)")}
          type="tel"
          autocomplete="tel"
          dir="ltr"
          value={phone}
          error={phoneError}
          onInput={(e) => edit(setDraftPhone)(e.currentTarget.value)}
        />
        <fieldset class="field shares" data-testid="profile-shares">
          <legend>{_("Dit mag de ander zien:")}</legend>
          {SHARES.map((share) => (
            <label key={share} class="check">
              <input
                type="checkbox"
                name="shares"
                value={share}
                checked={shares.includes(share)}
                disabled={share === 'phone' ? !phone.trim() : !user.email}
                onChange={(e) => edit(setDraftShares)(
                  SHARES.filter((s) => (s === share ? e.currentTarget.checked : shares.includes(s))))}
              />
              <span>
                {share === 'email'
                  // TRANSLATORS: a choice: the other side of the match may see my e-mail address (shown in brackets).
                  ? <T msg={_("Mijn e-mailadres ({email})")} email={user.email ?? ''} />
                  // TRANSLATORS: a choice: the other side of the match may see my phone number.
                  : _("Mijn telefoonnummer")}
              </span>
            </label>
          ))}
        </fieldset>
        <p role="status" class="form-status">{savedText(saved, waiting, online)}</p>
        <Button type="submit" icon="check">
          {/* TRANSLATORS: button: save the profile. */}
          {_("Opslaan")}
        </Button>
      </form>
      <section class="settings" aria-labelledby="settings-title">
        <h2 id="settings-title">{_("Taal en account")}</h2>
        <LanguagePicker onChange={(next) => void chooseLanguage(next)} />
        <p><a href="/agenda" data-testid="profile-calendar-link">{_("Afspraken in je eigen agenda zetten")}</a></p>
        <LogoutButton />
      </section>
      <DevicesSection />
    </section>
  );
}
