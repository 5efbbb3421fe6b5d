// What the screen shows: the stored profile with pending profile.update mutations on top.
import type { Mutation, ProfileData, Share, Slot } from '../../types';
import type { ProfileUpdateArgs } from './mutations';

const PROFILE_FIELDS = ['display_name', 'locale', 'availability', 'phone', 'shares'] as const;

// profile.update is per field: a later mutation overwrites only the fields it names.
export function overlayProfile(base: ProfileData | null, pending: readonly Mutation[]): ProfileData | null {
  if (!base) return null;
  return [...pending]
    .sort((a, b) => a.mid - b.mid)
    .filter((m) => m.name === 'profile.update')
    .reduce<ProfileData>((profile, m) => ({ ...profile, ...pickProfileFields(m.args) }), base);
}

function pickProfileFields(args: Record<string, unknown>): ProfileUpdateArgs {
  const picked: ProfileUpdateArgs = {};
  for (const field of PROFILE_FIELDS) {
    if (!(field in args)) continue;
    if (field === 'availability') picked.availability = (args.availability as Slot[]).map((s) => ({ ...s }));
    else if (field === 'shares') picked.shares = [...(args.shares as Share[])];
    else if (field === 'phone') picked.phone = args.phone ? String(args.phone) : null;
    else picked[field] = String(args[field]);
  }
  return picked;
}
