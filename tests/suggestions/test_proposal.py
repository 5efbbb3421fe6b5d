"""The waiting-list proposal equals a brute-force optimum, respects capacity, and is deterministic."""
import datetime as dt
import itertools
import random

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from backend.suggestions import proposal, scoring
from tests.suggestions.test_scoring import TODAY, buddies, newcomers


def brute_force(totals, admissible, capacity):
    """The best (newcomers placed, total) over every assignment: each newcomer a buddy or nobody."""
    n, m = totals.shape
    best = (0, 0.0)
    for choice in itertools.product([None, *range(m)], repeat=n):
        used = [0] * m
        total, placed, ok = 0.0, 0, True
        for i, j in enumerate(choice):
            if j is None:
                continue
            used[j] += 1
            if not admissible[i, j] or used[j] > capacity[j]:
                ok = False
                break
            total += totals[i, j]
            placed += 1
        if ok and (placed, total) > (best[0], best[1] + 1e-9):
            best = (placed, total)
    return best


def check(pairs, totals, admissible, capacity):
    used = np.zeros(len(capacity), dtype=int)
    for i, j in pairs:
        assert admissible[i, j]
        used[j] += 1
    assert (used <= np.asarray(capacity)).all()
    assert len({i for i, _ in pairs}) == len(pairs)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.integers(1, 4).flatmap(lambda m: st.tuples(
    st.lists(st.lists(st.one_of(st.none(), st.integers(-20, 100)), min_size=m, max_size=m), min_size=n, max_size=n),
    st.lists(st.integers(1, 3), min_size=m, max_size=m)))))
def test_the_assignment_equals_the_brute_force_optimum(case):
    cells, capacity = case
    admissible = np.array([[c is not None for c in row] for row in cells])
    totals = np.array([[float(c or 0) for c in row] for row in cells])
    pairs = proposal.assign(totals, admissible, capacity)
    check(pairs, totals, admissible, capacity)
    placed, total = brute_force(totals, admissible, capacity)
    assert len(pairs) == placed
    assert sum(totals[i, j] for i, j in pairs) == pytest.approx(total)


@settings(max_examples=60, deadline=None)
@given(st.lists(newcomers, min_size=1, max_size=4, unique_by=lambda n: n.id),
       st.lists(buddies, min_size=1, max_size=4, unique_by=lambda b: b.id), st.sampled_from([30, 60]), st.randoms())
def test_the_proposal_of_real_scores_equals_the_brute_force_optimum_and_ignores_input_order(app, ns, bs, max_km, rnd):
    with app.test_request_context():
        result = proposal.propose(ns, bs, TODAY, max_km)
        ids = [b.id for b in result.buddies]
        totals = np.array([[scoring.score(n, b, TODAY, max_km).total for b in result.buddies] for n in result.newcomers])
        admissible = np.array([[scoring.score(n, b, TODAY, max_km).admissible for b in result.buddies]
                               for n in result.newcomers])
        capacity = [b.capacity_left for b in result.buddies]
        placed, total = brute_force(totals, admissible, capacity)
        assert len(result.pairs) == placed
        assert result.total == pytest.approx(total)
        check(list(result.pairs.items()), totals, admissible, capacity)
        shuffled = proposal.propose(rnd.sample(ns, len(ns)), rnd.sample(bs, len(bs)), TODAY, max_km)
        assert shuffled.pairs == result.pairs and shuffled.best == result.best
        assert [b.id for b in shuffled.buddies] == ids
        for i, j in result.best.items():  # the one-at-a-time best is each newcomer's first in rank()
            assert scoring.rank(result.newcomers[i], result.buddies, TODAY, max_km)[0].buddy_id == ids[j]


def test_avoided_pairs_are_never_proposed(app):
    n = scoring.Newcomer(id="n", languages=frozenset({"ar"}), municipality_code="GM0344")
    liked = scoring.Buddy(id="a", languages=frozenset({"ar"}), municipality_code="GM0344")
    other = scoring.Buddy(id="b", municipality_code="GM0344")
    with app.test_request_context():
        assert proposal.propose([n], [liked, other], TODAY).pairs == {0: 0}
        result = proposal.propose([n], [liked, other], TODAY, avoided={("n", "a")})
        assert result.pairs == {0: 1} and result.best == {0: 1}


def test_placing_a_newcomer_wins_over_a_higher_total():
    """Two newcomers, one buddy place each side: the optimum places both, even though newcomer 0
    alone with buddy 1 would score more than both pairs together."""
    totals = np.array([[10.0, 100.0], [0.0, 5.0]])
    admissible = np.array([[True, True], [False, True]])
    assert sorted(proposal.assign(totals, admissible, [1, 1])) == [(0, 0), (1, 1)]


def test_a_buddy_with_room_for_two_takes_two():
    totals = np.array([[50.0, 10.0], [40.0, 10.0], [30.0, 10.0]])
    admissible = np.ones((3, 2), dtype=bool)
    assert sorted(proposal.assign(totals, admissible, [2, 1])) == [(0, 0), (1, 0), (2, 1)]
