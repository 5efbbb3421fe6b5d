"""MDT hours: held meetings the buddy attended plus activities, over all the buddy's matches,
within the service period; the buddy's own and their coordinator's read, nobody else's."""
import datetime as dt
import uuid

import pytest

from backend.activities.models import Activity
from backend.amsterdam import amsterdam_day
from backend.buddies.models import BuddyProfile
from backend.catalogues.catalogue import ACTIVITY_TYPES
from backend.db import utcnow
from backend.extensions import db
from backend.matching.service import end_match
from backend.meetings.models import Meeting
import jsonschema

SECRET = "GEHEIM-notitie-van-het-paar"


def draft7(node):
    """OpenAPI 3.0 to JSON Schema: `nullable: true` becomes a type that also allows null."""
    if isinstance(node, dict):
        out = {k: draft7(v) for k, v in node.items() if k != "nullable"}
        if node.get("nullable") and "type" in node:
            out["type"] = [node["type"], "null"]
        return out
    return [draft7(v) for v in node] if isinstance(node, list) else node


def assert_documented(client, component: str, body) -> None:
    """Fail with every difference between `body` and the published spec's `component`."""
    spec = client.get("/api/openapi.json").json
    validator = jsonschema.Draft7Validator(draft7({"$ref": f"#/components/schemas/{component}",
                                                   "components": spec["components"]}))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
    assert errors == [], errors


def today() -> dt.date:
    return amsterdam_day(utcnow())


def at_ten(day: dt.date) -> dt.datetime:
    """10:00 in Amsterdam on `day`, as a UTC moment."""
    from backend.amsterdam import AMSTERDAM

    return dt.datetime.combine(day, dt.time(10), tzinfo=AMSTERDAM).astimezone(dt.timezone.utc)


def meeting(match_id, day, minutes=60, status="held", attended=("newcomer", "buddy")):
    starts = at_ten(day)
    return Meeting(id=uuid.uuid4(), match_id=match_id, status=status, proposed_by="buddy", last_actor="buddy",
                   slots=[{"starts_at": starts.isoformat(), "minutes": minutes}], starts_at=starts, minutes=minutes,
                   place="Bibliotheek", note=SECRET, held_note=SECRET, cancel_reason=SECRET,
                   attended=list(attended) if status == "held" else [])


def activity(match_id, day, minutes=30, kind="library"):
    return Activity(id=uuid.uuid4(), match_id=match_id, type=kind, domain=ACTIVITY_TYPES[kind][0], day=day,
                    minutes=minutes,
                    initiative="both", note=SECRET, logged_by="newcomer")


def make_mdt(app, buddy, start, end, target=None):
    with app.app_context():
        profile = db.session.get(BuddyProfile, buddy.id)
        profile.kind, profile.mdt_start, profile.mdt_end, profile.mdt_hours_target = "mdt", start, end, target
        db.session.commit()


@pytest.fixture
def history(app, world, pair, make_match):
    """Sanne's history with Amal (active) and, before, with Olena (ended): inside and outside an
    MDT period from 20 days ago to 40 days ahead."""
    start, end = today() - dt.timedelta(days=20), today() + dt.timedelta(days=40)
    earlier = make_match(world.newcomer2, world.buddy2)  # Olena's match is with Lotte
    with app.app_context():
        # A second, ended match of Sanne's with a third newcomer.
        from backend.accounts.models import User
        from backend.matching.models import Match

        ended = Match(newcomer_id=world.newcomer2.id, buddy_id=world.buddy.id, organisation_id=earlier.organisation_id,
                      status="ended", created_at=utcnow() - dt.timedelta(days=90))
        db.session.add(ended)
        db.session.flush()
        assert db.session.get(User, world.newcomer2.id).display_name == "Olena Kovalenko"
        db.session.add_all([
            meeting(pair.match.id, today() - dt.timedelta(days=1), 90),                 # counts
            meeting(pair.match.id, today() - dt.timedelta(days=2), 45, attended=("newcomer",)),  # buddy absent
            meeting(pair.match.id, today() + dt.timedelta(days=3), 60, status="confirmed"),      # not held
            meeting(pair.match.id, today() - dt.timedelta(days=4), 60, status="cancelled"),
            meeting(pair.match.id, start - dt.timedelta(days=1), 120),                  # before the period
            meeting(ended.id, start, 60),                                               # first day, ended match
            activity(pair.match.id, today(), 30),                                       # counts
            activity(pair.match.id, end + dt.timedelta(days=1), 300),                   # after the period
            activity(ended.id, start + dt.timedelta(days=1), 15, kind="cv"),            # counts
            meeting(earlier.id, today(), 600),                                          # Lotte's, not Sanne's
            activity(earlier.id, today(), 600),
        ])
        db.session.commit()
    make_mdt(app, world.buddy, start, end)
    return start, end


