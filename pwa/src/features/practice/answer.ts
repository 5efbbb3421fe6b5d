// Checking a typed answer against the Dutch (pure).
export type WordStatus = 'ok' | 'wrong' | 'missing' | 'extra';

export interface AnswerCheck {
  correct: boolean;
  close: boolean;
  words: { text: string; status: WordStatus }[];
}

export function normalise(text: string): string {
  void text;
  throw new Error('not yet'); // TODO(praccore)
}

export function checkAnswer(expected: string, given: string): AnswerCheck {
  void expected; void given;
  throw new Error('not yet'); // TODO(praccore)
}
