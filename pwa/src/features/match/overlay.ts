// What the screens show: each stored offer with this phone's pending answer on top. The answer
// is shown as given (and marked pending); what follows from it (both said yes: "agreed") is the
// server's to decide, so the status stays the stored one until the next pull.
import type { MatchAnswer, MatchOfferData, Mutation } from '../../types';

export interface Offer extends MatchOfferData {
  pending: boolean; // own_answer comes from a change not yet sent (or not yet confirmed)
  endPending: boolean; // this phone ended the match; the server has not confirmed it yet
  evaluationPending: boolean; // `evaluated` comes from an evaluation not yet confirmed
}

const ANSWERS: Record<string, MatchAnswer> = { 'match.accept': 'accepted', 'match.decline': 'declined' };

export function overlayOffers(base: readonly MatchOfferData[], pending: readonly Mutation[]): Offer[] {
  const answers = new Map<string, MatchAnswer>();
  const ended = new Set<string>();
  const evaluated = new Set<string>();
  for (const m of [...pending].sort((a, b) => a.mid - b.mid)) {
    if (typeof m.args.match_id !== 'string') continue;
    const answer = ANSWERS[m.name];
    if (answer) answers.set(m.args.match_id, answer);
    if (m.name === 'match.end') ended.add(m.args.match_id);
    if (m.name === 'match.evaluate') evaluated.add(m.args.match_id);
  }
  return base.map((offer) => {
    const answer = answers.get(offer.match_id);
    const shown: Offer = {
      ...offer,
      pending: false,
      // Only a running match can be ended, only an ended one evaluated (once).
      endPending: ended.has(offer.match_id) && (offer.status === 'active' || offer.status === 'paused'),
      evaluationPending: evaluated.has(offer.match_id) && !offer.evaluated,
    };
    if (shown.evaluationPending) shown.evaluated = true;
    // Only an open proposal takes an answer; a withdrawn or expired one shows what happened.
    if (answer === undefined || offer.status !== 'proposed') return shown;
    return { ...shown, own_answer: answer, pending: true };
  });
}

// The offers a phone shows first: open proposals, then the active (or paused) match, then the
// agreed ones waiting for the coordinator; closed ones last, newest first within each.
const ORDER: Record<string, number> = { proposed: 0, active: 1, paused: 1, agreed: 2 };

export function byRelevance(offers: Offer[]): Offer[] {
  return [...offers].sort(
    (a, b) => (ORDER[a.status] ?? 3) - (ORDER[b.status] ?? 3) || (b.created_at ?? '').localeCompare(a.created_at ?? ''),
  );
}

export function isOpen(offer: Offer): boolean {
  return offer.status in ORDER;
}
