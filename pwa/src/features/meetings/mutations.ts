// The pair's meeting intents (docs/meetings.md), queued like every change so they work offline.
// Each transition names the version the phone showed: the server applies it only if nobody was
// first, and otherwise answers meeting_changed with a notice that says what the other did.
import type { MaatjeDB } from '../../store/db';
import { enqueue } from '../../sync/outbox';
import type { MeetingSlot, Side } from '../../types';
import { uuid } from '../../uuid';

export interface Plan {
  slots: MeetingSlot[]; // 1-3, starts_at in UTC (time.ts amsterdamToUtc)
  place: string;
  video_url: string;
  note: string;
}

function planArgs(plan: Plan): Record<string, unknown> {
  return { slots: plan.slots, place: plan.place.trim(), video_url: plan.video_url.trim(), note: plan.note.trim() };
}

// A new meeting; returns its id (made here, so the screen can open it at once, offline too).
export async function proposeMeeting(db: MaatjeDB, matchId: string, plan: Plan): Promise<string> {
  const id = uuid();
  await enqueue(db, 'meeting.propose', { id, match_id: matchId, ...planArgs(plan) });
  return id;
}

export function chooseSlot(db: MaatjeDB, id: string, version: number, startsAt: string): Promise<number> {
  return enqueue(db, 'meeting.choose', { id, version, starts_at: startsAt });
}

export function declineMeeting(db: MaatjeDB, id: string, version: number, note: string): Promise<number> {
  return enqueue(db, 'meeting.decline', { id, version, note: note.trim() });
}

export function rescheduleMeeting(db: MaatjeDB, id: string, version: number, plan: Plan): Promise<number> {
  return enqueue(db, 'meeting.reschedule', { id, version, ...planArgs(plan) });
}

export function cancelMeeting(db: MaatjeDB, id: string, version: number, reason: string): Promise<number> {
  return enqueue(db, 'meeting.cancel', { id, version, reason: reason.trim() });
}

// After the start: who came (roles) and a short note both see.
export function completeMeeting(db: MaatjeDB, id: string, version: number, attended: Side[], note: string): Promise<number> {
  return enqueue(db, 'meeting.complete', { id, version, attended, note: note.trim() });
}
