// Live profile for the screens: the stored row (or what /me said) with pending changes on top.
import type { MaatjeDB } from '../../store/db';
import { pendingMutations } from '../../sync/outbox';
import { watch, type Watch } from '../../sync/views';
import type { ProfileData, User } from '../../types';
import { overlayProfile } from './overlay';

// Before the first pull we only know what /me said; that is enough to show and edit the profile.
function profileFromUser(user: User): ProfileData {
  return { id: user.id, display_name: user.display_name, locale: user.locale, availability: [] };
}

export function watchProfile(db: MaatjeDB, user: User): Watch<ProfileData> {
  return watch(async () => {
    const [row, pending] = await Promise.all([db.profile.get(user.id), pendingMutations(db)]);
    return overlayProfile(row?.data ?? profileFromUser(user), pending) ?? profileFromUser(user);
  });
}

// True while the queued change `mid` still waits in the outbox (false once it was sent).
export function watchWaiting(db: MaatjeDB, mid: number): Watch<boolean> {
  return watch(async () => (await db.outbox.get(mid)) !== undefined);
}
