"""What a coordinator sees of a pair's life together: counts and dates, never notes; a pair who
logged an activity is no longer quiet, and the quiet-pair list costs the same queries for many pairs."""
import datetime as dt
import uuid

import sqlalchemy as sa

from backend.amsterdam import amsterdam_day
from backend.db import utcnow
from backend.extensions import db
from backend.goals.models import Goal
from backend.matching.models import Match, MatchEvent
from tests.activities.conftest import new_id
from tests.hours.test_hours import SECRET, activity, assert_documented, at_ten, meeting


def today() -> dt.date:
    return amsterdam_day(utcnow())


def plant_history(app, match_id):
    with app.app_context():
        db.session.add_all([
            meeting(match_id, today() - dt.timedelta(days=8), 60),
            meeting(match_id, today() - dt.timedelta(days=1), 90),
            meeting(match_id, today() + dt.timedelta(days=2), 60, status="confirmed"),
            meeting(match_id, today() + dt.timedelta(days=9), 60, status="confirmed"),
            meeting(match_id, today() - dt.timedelta(days=3), 60, status="confirmed"),  # past, never marked
            meeting(match_id, today() + dt.timedelta(days=4), 60, status="proposed"),
            meeting(match_id, today() - dt.timedelta(days=5), 60, status="cancelled"),
            activity(match_id, today() - dt.timedelta(days=6), 30, kind="library"),
            activity(match_id, today() - dt.timedelta(days=2), 45, kind="conversation"),
            activity(match_id, today(), 120, kind="cv"),
            Goal(id=uuid.uuid4(), match_id=match_id, domain="werk", code=None, title=SECRET, added_by="buddy",
                 steps=[{"id": new_id(), "text": SECRET, "done": True}]),
            Goal(id=uuid.uuid4(), match_id=match_id, domain="taal", code="letters", title="", added_by="newcomer",
                 steps=[], done_at=utcnow()),
        ])
        db.session.commit()


def test_the_coordinator_sees_counts_and_dates_of_the_pair_and_no_notes(app, people, pair):
    plant_history(app, pair.match.id)
    response = people.coordinator.get(f"/api/matches/{pair.id}")
    assert response.status_code == 200
    assert_documented(people.coordinator.auth._client, "Together", response.json["together"])
    together = response.json["together"]
    meetings = together["meetings"]
    assert (meetings["held"], meetings["upcoming"], meetings["proposed"], meetings["cancelled"]) == (2, 2, 1, 1)
    assert dt.datetime.fromisoformat(meetings["last_held"]) == at_ten(today() - dt.timedelta(days=1))
    assert dt.datetime.fromisoformat(meetings["next_confirmed"]) == at_ten(today() + dt.timedelta(days=2))
    assert together["activities"] == {
        "count": 3, "minutes": 195, "last_day": today().isoformat(),
        "by_domain": {"taal": {"count": 2, "minutes": 75}, "werk": {"count": 1, "minutes": 120},
                      "meedoen": {"count": 0, "minutes": 0}}}
    assert together["goals"] == {"count": 2, "done": 1}
    assert SECRET not in response.get_data(as_text=True)
    assert SECRET not in people.coordinator.get("/api/dashboard").get_data(as_text=True)
    assert SECRET not in people.coordinator.get(f"/api/matches?status=active").get_data(as_text=True)


def test_a_pair_without_history_has_zeros(people, pair):
    together = people.coordinator.get(f"/api/matches/{pair.id}").json["together"]
    assert together["meetings"] == {"held": 0, "upcoming": 0, "proposed": 0, "cancelled": 0, "last_held": None,
                                    "next_confirmed": None}
    assert together["activities"]["count"] == 0 and together["activities"]["last_day"] is None
    assert together["goals"] == {"count": 0, "done": 0}


def test_a_party_sees_no_together_block_and_another_branch_gets_404(app, people, pair):
    plant_history(app, pair.match.id)
    assert "together" not in people.newcomer.get(f"/api/matches/{pair.id}").json
    assert people.other_coordinator.get(f"/api/matches/{pair.id}").status_code == 404


def go_quiet(app, match_id, days=30):
    """Move the pair's start and every change of its scope `days` into the past."""
    from backend.sync.models import SyncChange

    past = utcnow() - dt.timedelta(days=days)
    with app.app_context():
        db.session.execute(sa.update(Match).where(Match.id == match_id).values(approved_at=past, created_at=past))
        db.session.execute(sa.update(MatchEvent).where(MatchEvent.match_id == match_id).values(at=past))
        db.session.execute(sa.update(SyncChange).where(SyncChange.scope == f"match:{match_id}").values(changed_at=past))
        db.session.commit()


def quiet_ids(people):
    return [q["match_id"] for q in people.coordinator.get("/api/dashboard").json["branch"]["quiet_pairs"]]


def test_a_pair_who_logged_an_activity_is_no_longer_quiet(app, people, pair):
    go_quiet(app, pair.match.id)
    assert quiet_ids(people) == [pair.id]
    result = people.buddy.push("activity.log", id=new_id(), match_id=pair.id, type="outing",
                               day=today().isoformat(), minutes=60, initiative="buddy")
    assert result["status"] == "applied", result
    assert quiet_ids(people) == []


def test_the_quiet_pair_list_costs_the_same_queries_for_one_pair_or_many(app, world, make_user, make_match):
    from backend.accounts.models import User
    from backend.dashboard.service import _quiet_pairs
    from backend.orgs.service import get_by_code

    def statements():
        with app.app_context():
            seen = []
            listener = lambda *args: seen.append(args[2])  # noqa: E731
            sa.event.listen(db.engine, "before_cursor_execute", listener)
            try:
                pairs = _quiet_pairs(get_by_code("GM0344"))
            finally:
                sa.event.remove(db.engine, "before_cursor_execute", listener)
            return len(pairs), len(seen)

    first = make_match(world.newcomer, world.buddy)
    go_quiet(app, first.id)
    one = statements()
    for i in range(4):
        newcomer, buddy = make_user("newcomer", name=f"Nieuw {i}"), make_user("buddy", name=f"Maatje {i}")
        go_quiet(app, make_match(newcomer, buddy).id)
    many = statements()
    assert (one[0], many[0]) == (1, 5)
    assert many[1] == one[1]
