// A shared activity, logged on the phone (offline too): activity.log with an id made here, so two
// phones never overwrite each other; activity.remove takes one away again. The server decides.
import type { MaatjeDB } from '../../store/db';
import { enqueue } from '../../sync/outbox';
import type { Initiative } from '../../types';
import { uuid } from '../../uuid';

export interface NewActivity {
  type: string; // a code of the catalogue activity_types
  day: string; // YYYY-MM-DD, not in the future
  minutes: number; // 5-720
  initiative: Initiative;
  note: string;
}

export async function logActivity(db: MaatjeDB, matchId: string, activity: NewActivity): Promise<string> {
  const id = uuid();
  await enqueue(db, 'activity.log', {
    id, match_id: matchId, type: activity.type, day: activity.day, minutes: activity.minutes,
    initiative: activity.initiative, note: activity.note.trim(),
  });
  return id;
}

export function removeActivity(db: MaatjeDB, id: string): Promise<number> {
  return enqueue(db, 'activity.remove', { id });
}
