// Own profile: name and weekly availability. Saving queues a profile.update, which works offline.
import { useEffect, useState } from 'preact/hooks';
import { _, format } from '../../i18n';
import type { ProfileData, Slot } from '../../types';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Field } from '../../ui/Field';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useOnline, useWatch } from '../../ui/useWatch';
import { AvailabilityEditor } from './AvailabilityEditor';
import { updateProfile, type ProfileUpdateArgs } from './mutations';
import { watchProfile } from './queries';
import { refusedText } from '../auth/SessionNotice';
import { DevicesSection } from '../sessions/DevicesSection';

// Only what changed is sent: profile.update is per field, so edits on two phones merge.
export function changedFields(before: ProfileData, name: string, slots: Slot[]): ProfileUpdateArgs {
  const changes: ProfileUpdateArgs = {};
  if (name.trim() !== before.display_name) changes.display_name = name.trim();
  if (JSON.stringify(slots) !== JSON.stringify(before.availability)) changes.availability = slots;
  return changes;
}

function slotErrors(slots: Slot[]): Record<number, string> {
  const errors: Record<number, string> = {};
  slots.forEach((s, i) => {
    if (!s.start || !s.end || s.start >= s.end) errors[i] = _("De eindtijd moet na de begintijd liggen.");
  });
  return errors;
}

export function ProfileScreen({ user }: ScreenProps) {
  const db = useDb();
  useTitle(_("Mijn profiel"));
  const online = useOnline();
  const profile = useWatch<ProfileData | null>(watchProfile(db, user), null, [db, user.id]);
  const [name, setName] = useState('');
  const [slots, setSlots] = useState<Slot[]>([]);
  const [dirty, setDirty] = useState(false);
  const [nameError, setNameError] = useState('');
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [saved, setSaved] = useState('');

  // Follow the stored profile (e.g. after a pull) until the user starts editing.
  useEffect(() => {
    if (profile && !dirty) {
      setName(profile.display_name);
      setSlots(profile.availability);
    }
  }, [profile, dirty]);

  async function save(event: Event) {
    event.preventDefault();
    if (!profile) return;
    const newErrors = slotErrors(slots);
    setNameError(name.trim() ? '' : _("Vul je naam in."));
    setErrors(newErrors);
    if (!name.trim() || Object.keys(newErrors).length > 0) return;
    const changes = changedFields(profile, name, slots);
    if (Object.keys(changes).length === 0) {
      setSaved(_("Er is niets veranderd."));
      return;
    }
    try {
      await updateProfile(db, changes);
    } catch (error) {
      // Refused on this phone (storage full, a logout running): the notice above the screen says
      // why; the form keeps the edits so nothing typed is lost.
      if (refusedText(error) !== null) return;
      throw error;
    }
    setDirty(false);
    setSaved(online ? _("Opgeslagen.") : _("Opgeslagen. Je wijziging wordt verstuurd zodra je online bent."));
  }

  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setDirty(true);
    setSaved('');
  };

  return (
    <section class="screen profile" data-testid="profile" aria-labelledby="profile-title">
      <h1 id="profile-title">{_("Mijn profiel")}</h1>
      <p>{format(_("Ingelogd als {email}."), { email: user.email })}</p>
      <form onSubmit={save} noValidate>
        <Field
          id="profile-name"
          label={_("Naam")}
          autocomplete="name"
          value={name}
          error={nameError}
          onInput={(e) => edit(setName)(e.currentTarget.value)}
        />
        <h2>{_("Wanneer kun je meestal?")}</h2>
        <AvailabilityEditor slots={slots} errors={errors} onChange={edit(setSlots)} />
        <p>{_("Je taal kies je bovenaan het scherm.")}</p>
        <p role="status" class="form-status">{saved}</p>
        <Button type="submit" icon="check">
          {_("Opslaan")}
        </Button>
      </form>
      <DevicesSection />
    </section>
  );
}
