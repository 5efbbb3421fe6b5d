// A session's cards, fixed when it starts: today's queue in the order nextCard gives, each with
// the mode it is practised in. A chosen theme may be practised even when nothing of it is due.
import type { ContentPhrase, PracticeMode } from '../../types';
import { nextCard } from './queue';
import { inTheme, todaysQueue, type Practice } from './usePractice';

export interface Step {
  phrase_id: string;
  fresh: boolean; // never practised before this session
  mode: PracticeMode;
}

const AHEAD = 10; // a theme with nothing due: this many of its phrases, the soonest due first

// A new phrase is first seen, never asked for: recognise or listen when chosen. Then the chosen
// modes take turns. Recall asks from the translation, typing from the translation or else the
// computer voice; a phrase without them (a Dutch interface) is shown instead.
export function modeFor(modes: readonly PracticeMode[], fresh: boolean, phrase: ContentPhrase | undefined, i: number): PracticeMode {
  const usable = modes.filter((m) => m === 'recognise' || m === 'listen' || Boolean(phrase?.t) || (m === 'type' && Boolean(phrase?.tts)));
  const choice = usable.length ? usable : (['recognise'] as PracticeMode[]);
  if (fresh) return choice.find((m) => m === 'recognise' || m === 'listen') ?? choice[0];
  return choice[i % choice.length];
}

// `ahead`: only a session's first round; later rounds hold what is really due again today.
export function sessionPlan(p: Practice, now: Date, theme: string | null, ahead: boolean): Step[] {
  const queue = todaysQueue(p, now, theme ?? undefined);
  const ids: { phrase_id: string; fresh: boolean }[] = [];
  const seen = new Set<string>();
  for (let next = nextCard(queue, seen); next; next = nextCard(queue, seen)) {
    ids.push(next);
    seen.add(next.phrase_id);
  }
  if (ids.length === 0 && theme && ahead) {
    const ahead = p.phrases.filter((ph) => inTheme(ph, theme) && p.cards.has(ph.id))
      .sort((a, b) => p.cards.get(a.id)!.due.localeCompare(p.cards.get(b.id)!.due))
      .slice(0, AHEAD);
    ids.push(...ahead.map((ph) => ({ phrase_id: ph.id, fresh: false })));
  }
  const byId = new Map(p.phrases.map((ph) => [ph.id, ph]));
  return ids.map((c, i) => ({ ...c, mode: modeFor(p.settings.modes, c.fresh, byId.get(c.phrase_id), i) }));
}
