"""Shared activities through sync: activity.log and activity.remove, every rule and refusal."""
import datetime as dt

from backend.amsterdam import amsterdam_day
from backend.db import utcnow
from tests.activities.conftest import new_id


def today() -> dt.date:
    return amsterdam_day(utcnow())


def log(person, pair, **extra):
    args = {"id": new_id(), "match_id": pair.id, "type": "library", "day": today().isoformat(), "minutes": 90,
            "initiative": "newcomer", "note": "Samen een pas gehaald", **extra}
    return args, person.push("activity.log", **args)


def test_an_activity_logged_by_the_buddy_reaches_the_newcomer_with_its_domain(people, pair):
    args, result = log(people.buddy, pair, type="job_fair", initiative="both")
    assert result["status"] == "applied", result
    assert result["current"]["domain"] == "werk" and result["current"]["logged_by"] == "buddy"
    people.newcomer.device.pull()
    row = people.newcomer.device.entities("activity")[args["id"]]
    assert row == {**result["current"]}
    assert row["day"] == today().isoformat() and row["minutes"] == 90 and row["initiative"] == "both"
    assert people.newcomer.device.rows[("activity", args["id"])]["scope"] == pair.scope


def test_the_row_has_exactly_the_documented_fields(app, people, pair):
    from backend.activities.schemas import ActivityRowSchema

    _, result = log(people.newcomer, pair)
    assert set(result["current"]) == set(ActivityRowSchema().fields)
    assert result["current"]["logged_by"] == "newcomer"


def test_a_type_outside_the_catalogue_is_refused(people, pair):
    args, result = log(people.buddy, pair, type="skydiving")
    assert (result["status"], result["code"]) == ("rejected", "invalid_args")
    assert result["message"]
    people.newcomer.device.pull()
    assert people.newcomer.device.entities("activity") == {}


def test_a_day_in_the_future_is_refused(people, pair):
    _, result = log(people.buddy, pair, day=(today() + dt.timedelta(days=2)).isoformat())
    assert (result["status"], result["code"]) == ("rejected", "day_in_future")


def test_a_day_before_the_match_began_is_refused(people, pair):
    _, result = log(people.buddy, pair, day=(today() - dt.timedelta(days=3)).isoformat())
    assert (result["status"], result["code"]) == ("rejected", "day_before_match")


def test_minutes_out_of_range_and_an_unknown_initiative_are_invalid(people, pair):
    assert log(people.buddy, pair, minutes=2)[1]["code"] == "invalid_args"
    assert log(people.buddy, pair, minutes=721)[1]["code"] == "invalid_args"
    assert log(people.buddy, pair, initiative="coordinator")[1]["code"] == "invalid_args"


def test_the_same_activity_twice_is_harmless_and_other_content_under_its_id_is_refused(people, pair):
    args, first = log(people.buddy, pair)
    again = people.buddy.push("activity.log", **args)
    assert again["status"] == "applied" and again["current"] == first["current"]
    changed = people.newcomer.push("activity.log", **{**args, "minutes": 30})
    assert (changed["status"], changed["code"]) == ("rejected", "activity_exists")
    assert changed["current"]["minutes"] == 90  # never overwritten
    people.buddy.device.pull()
    assert list(people.buddy.device.entities("activity")) == [args["id"]]
    assert people.buddy.device.entities("activity")[args["id"]]["minutes"] == 90


def test_two_phones_logging_at_once_both_count(people, pair):
    a, _ = log(people.buddy, pair, type="cv")
    b, _ = log(people.newcomer, pair, type="sports_club")
    people.buddy.device.pull()
    assert set(people.buddy.device.entities("activity")) == {a["id"], b["id"]}


def test_removal_leaves_a_tombstone_that_reaches_the_other_phone(people, pair):
    args, _ = log(people.buddy, pair)
    people.buddy.device.pull()
    assert args["id"] in people.buddy.device.entities("activity")
    result = people.newcomer.push("activity.remove", id=args["id"])
    assert result["status"] == "applied"
    pages = people.buddy.device.pull()
    assert args["id"] not in people.buddy.device.entities("activity")
    assert any(c["op"] == "del" and c["id"] == args["id"] for page in pages for c in page["changes"])
    # The buddy's phone removed it too before it heard: harmless, not a notice.
    again = people.buddy.push("activity.remove", id=args["id"])
    assert again["status"] == "applied"


def test_another_pairs_activity_is_answered_like_an_unknown_id(app, people, world, pair, make_match):
    other = make_match(world.newcomer2, world.buddy2)
    theirs = {"id": new_id(), "match_id": str(other.id), "type": "library", "day": today().isoformat(),
              "minutes": 60, "initiative": "buddy", "note": "geheim"}
    assert people.buddy2.push("activity.log", **theirs)["status"] == "applied"
    forbidden = people.buddy.push("activity.remove", id=theirs["id"])
    unknown = people.buddy.push("activity.remove", id=new_id())
    assert (forbidden["status"], forbidden["code"]) == (unknown["status"], unknown["code"]) == \
        ("rejected", "scope_forbidden")
    assert forbidden["message"] == unknown["message"] and forbidden["current"] is unknown["current"] is None
    # Logging into their match, or under their activity's id, is refused the same way.
    into_theirs = log(people.buddy, pair, match_id=str(other.id))[1]
    under_their_id = log(people.buddy, pair, id=theirs["id"])[1]
    assert into_theirs["code"] == under_their_id["code"] == "scope_forbidden"
    assert "geheim" not in str(under_their_id)
    people.buddy2.device.pull()
    assert theirs["id"] in people.buddy2.device.entities("activity")


def test_a_paused_match_refuses_activities_and_an_ended_one_is_gone(app, people, pair):
    args, _ = log(people.buddy, pair)
    assert people.coordinator.post(f"/api/matches/{pair.id}/pause").status_code == 200
    paused = log(people.buddy, pair)[1]
    assert (paused["status"], paused["code"]) == ("rejected", "match_paused")
    assert people.newcomer.push("activity.remove", id=args["id"])["code"] == "match_paused"
    assert people.coordinator.post(f"/api/matches/{pair.id}/resume").status_code == 200
    assert people.coordinator.post(f"/api/matches/{pair.id}/end", {"reason": "other"}).status_code == 200
    assert log(people.buddy, pair)[1]["code"] == "scope_forbidden"
    assert people.newcomer.push("activity.remove", id=args["id"])["code"] == "scope_forbidden"


def test_a_coordinator_cannot_log_into_a_match(people, pair):
    assert log(people.coordinator, pair)[1]["code"] == "scope_forbidden"
