"""The waiting-list proposal: the set of pairs with the highest total score, each buddy within
capacity (pure: plain dataclasses in, indices out; no database).

It places as many waiting newcomers as it can and, among the ways to do that, picks the highest
total score: a newcomer left waiting costs more than any difference in score. Inadmissible pairs
(a hard filter of scoring.py failed, or one of the two asked not to meet again) are never
proposed. Inputs are sorted by id first, so the same newcomers and buddies in any order give the
same proposal.
"""
import datetime as dt
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from backend.suggestions import scoring


@dataclass
class Proposal:
    newcomers: list  # scoring.Newcomer, sorted by id
    buddies: list  # scoring.Buddy, sorted by id
    pairs: dict = field(default_factory=dict)  # newcomer index -> buddy index
    best: dict = field(default_factory=dict)  # newcomer index -> their best buddy one at a time
    total: float = 0.0  # of the proposed pairs


def order(totals: np.ndarray, admissible: np.ndarray) -> list[int]:
    """Return the indices of the admissible buddies, best first.

    The rows must be in buddy id order (as text): ties then keep that order (a stable sort).
    """
    candidates = np.flatnonzero(admissible)
    return candidates[np.argsort(-totals[candidates], kind="stable")].tolist()


def assign(totals: np.ndarray, admissible: np.ndarray, capacity: list[int]) -> list[tuple[int, int]]:
    """Pick pairs (newcomer index, buddy index) that place as many newcomers as possible and,
    among those, maximise the total score; each buddy at most `capacity[j]` times.

    scipy's linear_sum_assignment on the score matrix with each buddy's column repeated once
    per place left, plus one "unplaced" column per newcomer (worth 0). Placing a newcomer is
    worth more than any difference in score (a bonus bigger than the whole range times the
    number of newcomers); inadmissible pairs are forbidden. Only the buddies that are among
    some newcomer's best n places (n = newcomers) can be in an optimum, so only their columns
    are built.
    """
    n, m = totals.shape
    if n == 0 or m == 0:
        return []
    capacity = np.minimum(np.asarray(capacity, dtype=np.int64), n)
    keep = np.zeros(m, dtype=bool)
    for i in range(n):
        candidates = np.flatnonzero(admissible[i] & (capacity > 0))
        if not len(candidates):
            continue
        best_first = candidates[np.argsort(-totals[i, candidates], kind="stable")]
        enough = np.searchsorted(np.cumsum(capacity[best_first]), n)  # the first index covering n places
        keep[best_first[:enough + 1]] = True
    kept = np.flatnonzero(keep)
    if not len(kept):
        return []
    columns = np.repeat(kept, capacity[kept])
    values = totals[:, columns]
    allowed = admissible[:, columns]
    if not allowed.any():
        return []
    low, high = float(values[allowed].min()), float(values[allowed].max())
    spread = high - low
    bonus = spread * n + 1.0  # more than any difference in total between two placements
    forbidden = -(bonus + spread) * (n + 1) - 1.0  # worse than leaving everyone unplaced
    matrix = np.where(allowed, values - low + bonus, forbidden)
    matrix = np.hstack([matrix, np.zeros((n, n))])  # "unplaced" columns
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    pairs = []
    for i, c in zip(rows.tolist(), cols.tolist()):
        if c < len(columns) and allowed[i, c]:
            pairs.append((i, int(columns[c])))
    return pairs


def propose(newcomers, buddies, today: dt.date, max_km: float = scoring.DEFAULT_MAX_KM,
            avoided=frozenset()) -> Proposal:
    """Propose pairs for all `newcomers` at once among `buddies` (avoided: {(newcomer id, buddy id)})."""
    newcomers = sorted(newcomers, key=lambda n: str(n.id))
    buddies = sorted(buddies, key=lambda b: str(b.id))
    result = Proposal(newcomers, buddies)
    if not newcomers or not buddies:
        return result
    arrays = scoring.BuddyArrays(buddies, today)
    totals, admissible = scoring.score_matrix(newcomers, arrays, max_km)
    row = {n.id: i for i, n in enumerate(newcomers)}
    column = {b.id: j for j, b in enumerate(buddies)}
    for newcomer_id, buddy_id in avoided:
        if newcomer_id in row and buddy_id in column:
            admissible[row[newcomer_id], column[buddy_id]] = False
    result.pairs = dict(assign(totals, admissible, [b.capacity_left for b in buddies]))
    result.total = float(sum(totals[i, j] for i, j in sorted(result.pairs.items())))
    masked = np.where(admissible, totals, -np.inf)
    for i in range(len(newcomers)):
        if admissible[i].any():
            result.best[i] = int(np.argmax(masked[i]))  # the first of the highest: the lowest id
    return result
