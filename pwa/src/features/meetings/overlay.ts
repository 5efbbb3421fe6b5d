// What the screens show of meetings: the stored rows with this phone's pending intents on top
// (pure). Each pending intent is applied as the server would if it wins, and marks the row
// `pending`; the server may still reject it (someone else was first), and then the next pull
// brings the real state and a notice says what happened. An intent made on another version than
// the one shown (the other side was first, and the pull already brought that) is not applied.
import type { MeetingAction, MeetingData, MeetingSlot, Mutation, Side } from '../../types';

export interface ShownMeeting extends MeetingData {
  pending: boolean; // shown with a change not yet confirmed by the server
  pendingAction?: MeetingAction | null; // the last of this phone's changes waiting to be sent
}

const ACTIONS: Record<string, MeetingAction> = {
  'meeting.propose': 'propose', 'meeting.choose': 'choose', 'meeting.decline': 'decline',
  'meeting.reschedule': 'reschedule', 'meeting.cancel': 'cancel', 'meeting.complete': 'complete',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const slotsOf = (value: unknown): MeetingSlot[] => (Array.isArray(value) ? (value as MeetingSlot[]) : []);

export function overlayMeetings(base: readonly MeetingData[], pending: readonly Mutation[], role: Side): ShownMeeting[] {
  const rows = new Map<string, ShownMeeting>(base.map((m) => [m.id, { ...m, pending: false, pendingAction: null }]));
  for (const m of [...pending].sort((a, b) => a.mid - b.mid)) {
    const action = ACTIONS[m.name];
    if (!action || typeof m.args.id !== 'string') continue;
    const a = m.args as Record<string, unknown>;
    const now = new Date().toISOString();
    const row = rows.get(a.id as string);
    if (action === 'propose') {
      if (row || typeof a.match_id !== 'string') continue; // already known: the server has it
      rows.set(a.id as string, {
        id: a.id as string, match_id: a.match_id, status: 'proposed', version: 1, sequence: 0, proposed_by: role,
        slots: slotsOf(a.slots), starts_at: null, minutes: null,
        place: text(a.place), video_url: text(a.video_url), note: text(a.note),
        decided_by: null, cancelled_by: null, cancel_reason: '', attended: [], held_note: '', completed_by: null,
        last_action: 'propose', last_actor: role, created_at: now, updated_at: now, pending: true, pendingAction: 'propose',
      });
      continue;
    }
    if (!row || a.version !== row.version) continue; // made on another state: the server will reject it
    if (!allowed(row, role, action)) continue; // the table has no such step from here
    const next: ShownMeeting = {
      ...row, version: row.version + 1, last_action: action, last_actor: role, updated_at: now, pending: true, pendingAction: action,
    };
    if (action === 'choose') {
      const slot = row.slots.find((s) => Date.parse(s.starts_at) === Date.parse(text(a.starts_at)));
      if (!slot) continue;
      Object.assign(next, { status: 'confirmed', starts_at: slot.starts_at, minutes: slot.minutes, decided_by: role });
    } else if (action === 'decline') {
      Object.assign(next, { status: 'declined', decided_by: role });
    } else if (action === 'reschedule') {
      Object.assign(next, {
        status: 'proposed', proposed_by: role, slots: slotsOf(a.slots), starts_at: null, minutes: null, place: text(a.place),
        video_url: text(a.video_url), note: text(a.note), decided_by: null, sequence: row.sequence + 1,
      });
    } else if (action === 'cancel') {
      Object.assign(next, { status: 'cancelled', cancelled_by: role, cancel_reason: text(a.reason), sequence: row.sequence + 1 });
    } else if (action === 'complete') {
      Object.assign(next, { status: 'held', attended: Array.isArray(a.attended) ? a.attended : [], held_note: text(a.note), completed_by: role });
    }
    rows.set(row.id, next);
  }
  return [...rows.values()];
}

// The transition table of docs/meetings.md, for one side (times are checked by the screens and
// the server: choosing a slot in the past, marking held before the start).
export function allowed(m: Pick<MeetingData, 'status' | 'proposed_by'>, role: Side, action: MeetingAction): boolean {
  switch (action) {
    case 'choose':
    case 'decline':
      return m.status === 'proposed' && m.proposed_by !== role;
    case 'reschedule':
      return m.status === 'proposed' || m.status === 'confirmed' || m.status === 'declined';
    case 'cancel':
      return m.status === 'proposed' || m.status === 'confirmed';
    case 'complete':
      return m.status === 'confirmed';
    default:
      return false;
  }
}

// The moment that counts for ordering: the chosen start, else the first proposed slot.
export function firstMoment(m: MeetingData): number {
  if (m.starts_at) return Date.parse(m.starts_at);
  const times = m.slots.map((s) => Date.parse(s.starts_at));
  return times.length ? Math.min(...times) : Date.parse(m.created_at);
}

// For a match's page: open proposals waiting for this side first, then the upcoming confirmed
// ones (soonest first), the rest (past, cancelled, declined, held) newest first.
export function sortMeetings(meetings: ShownMeeting[], role: Side, now = Date.now()): ShownMeeting[] {
  const group = (m: ShownMeeting) => {
    if (m.status === 'proposed' && m.proposed_by !== role) return 0;
    if (m.status === 'confirmed' && firstMoment(m) >= now) return 1;
    if (m.status === 'proposed') return 2;
    return 3;
  };
  return [...meetings].sort((a, b) => {
    const g = group(a) - group(b);
    if (g) return g;
    return group(a) === 3 ? firstMoment(b) - firstMoment(a) : firstMoment(a) - firstMoment(b);
  });
}