def test_the_buddy_sees_held_meetings_attended_and_activities_within_the_period(app, people, history):
    start, end = history
    response = people.buddy.get("/api/hours/me")
    assert response.status_code == 200, response.json
    body = response.json
    assert_documented(people.buddy.auth._client, "Hours", body)
    assert body["kind"] == "mdt" and body["target_hours"] == 80
    assert (body["service_start"], body["service_end"]) == (start.isoformat(), end.isoformat())
    assert body["minutes_meetings"] == 90 + 60 and body["minutes_activities"] == 30 + 15
    assert body["minutes_total"] == 195
    assert [(e["day"], e["kind"], e["type"], e["minutes"], e["with"]) for e in body["entries"]] == [
        (today().isoformat(), "activity", "library", 30, "Amal"),
        ((today() - dt.timedelta(days=1)).isoformat(), "meeting", None, 90, "Amal"),
        ((start + dt.timedelta(days=1)).isoformat(), "activity", "cv", 15, "Olena"),
        (start.isoformat(), "meeting", None, 60, "Olena"),
    ]
    assert SECRET not in response.get_data(as_text=True)


def test_the_target_comes_from_the_profile(app, people, world, history):
    make_mdt(app, world.buddy, *history, target=120)
    assert people.buddy.get("/api/hours/me").json["target_hours"] == 120


def test_a_volunteer_gets_every_hour_without_a_target_or_period(app, people, world, pair):
    with app.app_context():
        db.session.add_all([meeting(pair.match.id, today() - dt.timedelta(days=400), 60),
                            activity(pair.match.id, today(), 20)])
        db.session.commit()
    body = people.buddy.get("/api/hours/me").json
    assert body["kind"] == "volunteer" and body["target_hours"] is None
    assert body["service_start"] is None and body["service_end"] is None
    assert body["minutes_total"] == 80


def test_a_buddy_without_meetings_has_zero(people, world):
    body = people.buddy2.get("/api/hours/me").json
    assert body["minutes_total"] == 0 and body["entries"] == []


def test_someone_who_is_not_a_buddy_gets_404(people, pair):
    assert people.newcomer.get("/api/hours/me").status_code == 404
    assert people.coordinator.get("/api/hours/me").status_code == 404


def test_the_buddys_coordinator_reads_the_same_hours_without_notes(people, world, history):
    response = people.coordinator.get(f"/api/buddies/{world.buddy.id}/hours")
    assert response.status_code == 200
    mine = people.buddy.get("/api/hours/me").json
    assert {k: v for k, v in response.json.items() if k != "as_of"} == {k: v for k, v in mine.items() if k != "as_of"}
    assert SECRET not in response.get_data(as_text=True)


def test_anyone_else_gets_404_as_for_an_unknown_buddy(people, world, history):
    url = f"/api/buddies/{world.buddy.id}/hours"
    unknown = people.coordinator.get(f"/api/buddies/{uuid.uuid4()}/hours")
    assert unknown.status_code == 404
    for person in (people.other_coordinator, people.province, people.nation, people.newcomer, people.buddy,
                   people.buddy2):
        response = person.get(url)
        assert response.status_code == 404, person.user.display_name
        assert response.json["message"] == unknown.json["message"]


def test_an_ended_match_still_counts_after_the_end(app, people, world, history, pair):
    with app.app_context():
        end_match(pair.match.id)
    assert people.buddy.get("/api/hours/me").json["minutes_total"] == 195
