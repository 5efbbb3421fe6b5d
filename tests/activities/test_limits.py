"""The pair's limits on activities per day: at most 10, at most 16 hours (one partner cannot
flood the other's phone nor inflate an MDT buddy's hours)."""
import datetime as dt

import sqlalchemy as sa

from backend.activities.service import MAX_MINUTES_PER_DAY, MAX_PER_DAY
from backend.amsterdam import amsterdam_day
from backend.db import utcnow
from backend.extensions import db
from backend.matching.models import Match
from backend.notices.models import Notice
from tests.activities.conftest import new_id


def today() -> dt.date:
    return amsterdam_day(utcnow())


def logs(person, pair, count, minutes=30, day=None):
    """Push `count` activities in one batch; return their results."""
    device = person.device
    body = device.push(*(device.mutation(
        "activity.log", id=new_id(), match_id=pair.id, type="library", day=(day or today()).isoformat(),
        minutes=minutes, initiative="both", note="") for _ in range(count))).json
    return body["results"]


def notice_of(app, person):
    with app.app_context():
        return db.session.scalars(sa.select(Notice).where(Notice.user_id == person.id)
                                  .order_by(Notice.created_at.desc())).first()


def started_days_ago(app, pair, days):
    with app.app_context():
        match = db.session.get(Match, pair.match.id)
        match.approved_at = utcnow() - dt.timedelta(days=days)
        db.session.commit()


def test_the_11th_activity_of_a_day_is_refused_and_the_partner_gets_ten(app, people, pair):
    assert MAX_PER_DAY == 10
    results = logs(people.newcomer, pair, 11)
    assert [r["status"] for r in results] == ["applied"] * 10 + ["rejected"]
    assert results[-1]["code"] == "too_many_activities"
    assert "hoogstens 10 activiteiten" in results[-1]["message"] and "andere dag" in results[-1]["message"]
    notice = notice_of(app, people.newcomer)
    assert notice.code == "too_many_activities" and notice.params == {"num": 10}
    people.buddy.device.pull()
    assert len(people.buddy.device.entities("activity")) == 10
    # The buddy counts for the same pair: no 11th from the other side either.
    assert logs(people.buddy, pair, 1)[0]["code"] == "too_many_activities"


def test_the_day_is_the_activitys_own_and_a_removal_frees_a_place(app, people, pair):
    started_days_ago(app, pair, 3)
    assert [r["status"] for r in logs(people.buddy, pair, 10)] == ["applied"] * 10
    yesterday = logs(people.buddy, pair, 1, day=today() - dt.timedelta(days=1))
    assert yesterday[0]["status"] == "applied", yesterday  # another day, its own ten
    people.buddy.device.pull()
    first = next(a for a in people.buddy.device.entities("activity").values() if a["day"] == today().isoformat())
    assert people.buddy.push("activity.remove", id=first["id"])["status"] == "applied"
    assert logs(people.buddy, pair, 1)[0]["status"] == "applied"


def test_more_than_16_hours_on_one_day_is_refused(app, people, pair):
    assert MAX_MINUTES_PER_DAY == 960
    first = logs(people.newcomer, pair, 1, minutes=720)
    assert first[0]["status"] == "applied"
    refused = logs(people.newcomer, pair, 1, minutes=720)[0]
    assert (refused["status"], refused["code"]) == ("rejected", "too_many_minutes")
    assert "hoogstens 16 uur" in refused["message"] and "Kijk of de tijd klopt" in refused["message"]
    assert notice_of(app, people.newcomer).params == {"num": 16}
    # Up to 16 hours exactly is fine; one minute more is not.
    assert logs(people.buddy, pair, 1, minutes=240)[0]["status"] == "applied"
    assert logs(people.buddy, pair, 1, minutes=5)[0]["code"] == "too_many_minutes"


def test_an_activity_sent_again_at_the_limit_is_still_harmless(people, pair):
    logs(people.newcomer, pair, 9)  # 270 minutes
    args = {"id": new_id(), "match_id": pair.id, "type": "library", "day": today().isoformat(), "minutes": 690,
            "initiative": "both", "note": ""}  # the 10th, and 16 hours in all
    assert people.newcomer.push("activity.log", **args)["status"] == "applied"
    again = people.newcomer.push("activity.log", **args)
    assert again["status"] == "applied", again


def test_the_limits_are_per_pair(app, people, world, pair, make_match):
    logs(people.newcomer, pair, 10)
    other = make_match(world.newcomer2, world.buddy2)
    device = people.newcomer2.device
    body = device.push(device.mutation("activity.log", id=new_id(), match_id=str(other.id), type="library",
                                       day=today().isoformat(), minutes=30, initiative="both", note="")).json
    assert body["results"][0]["status"] == "applied", body


def test_two_phones_logging_the_last_place_at_once_make_one(app, people, pair):
    """On two real connections at the same moment: the match row's lock (PostgreSQL: FOR UPDATE;
    SQLite: BEGIN IMMEDIATE) lets exactly one of them take the 10th place of the day."""
    from tests.meetings.test_concurrency import at_once

    started_days_ago(app, pair, 4)
    for back in range(3):  # a few rounds, each on its own day: the threads really overlap in most
        day = today() - dt.timedelta(days=back)
        assert {r["status"] for r in logs(people.newcomer, pair, 9, day=day)} == {"applied"}
        results = at_once(*(lambda person=person: logs(person, pair, 1, day=day)[0]
                            for person in (people.newcomer, people.buddy)))
        outcomes = sorted(r["code"] or r["status"] if isinstance(r, dict) else r for r in results)
        assert outcomes == ["applied", "too_many_activities"], results
