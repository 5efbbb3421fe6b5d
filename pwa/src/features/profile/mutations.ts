// The profile's mutations: the names and argument shapes the screens queue (they work offline).
import type { MaatjeDB } from '../../store/db';
import { enqueue } from '../../sync/outbox';
import type { ProfileData } from '../../types';

export type ProfileUpdateArgs = Partial<Omit<ProfileData, 'id'>>;

// Per field: send only what changed, so edits on two phones merge.
export function updateProfile(db: MaatjeDB, args: ProfileUpdateArgs): Promise<number> {
  return enqueue(db, 'profile.update', { ...args });
}
