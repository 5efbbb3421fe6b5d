// GET /api/hours/me: an MDT buddy's hours (meetings held and activities) against the target
// within the service period. Kept in `meta` so the page still shows the last copy offline.
import { getJson } from '../../api';
import { getMeta, setMeta, type MaatjeDB } from '../../store/db';

export interface HoursEntry {
  day: string; // YYYY-MM-DD
  kind: 'meeting' | 'activity';
  minutes: number;
  type: string | null; // an activity type code (activities)
  label: string; // the server's words for it (a meeting's place, an activity's label)
  with: string; // the other person's first name
}

export interface HoursData {
  mdt: boolean; // a volunteer has no target and no period: the page is for MDT buddies
  name: string; // the buddy's name, for the printed title
  target_hours: number;
  minutes: number; // counted within the period
  period_start: string | null;
  period_end: string | null;
  capped_days: number; // days with more than 16 hours logged: each counts 16 (the server caps the total)
  entries: HoursEntry[];
}

export interface StoredHours {
  user_id: string; // whose hours: another person's login on this phone never sees them
  at: string; // when it was fetched
  data: HoursData;
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

// Reads the answer leniently (minutes or hours, a nested period or flat dates).
export function normaliseHours(raw: Raw): HoursData {
  const period = (raw.period && typeof raw.period === 'object' ? raw.period : {}) as Raw;
  const minutes = typeof raw.minutes_total === 'number' ? raw.minutes_total : typeof raw.minutes === 'number' ? raw.minutes : num(raw.hours) * 60;
  const entries = Array.isArray(raw.entries) ? (raw.entries as Raw[]) : [];
  return {
    mdt: raw.kind === undefined ? true : raw.kind === 'mdt',
    name: str(raw.name) || str(raw.display_name) || str(raw.buddy_name),
    target_hours: num(raw.target_hours) || (typeof raw.target_minutes === 'number' ? raw.target_minutes / 60 : 80),
    minutes,
    period_start: str(raw.period_start) || str(period.start) || str(raw.service_start) || null,
    period_end: str(raw.period_end) || str(period.end) || str(raw.service_end) || null,
    capped_days: num(raw.capped_days),
    entries: entries.map((e) => ({
      day: str(e.day) || str(e.date) || str(e.starts_at).slice(0, 10),
      kind: e.kind === 'meeting' ? 'meeting' : 'activity',
      minutes: num(e.minutes),
      type: str(e.type) || null,
      label: str(e.label) || str(e.title) || str(e.place),
      with: str(e.with) || str(e.other_first_name) || str(e.match_name),
    })),
  };
}

// Online: fetch and store; offline (or a server error): the stored copy, or null.
export async function loadHours(db: MaatjeDB, userId: string): Promise<{ hours: StoredHours | null; fresh: boolean; error: unknown }> {
  try {
    const data = normaliseHours(await getJson<Raw>('/api/hours/me'));
    const hours = { user_id: userId, at: new Date().toISOString(), data };
    await setMeta(db, 'hours', hours).catch(() => undefined);
    return { hours, fresh: true, error: null };
  } catch (error) {
    const stored = await getMeta(db, 'hours');
    return { hours: stored?.user_id === userId ? stored : null, fresh: false, error };
  }
}
