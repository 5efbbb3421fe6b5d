"""The feed follows the pair's meetings as the meetings service changes them through sync: chosen,
rescheduled (it leaves the feed until a new time is chosen, then comes back with the same UID and a
higher SEQUENCE), cancelled (STATUS:CANCELLED, a new ETag)."""
import datetime as dt
import uuid
from urllib.parse import urlsplit

import icalendar

from backend.db import utcnow
from tests.matching.conftest import people, world  # noqa: F401  (fixtures)

AMSTERDAM = dt.timezone(dt.timedelta(hours=1))


def slot(days, hour=10):
    starts = (utcnow() + dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return {"starts_at": starts.astimezone(AMSTERDAM).isoformat(), "minutes": 60}


def events(poller, path, etag=None):
    response = poller.get(path, headers={"If-None-Match": etag} if etag else {})
    if response.status_code == 304:
        return None, etag
    calendar = icalendar.Calendar.from_ical(response.data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}, response.headers["ETag"]


def test_the_feed_follows_choose_reschedule_and_cancel(app, people, world, make_match):
    match = make_match(world.newcomer, world.buddy)
    amal, sanne = people.newcomer, people.buddy
    made = amal.post("/api/calendar/feed")
    path = urlsplit(made.json["url"]).path
    poller = app.test_client()
    meeting = str(uuid.uuid4())
    uid = f"{meeting}@maatje"

    first = slot(3)
    assert sanne.push("meeting.propose", id=meeting, match_id=str(match.id), slots=[first, slot(4)],
                      place="Bibliotheek", note="Neem je brief mee")["status"] == "applied"
    found, etag = events(poller, path)
    assert found == {}  # proposed: no time chosen yet

    assert amal.push("meeting.choose", id=meeting, version=1, starts_at=first["starts_at"])["status"] == "applied"
    found, etag = events(poller, path, etag)
    assert str(found[uid]["status"]) == "CONFIRMED" and found[uid]["sequence"] == 0
    assert found[uid].decoded("dtstart") == dt.datetime.fromisoformat(first["starts_at"])
    assert str(found[uid]["summary"]) == f"Afspraak met {world.buddy.display_name}"
    assert events(poller, path, etag) == (None, etag)  # nothing changed: 304

    later = slot(6, 14)
    assert sanne.push("meeting.reschedule", id=meeting, version=2, slots=[later], place="Bibliotheek",
                      note="")["status"] == "applied"
    found, etag = events(poller, path, etag)
    assert uid not in found  # proposed again: out of the calendar until a time is chosen
    assert amal.push("meeting.choose", id=meeting, version=3, starts_at=later["starts_at"])["status"] == "applied"
    found, etag = events(poller, path, etag)
    assert found[uid]["sequence"] == 1  # the same UID, a higher SEQUENCE
    assert found[uid].decoded("dtstart") == dt.datetime.fromisoformat(later["starts_at"])

    assert amal.push("meeting.cancel", id=meeting, version=4, reason="Ik ben ziek")["status"] == "applied"
    found, new_etag = events(poller, path, etag)
    assert new_etag != etag
    assert str(found[uid]["status"]) == "CANCELLED" and found[uid]["sequence"] == 2
    body = poller.get(path).data.decode()
    assert "ziek" not in body and "brief" not in body

    # The same meeting as a download, for both of them.
    for person in (amal, sanne):
        response = person.get(f"/api/calendar/meetings/{meeting}.ics")
        assert response.status_code == 200
        assert "STATUS:CANCELLED" in response.data.decode()
