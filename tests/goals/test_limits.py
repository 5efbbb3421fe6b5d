"""The pair's limit on goals: at most 100 per match (one partner cannot flood the other's phone)."""
import sqlalchemy as sa

from backend.db import utcnow
from backend.extensions import db
from backend.goals.models import Goal
from backend.goals.service import MAX_GOALS
from tests.activities.conftest import new_id


def fill(person, match_id, count):
    """Add `count` goals of the pair through sync, in one batch."""
    device = person.device
    body = device.push(*(device.mutation("goal.add", id=new_id(), match_id=str(match_id), domain="werk",
                                         title=f"Doel {n}") for n in range(count))).json
    assert {r["status"] for r in body["results"]} == {"applied"}, body


def finish(app, match_id, count):
    """Mark `count` of the pair's goals done (done goals stay)."""
    with app.app_context():
        goals = db.session.scalars(sa.select(Goal).where(Goal.match_id == match_id).limit(count)).all()
        for goal in goals:
            goal.done_at = utcnow()
        db.session.commit()


def add(person, pair, **extra):
    args = {"id": new_id(), "match_id": pair.id, "domain": "werk", "title": "Een cursus vinden", **extra}
    return args, person.push("goal.add", **args)


def test_the_101st_goal_is_refused_with_words_that_say_why(app, people, pair):
    assert MAX_GOALS == 100
    fill(people.buddy, pair.match.id, 99)
    finish(app, pair.match.id, 60)  # done goals stay, so they count
    last, applied = add(people.newcomer, pair)
    assert applied["status"] == "applied", applied
    _, refused = add(people.buddy, pair, code="cv", title="")
    assert (refused["status"], refused["code"]) == ("rejected", "too_many_goals")
    assert "al 100 doelen" in refused["message"] and "Meer kan niet" in refused["message"]
    people.buddy.device.pull()
    assert len(people.buddy.device.entities("goal")) == 100
    notices = [n for n in people.buddy.device.entities("notice").values() if n["code"] == "too_many_goals"]
    assert len(notices) == 1 and notices[0]["params"] == {"num": 100}
    # The 100th sent again (a lost answer) is still harmless.
    assert people.newcomer.push("goal.add", **last)["status"] == "applied"


def test_the_limit_is_per_pair(app, people, world, pair, make_match):
    fill(people.buddy, pair.match.id, 100)
    other = make_match(world.newcomer2, world.buddy2)
    result = people.newcomer2.push("goal.add", id=new_id(), match_id=str(other.id), domain="taal", title="Lezen")
    assert result["status"] == "applied", result
