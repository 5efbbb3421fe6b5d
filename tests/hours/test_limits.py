"""MDT hours count at most 16 hours a day, and a coordinator's read of a buddy's hours is in the
branch's read log."""
import datetime as dt

from backend.extensions import db
from tests.hours.test_hours import activity, assert_documented, make_mdt, meeting, today


def add(app, *rows):
    with app.app_context():
        db.session.add_all(rows)
        db.session.commit()


def test_a_day_counts_at_most_16_hours_meetings_first(app, people, world, pair, make_match):
    yesterday, before = today() - dt.timedelta(days=1), today() - dt.timedelta(days=2)
    add(app,
        # Today: 2 x 720 activity minutes (more than any pair may log now, e.g. from before the limit).
        activity(pair.match.id, today(), 720), activity(pair.match.id, today(), 720),
        # Yesterday: a held meeting of 8 hours and 12 hours of activities: 16 count, the meeting whole.
        meeting(pair.match.id, yesterday, 480), activity(pair.match.id, yesterday, 720),
        # The day before: 15 hours in all: below the cap, all of it counts.
        meeting(pair.match.id, before, 300), activity(pair.match.id, before, 600))
    make_mdt(app, world.buddy, today() - dt.timedelta(days=10), None)
    body = people.buddy.get("/api/hours/me").json
    assert_documented(people.buddy.auth._client, "Hours", body)
    assert body["minutes_meetings"] == 480 + 300
    assert body["minutes_activities"] == 960 + 480 + 600
    assert body["minutes_total"] == 960 + 960 + 900
    assert body["capped_days"] == 2
    # The entries still show what was logged.
    assert sum(e["minutes"] for e in body["entries"]) == 720 * 2 + 480 + 720 + 300 + 600


def test_the_cap_is_per_day_over_all_the_buddys_matches(app, people, world, pair, make_match):
    other = make_match(world.newcomer2, world.buddy)  # Sanne's second newcomer
    add(app, activity(pair.match.id, today(), 600), activity(other.id, today(), 600))
    body = people.buddy.get("/api/hours/me").json
    assert (body["minutes_total"], body["capped_days"]) == (960, 1)


def test_a_day_under_the_cap_counts_whole(app, people, pair):
    add(app, activity(pair.match.id, today(), 720), activity(pair.match.id, today(), 240))
    body = people.buddy.get("/api/hours/me").json
    assert (body["minutes_total"], body["capped_days"]) == (960, 0)


def test_a_coordinators_read_of_the_hours_is_in_the_read_log(app, people, world, pair):
    assert people.coordinator.get("/api/audit/reads").json == []
    assert people.coordinator.get(f"/api/buddies/{world.buddy.id}/hours").status_code == 200
    reads = people.coordinator.get("/api/audit/reads").json
    assert [(r["what"], r["subject_name"], r["reader_name"]) for r in reads] == [
        ("buddy_hours", "Sanne de Vries", "Fatima El Amrani")]
    assert_documented(people.coordinator.auth._client, "ProfileRead", reads[0])
    # The buddy's own look and a refused one (another branch) are not reads of the log.
    people.buddy.get("/api/hours/me")
    assert people.other_coordinator.get(f"/api/buddies/{world.buddy.id}/hours").status_code == 404
    assert len(people.coordinator.get("/api/audit/reads").json) == 1
