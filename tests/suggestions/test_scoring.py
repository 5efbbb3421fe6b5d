"""The score of a pair and the order of a ranking, on small cases worked out by hand."""
import datetime as dt
import random

import pytest
from hypothesis import given, settings, strategies as st

from backend.suggestions import scoring
from backend.suggestions.scoring import Buddy, Newcomer, parse_slots

TODAY = dt.date(2026, 11, 30)
MON_10_12 = parse_slots([{"day": 0, "start": "10:00", "end": "12:00"}])


@pytest.fixture
def nl(app):
    """A request in Dutch: the sentences are rendered in the coordinator's language."""
    with app.test_request_context(headers={"Accept-Language": "nl"}):
        yield


def newcomer(**kw):
    values = dict(id="n", languages=frozenset({"ar", "nl"}), dutch_level="A1", municipality_code="GM0344",
                  interests=frozenset({"sport", "cooking"}), availability=MON_10_12)
    values.update(kw)
    return Newcomer(**values)


def buddy(id, **kw):
    values = dict(id=id, languages=frozenset({"nl"}), municipality_code="GM0344", availability=MON_10_12,
                  capacity_left=1)
    values.update(kw)
    return Buddy(**values)


def texts(score):
    return {p.code: (p.points, str(p.text)) for p in score.parts}


# (what, newcomer overrides, buddy overrides, total, {code: (points, sentence)} expected among the parts)
CASES = [
    ("shared home language, same town, same two hours, both interests",
     {}, {"languages": frozenset({"ar", "nl"}), "interests": frozenset({"sport", "cooking"})},
     30 + 20 + 10 + 8 + 3,
     {"language": (30, "Spreken allebei Arabisch en Nederlands"), "distance": (20, "Wonen in dezelfde gemeente"),
      "availability": (10, "2 uur per week samen beschikbaar"), "interests": (8, "Delen interesse in Koken en Sport"),
      "capacity": (3, "Nog 1 plek vrij")}),
    ("only Dutch in common counts by the newcomer's level (A1: 10)",
     {}, {}, 10 + 20 + 10 + 0 + 3,
     {"language": (10, "Spreken allebei alleen Nederlands (Nederlands van de nieuwkomer: A1)"),
      "interests": (0, "Geen gedeelde interesses")}),
    ("only Dutch, newcomer at B1: 20", {"dutch_level": "B1"}, {}, 20 + 20 + 10 + 0 + 3, {"language": (20, None)}),
    ("no language in common", {"languages": frozenset({"ti"})}, {}, 0 + 20 + 10 + 0 + 3,
     {"language": (0, "Geen gemeenschappelijke taal")}),
    ("Amsterdam is 32.5 km away: 0 distance points (admissible only with max_km above it)",
     {}, {"municipality_code": "GM0363"}, 10 + 0 + 10 + 0 + 3, {"distance": (0, "32,5 km uit elkaar")}),
    ("half an hour together", {}, {"availability": parse_slots([{"day": 0, "start": "11:30", "end": "13:00"}])},
     10 + 20 + 2.5 + 0 + 3, {"availability": (2.5, "Minder dan een uur per week samen beschikbaar")}),
    ("never at the same time", {}, {"availability": parse_slots([{"day": 1, "start": "10:00", "end": "12:00"}])},
     10 + 20 + 0 + 0 + 3, {"availability": (0, "Nooit tegelijk beschikbaar")}),
    ("more than four hours count as four",
     {"availability": parse_slots([{"day": d, "start": "09:00", "end": "17:00"} for d in range(2)])},
     {"availability": parse_slots([{"day": d, "start": "09:00", "end": "17:00"} for d in range(2)])},
     10 + 20 + 20 + 0 + 3, {"availability": (20, "16 uur per week samen beschikbaar")}),
    ("three places left", {}, {"capacity_left": 3}, 10 + 20 + 10 + 0 + 9, {"capacity": (9, "Nog 3 plekken vrij")}),
    ("an MDT buddy whose service ends in 60 days: -20, flagged",
     {}, {"kind": "mdt", "mdt_end": TODAY + dt.timedelta(days=60)}, 10 + 20 + 10 + 0 + 3 - 20,
     {"mdt": (-20, "Diensttijd eindigt al op 29 januari 2027: te kort voor het hele traject")}),
    ("an MDT buddy with a year left", {}, {"kind": "mdt", "mdt_end": TODAY + dt.timedelta(days=365)},
     10 + 20 + 10 + 0 + 3, {"mdt": (0, "Diensttijd loopt tot 30 november 2027: lang genoeg")}),
    ("the preferred gender met: said, no points", {"buddy_gender": "female"}, {"gender": "female"},
     10 + 20 + 10 + 0 + 3, {"preference": (0, "Voorkeur van de nieuwkomer: Vrouw, en dat klopt")}),
]


@pytest.mark.parametrize("what, n, b, total, parts", CASES, ids=[c[0] for c in CASES])
def test_hand_made_cases(nl, what, n, b, total, parts):
    score = scoring.score(newcomer(**n), buddy("b", **b), TODAY, max_km=40)
    assert score.total == pytest.approx(total)
    assert score.admissible
    got = texts(score)
    for code, (points, sentence) in parts.items():
        assert got[code][0] == pytest.approx(points), code
        if sentence is not None:
            assert got[code][1] == sentence
    assert sum(p.points for p in score.parts) == pytest.approx(score.total)


