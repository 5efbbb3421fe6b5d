// The cards of a together session, and how long it lasted. Pure: the screen and the tests share it.
// The buddy never holds the newcomer's reviews (only what practice_share allows), so the deck
// cannot follow the newcomer's schedule: it takes a theme's phrases, the easier levels first.
import type { ContentPhrase, Level, Rating } from '../../types';

export const MIXED = 'mixed'; // "door elkaar": phrases of every theme
const MIXED_SIZE = 20; // a mixed session draws this many; the buddy can stop at any card
const LEVELS: Level[] = ['A0', 'A1', 'A2', 'B1'];

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// The phrase ids of one session: a theme's phrases by level (shuffled within a level), or a mixed
// draw from all themes, easier ones first as well.
export function buildDeck(phrases: readonly ContentPhrase[], theme: string, random: () => number = Math.random): string[] {
  const pool = theme === MIXED ? shuffled(phrases, random).slice(0, MIXED_SIZE) : phrases.filter((p) => p.theme === theme);
  const byLevel = LEVELS.map((level) => shuffled(pool.filter((p) => p.level === level), random));
  return byLevel.flat().map((p) => p.id);
}

// The themes a session can take: those with at least one phrase, in the catalogue's order.
export function themesWithPhrases<T extends { code: string }>(themes: readonly T[], phrases: readonly ContentPhrase[]): T[] {
  const used = new Set(phrases.map((p) => p.theme));
  return themes.filter((t) => used.has(t.code));
}

// activity.log takes 5-720 minutes: a short session still counts as five.
export function sessionMinutes(startedAt: Date, endedAt: Date): number {
  const minutes = Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000);
  return Math.min(720, Math.max(5, minutes));
}

export interface Tally {
  total: number;
  again: number; // rated "again" (1): worth practising once more
}

export function tally(ratings: readonly Rating[]): Tally {
  return { total: ratings.length, again: ratings.filter((r) => r === 1).length };
}
