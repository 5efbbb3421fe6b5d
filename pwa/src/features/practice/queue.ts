// Today's practice queue (pure): due cards and new phrases within the daily caps.
import type { LocalCard } from '../../store/db';
import type { PracticeData } from '../../types';

export interface QueueInput {
  cards: Map<string, LocalCard>;
  order: string[]; // phrase ids in catalogue order, org phrases included
  doneToday: { fresh: number; reviews: number };
  settings: PracticeData;
  now: Date;
  lastPracticeDay: string | null; // YYYY-MM-DD (Amsterdam) of the last review before today
}

export interface Queue {
  due: string[]; // phrase ids to review today, in order
  fresh: string[]; // new phrase ids allowed today, in catalogue order
  waiting: number; // due but held back by the caps or the spreading
}

export function buildQueue(input: QueueInput): Queue {
  void input;
  throw new Error('not yet'); // TODO(praccore)
}

export function nextCard(queue: Queue, skip: ReadonlySet<string> = new Set()): { phrase_id: string; fresh: boolean } | null {
  void queue; void skip;
  throw new Error('not yet'); // TODO(praccore)
}
