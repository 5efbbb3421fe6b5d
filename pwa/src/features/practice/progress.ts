// The progress summary the practice home shows and the buddy may see.
import type { LocalCard } from '../../store/db';
import type { ContentCatalogue, PracticeData, ProgressSummary, ReviewData } from '../../types';

export function progressSummary(
  cards: Map<string, LocalCard>,
  reviews: ReviewData[],
  catalogue: ContentCatalogue,
  now: Date,
  settings?: PracticeData,
): ProgressSummary {
  void cards; void reviews; void catalogue; void now; void settings;
  throw new Error('not yet'); // TODO(praccore)
}
