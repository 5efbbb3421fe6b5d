// Practice settings: the synced `practice` row, else the gentle defaults, with pending changes laid over.
import type { MaatjeDB } from '../../store/db';
import type { Watch } from '../../sync/views';
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

export async function loadPractice(db: MaatjeDB, userId: string): Promise<PracticeData> {
  void db; void userId;
  throw new Error('not yet'); // TODO(praccore)
}

export function watchPractice(db: MaatjeDB, userId: string): Watch<PracticeData> {
  void db; void userId;
  throw new Error('not yet'); // TODO(praccore)
}
