// Checking a typed answer against the Dutch (pure): forgiving about what a phone keyboard or a
// newcomer's spelling gets wrong without the Dutch being wrong (case, punctuation, accents, the
// curly apostrophe), and precise about which words differ.
export type WordStatus = 'ok' | 'wrong' | 'missing' | 'extra';

export interface CheckedWord {
  text: string; // as typed (ok, wrong, extra) or as expected (missing)
  status: WordStatus;
  expected?: string; // a wrong word: the expected one
}

export interface AnswerCheck {
  correct: boolean;
  close: boolean; // not correct, but only small typos (one letter off in words of 4 letters or more)
  words: CheckedWord[];
}

const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}'\s]/gu;

// The words of a text as written (case and accents kept), punctuation taken out.
function tokens(text: string): string[] {
  return text.normalize('NFC').replace(APOSTROPHES, "'").replace(NOT_WORD, ' ').split(/\s+/).filter(Boolean);
}

function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function normalise(text: string): string {
  return tokens(text).map(normaliseWord).join(' ');
}

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one spot).
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_u, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

// 2: the same word; 1: a small typo of it; 0: another word.
function likeness(expected: string, given: string): number {
  if (expected === given) return 2;
  return expected.length >= 4 && Math.abs(expected.length - given.length) <= 1 && distance(expected, given) <= 1 ? 1 : 0;
}

export function checkAnswer(expected: string, given: string): AnswerCheck {
  const want = tokens(expected);
  const got = tokens(given);
  const a = want.map(normaliseWord);
  const b = got.map(normaliseWord);
  // Longest common subsequence, weighted so an exact word wins over a typo.
  const score: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const like = likeness(a[i], b[j]);
      score[i][j] = Math.max(score[i + 1][j], score[i][j + 1], like ? like + score[i + 1][j + 1] : 0);
    }
  }
  const words: CheckedWord[] = [];
  let typos = 0;
  let missing: string[] = [];
  let extra: string[] = [];
  // Between two matched words, a missing and an extra word side by side are one wrong word.
  const flush = () => {
    const paired = Math.min(missing.length, extra.length);
    for (let k = 0; k < paired; k++) words.push({ text: extra[k], status: 'wrong', expected: missing[k] });
    for (const text of missing.slice(paired)) words.push({ text, status: 'missing' });
    for (const text of extra.slice(paired)) words.push({ text, status: 'extra' });
    missing = [];
    extra = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const like = i < a.length && j < b.length ? likeness(a[i], b[j]) : 0;
    if (like && score[i][j] === like + score[i + 1][j + 1]) {
      flush();
      if (like === 2) words.push({ text: got[j], status: 'ok' });
      else {
        typos += 1;
        words.push({ text: got[j], status: 'wrong', expected: want[i] });
      }
      i += 1;
      j += 1;
    } else if (j >= b.length || (i < a.length && score[i][j] === score[i + 1][j])) {
      missing.push(want[i]);
      i += 1;
    } else {
      extra.push(got[j]);
      j += 1;
    }
  }
  flush();
  const wrong = words.filter((w) => w.status !== 'ok').length;
  return { correct: wrong === 0, close: wrong > 0 && wrong === typos, words };
}
