// Practice changes made on the phone (offline too): a review, the settings, the progress summary.
import type { MaatjeDB } from '../../store/db';
import type { PracticeData, PracticeMode, ProgressSummary, Rating, ReviewData } from '../../types';

export interface NewReview {
  phrase_id: string;
  rating: Rating;
  mode: PracticeMode;
}

export async function logReview(db: MaatjeDB, review: NewReview): Promise<ReviewData> {
  void db; void review;
  throw new Error('not yet'); // TODO(praccore)
}

export type SettingsChange = Partial<Pick<PracticeData, 'new_per_day' | 'reviews_per_day' | 'buttons' | 'voice' | 'modes'>> & {
  together?: boolean;
  share_progress?: boolean;
};

export async function saveSettings(db: MaatjeDB, partial: SettingsChange): Promise<number> {
  void db; void partial;
  throw new Error('not yet'); // TODO(praccore)
}

export async function sendProgress(db: MaatjeDB, summary: ProgressSummary, force = false): Promise<boolean> {
  void db; void summary; void force;
  throw new Error('not yet'); // TODO(praccore)
}
