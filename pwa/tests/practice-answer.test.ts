// Typing the Dutch: what a phone keyboard gets "wrong" (capitals, full stop, accents, the curly
// apostrophe) is not a mistake; a missing, an extra or another word is shown where it is; one
// letter off in a longer word is "almost".
import { describe, expect, it } from 'vitest';
import { checkAnswer, normalise } from '../src/features/practice/answer';

const statuses = (expected: string, given: string) => checkAnswer(expected, given).words.map((w) => `${w.text}:${w.status}`);

describe('normalise', () => {
  it('ignores case, punctuation, accents, extra spaces and the kind of apostrophe', () => {
    expect(normalise('  Hoe   gaat het?! ')).toBe('hoe gaat het');
    expect(normalise('Een café, graag.')).toBe(normalise('een cafe graag'));
    expect(normalise('’s Morgens')).toBe("'s morgens");
    expect(normalise("Zo'n beetje")).toBe(normalise('zo’n beetje'));
  });
});

describe('checkAnswer', () => {
  it('accepts the sentence with other capitals, punctuation and without accents', () => {
    expect(checkAnswer('Hoe heet je?', 'hoe heet je')).toMatchObject({ correct: true, close: false });
    expect(checkAnswer('Ik wil een café.', 'ik wil een cafe')).toMatchObject({ correct: true });
    expect(checkAnswer('Ik drink ’s ochtends koffie.', "ik drink 's ochtends koffie")).toMatchObject({ correct: true });
  });

  it('shows a missing word and an extra word where they are', () => {
    expect(statuses('Ik woon in Utrecht', 'ik woon Utrecht')).toEqual(['ik:ok', 'woon:ok', 'in:missing', 'Utrecht:ok']);
    expect(statuses('Ik woon in Utrecht', 'ik woon nu in Utrecht')).toEqual(['ik:ok', 'woon:ok', 'nu:extra', 'in:ok', 'Utrecht:ok']);
    expect(checkAnswer('Ik woon in Utrecht', 'ik woon Utrecht')).toMatchObject({ correct: false, close: false });
  });

  it('marks another word as wrong, with the word that was expected', () => {
    const check = checkAnswer('Ik heb een hond', 'ik heb een kat');
    expect(check.words.at(-1)).toEqual({ text: 'kat', status: 'wrong', expected: 'hond' });
    expect(check).toMatchObject({ correct: false, close: false });
  });

  it('calls one letter off in a longer word close, not in a short one', () => {
    expect(checkAnswer('Goedemorgen, hoe gaat het?', 'goedemorgn hoe gaat het')).toMatchObject({ correct: false, close: true });
    expect(checkAnswer('Dank je wel', 'dank je wle')).toMatchObject({ correct: false, close: false }); // "wel" is short
    expect(checkAnswer('Ik werk morgen', 'ik wekr morgen')).toMatchObject({ close: true }); // two letters swapped
    expect(checkAnswer('Ik werk morgen', 'ik wekr morgn')).toMatchObject({ close: true });
    expect(checkAnswer('Ik werk morgen', 'ik wrk')).toMatchObject({ close: false }); // a word is missing
  });

  it('says nothing typed is all missing', () => {
    expect(statuses('Tot ziens', '')).toEqual(['Tot:missing', 'ziens:missing']);
  });
});
