// The phone's derived cards (table `card`, never synced): kept in agreement with the reviews.
import type { LocalCard, MaatjeDB } from '../../store/db';
import type { ReviewData } from '../../types';

export async function allReviews(db: MaatjeDB): Promise<ReviewData[]> {
  void db;
  throw new Error('not yet'); // TODO(praccore)
}

export async function refreshCards(db: MaatjeDB): Promise<Map<string, LocalCard>> {
  void db;
  throw new Error('not yet'); // TODO(praccore)
}

export async function applyOwnReview(db: MaatjeDB, review: ReviewData): Promise<LocalCard> {
  void db; void review;
  throw new Error('not yet'); // TODO(praccore)
}
