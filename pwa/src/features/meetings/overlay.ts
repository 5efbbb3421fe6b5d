// What the screens show of meetings: the stored rows with this phone's pending intents on top
// (pure). Each pending intent is applied as the server would if it wins, and marks the row
// `pending`; the server may still reject it (someone else was first), and then the next pull
// brings the real state and a notice says what happened.
import type { MeetingData, Mutation, Side } from '../../types';

export interface ShownMeeting extends MeetingData {
  pending: boolean; // shown with a change not yet confirmed by the server
}

const NAMES = new Set(['meeting.propose', 'meeting.choose', 'meeting.decline', 'meeting.reschedule', 'meeting.cancel', 'meeting.complete']);

export function overlayMeetings(base: readonly MeetingData[], pending: readonly Mutation[], role: Side): ShownMeeting[] {
  const rows = new Map<string, ShownMeeting>(base.map((m) => [m.id, { ...m, pending: false }]));
  for (const m of [...pending].sort((a, b) => a.mid - b.mid)) {
    if (!NAMES.has(m.name) || typeof m.args.id !== 'string') continue;
    const a = m.args as Record<string, unknown>;
    const now = new Date().toISOString();
    const row = rows.get(a.id as string);
    if (m.name === 'meeting.propose') {
      if (row || typeof a.match_id !== 'string') continue;
      rows.set(a.id as string, {
        id: a.id as string, match_id: a.match_id, status: 'proposed', version: 1, sequence: 0, proposed_by: role,
        slots: (a.slots as MeetingData['slots']) ?? [], starts_at: null, minutes: null,
        place: String(a.place ?? ''), video_url: String(a.video_url ?? ''), note: String(a.note ?? ''),
        decided_by: null, cancelled_by: null, cancel_reason: '', attended: [], held_note: '', completed_by: null,
        last_action: 'propose', last_actor: role, created_at: now, updated_at: now, pending: true,
      });
      continue;
    }
    if (!row || a.version !== row.version) continue; // made on another state: the server will reject it
    const next: ShownMeeting = { ...row, version: row.version + 1, last_actor: role, updated_at: now, pending: true };
    if (m.name === 'meeting.choose') {
      const slot = row.slots.find((s) => Date.parse(s.starts_at) === Date.parse(String(a.starts_at)));
      Object.assign(next, { status: 'confirmed', starts_at: String(a.starts_at), minutes: slot?.minutes ?? null, decided_by: role, last_action: 'choose' });
    } else if (m.name === 'meeting.decline') {
      Object.assign(next, { status: 'declined', decided_by: role, last_action: 'decline' });
    } else if (m.name === 'meeting.reschedule') {
      Object.assign(next, {
        status: 'proposed', proposed_by: role, slots: a.slots, starts_at: null, minutes: null, place: String(a.place ?? ''),
        video_url: String(a.video_url ?? ''), note: String(a.note ?? ''), decided_by: null, sequence: row.sequence + 1, last_action: 'reschedule',
      });
    } else if (m.name === 'meeting.cancel') {
      Object.assign(next, { status: 'cancelled', cancelled_by: role, cancel_reason: String(a.reason ?? ''), sequence: row.sequence + 1, last_action: 'cancel' });
    } else if (m.name === 'meeting.complete') {
      Object.assign(next, { status: 'held', attended: a.attended, held_note: String(a.note ?? ''), completed_by: role, last_action: 'complete' });
    }
    rows.set(row.id, next);
  }
  return [...rows.values()];
}