def test_an_mdt_buddy_whose_service_ends_soon_is_flagged(nl):
    score = scoring.score(newcomer(), buddy("b", kind="mdt", mdt_end=TODAY + dt.timedelta(days=10)), TODAY)
    assert [p.code for p in score.parts if p.flag] == ["mdt"]


@pytest.mark.parametrize("gender", ["male", None])
def test_the_preferred_gender_is_a_hard_filter(nl, gender):
    score = scoring.score(newcomer(buddy_gender="female"), buddy("b", gender=gender), TODAY)
    assert not score.admissible and score.blocked == ["preference"]
    assert texts(score)["preference"][1] == "Voorkeur van de nieuwkomer: Vrouw, en dat klopt niet"
    assert scoring.rank(newcomer(buddy_gender="female"), [buddy("b", gender=gender)], TODAY) == []


def test_beyond_the_cut_off_is_not_admissible(nl):
    amsterdam = buddy("b", municipality_code="GM0363")  # 32.5 km
    assert scoring.score(newcomer(), amsterdam, TODAY).blocked == ["distance"]  # default cut-off 30 km
    assert scoring.score(newcomer(), amsterdam, TODAY, max_km=35).admissible
    assert not scoring.score(newcomer(), buddy("c"), TODAY, max_km=0).blocked  # same town: 0 km


def test_an_unknown_municipality_scores_no_distance_but_is_admissible(nl):
    score = scoring.score(newcomer(), buddy("b", municipality_code="GM9999"), TODAY, max_km=5)
    assert score.admissible and texts(score)["distance"] == (0, "Afstand onbekend")


def test_overlapping_slots_of_one_side_count_once():
    slots = parse_slots([{"day": 0, "start": "10:00", "end": "11:30"}, {"day": 0, "start": "11:00", "end": "12:00"}])
    assert slots == MON_10_12
    assert scoring.overlap_minutes(slots, MON_10_12) == 120


def test_the_order_by_hand(nl):
    """A: everything shared (71). E: the same as A, a later id (71). D: as A but an MDT service that
    ends in 60 days (51). B: only Dutch (43). C: Amsterdam, beyond the cut-off (left out)."""
    shared = dict(languages=frozenset({"ar", "nl"}), interests=frozenset({"sport", "cooking"}))
    buddies = [
        buddy("b-only-dutch"),
        buddy("e-like-a", **shared),
        buddy("c-amsterdam", municipality_code="GM0363", **shared),
        buddy("d-mdt-short", kind="mdt", mdt_end=TODAY + dt.timedelta(days=60), **shared),
        buddy("a-all", **shared),
    ]
    ranked = scoring.rank(newcomer(), buddies, TODAY)
    assert [(s.buddy_id, s.total) for s in ranked] == [
        ("a-all", 71), ("e-like-a", 71), ("d-mdt-short", 51), ("b-only-dutch", 43)]
    for _ in range(5):  # the same input in any order gives the same order
        assert [s.buddy_id for s in scoring.rank(newcomer(), random.sample(buddies, len(buddies)), TODAY)] == \
            [s.buddy_id for s in ranked]


# --- the vectorised path equals the pure one -----------------------------------------------

PLACES = ["GM0344", "GM0363", "GM0518", "GM0599", "GM0307", "GM9999"]
slot = st.builds(lambda d, s, l: {"day": d, "start": f"{s // 4:02d}:{s % 4 * 15:02d}",
                                  "end": f"{min(s + l, 95) // 4:02d}:{min(s + l, 95) % 4 * 15:02d}"},
                 st.integers(0, 2), st.integers(32, 80), st.integers(1, 20))
codes = lambda pool: st.frozensets(st.sampled_from(pool), max_size=3)  # noqa: E731
newcomers = st.builds(
    Newcomer, id=st.uuids(), languages=codes(["nl", "ar", "en", "ti"]), dutch_level=st.sampled_from(["A0", "A1", "A2", "B1"]),
    municipality_code=st.sampled_from(PLACES), interests=codes(["sport", "music", "cooking", "film"]),
    availability=st.lists(slot, max_size=3).map(parse_slots), buddy_gender=st.sampled_from([None, "female", "male"]))
buddies = st.builds(
    Buddy, id=st.uuids(), kind=st.sampled_from(["volunteer", "mdt"]), gender=st.sampled_from([None, "female", "male"]),
    languages=codes(["nl", "ar", "en", "ti"]), interests=codes(["sport", "music", "cooking", "film"]),
    availability=st.lists(slot, max_size=3).map(parse_slots), municipality_code=st.sampled_from(PLACES),
    capacity_left=st.integers(1, 3),
    mdt_end=st.one_of(st.none(), st.integers(-10, 400).map(lambda d: TODAY + dt.timedelta(days=d))))


@settings(max_examples=60, deadline=None)
@given(st.lists(newcomers, min_size=1, max_size=3), st.lists(buddies, min_size=1, max_size=6),
       st.sampled_from([5, 30, 60]))
def test_the_matrix_equals_the_pair_by_pair_score(app, ns, bs, max_km):
    with app.test_request_context():
        totals, admissible = scoring.score_matrix(ns, scoring.BuddyArrays(bs, TODAY), max_km)
        for i, n in enumerate(ns):
            for j, b in enumerate(bs):
                score = scoring.score(n, b, TODAY, max_km)
                assert totals[i, j] == score.total
                assert admissible[i, j] == score.admissible
