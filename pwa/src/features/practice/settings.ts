// Practice settings: the synced `practice` row, else the gentle defaults (docs/phrases.md), with
// this phone's queued practice.settings laid over so a change shows at once, offline too.
import type { MaatjeDB, OutboxEntry } from '../../store/db';
import { pendingMutations } from '../../sync/outbox';
import { watch, type Watch } from '../../sync/views';
import type { PracticeData } from '../../types';

export const DEFAULT_SETTINGS: PracticeData = {
  new_per_day: 10,
  reviews_per_day: 60,
  buttons: 2,
  voice: 'recorded',
  modes: ['recognise', 'recall', 'listen', 'type'],
  together_consent_at: null,
  progress_consent_at: null,
};

const PLAIN = ['new_per_day', 'reviews_per_day', 'buttons', 'voice', 'modes'] as const;

// Pure: the settings after the queued changes, in mid order. A consent given here counts from
// when it was queued; the server records its own time, which the next pull brings.
export function overlaySettings(base: PracticeData, pending: readonly OutboxEntry[]): PracticeData {
  const out: PracticeData = { ...base };
  for (const m of [...pending].sort((a, b) => a.mid - b.mid)) {
    if (m.name !== 'practice.settings') continue;
    const a = m.args as Partial<PracticeData> & { together?: boolean; share_progress?: boolean };
    for (const key of PLAIN) if (a[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = a[key];
    if (a.together !== undefined) out.together_consent_at = a.together ? out.together_consent_at ?? m.created_at : null;
    if (a.share_progress !== undefined) out.progress_consent_at = a.share_progress ? out.progress_consent_at ?? m.created_at : null;
  }
  return out;
}

export async function loadPractice(db: MaatjeDB, userId: string): Promise<PracticeData> {
  const [row, pending] = await Promise.all([db.practice.get(userId), pendingMutations(db)]);
  return overlaySettings({ ...DEFAULT_SETTINGS, ...row?.data }, pending);
}

export function watchPractice(db: MaatjeDB, userId: string): Watch<PracticeData> {
  return watch(() => loadPractice(db, userId));
}
