"""Calendar fixtures: a pair in an active match, each with their own browser, and meetings made
directly with the Meeting model (the meetings service lives elsewhere)."""
import datetime as dt
import uuid
from types import SimpleNamespace
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest

from backend.db import utcnow
from backend.extensions import db as _db
from backend.meetings.models import Meeting
from tests.conftest import AuthActions

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def amsterdam(year, month, day, hour=10, minute=0) -> dt.datetime:
    """A wall-clock time in Amsterdam, as the pair plans it."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


class Person:
    """A user with their own browser (a test client that keeps its cookies)."""

    def __init__(self, app, user):
        self.user, self.id = user, user.id
        self.auth = AuthActions(app.test_client())
        assert self.auth.login(user.email).status_code == 200

    def get(self, url, **kw):
        return self.auth._client.get(url, **kw)

    def post(self, url, **kw):
        return self.auth.post(url, **kw)

    def delete(self, url):
        return self.auth._client.delete(url, headers=self.auth.headers())

    def new_feed(self) -> str:
        """Make a (new) feed and return its path."""
        response = self.post("/api/calendar/feed")
        assert response.status_code == 201, response.json
        return urlsplit(response.json["url"]).path


@pytest.fixture
def pair(app, make_user, make_match):
    """Amal (newcomer) and Sanne (buddy) in an active match; Olena and Lotte in another."""
    p = SimpleNamespace()
    p.newcomer = make_user("newcomer", name="Amal", email="amal@example.org")
    p.buddy = make_user("buddy", name="Sanne", email="sanne@example.org")
    p.match = make_match(p.newcomer, p.buddy)
    p.other_newcomer = make_user("newcomer", name="Olena", email="olena@example.org")
    p.other_buddy = make_user("buddy", name="Lotte", email="lotte@example.org")
    p.other_match = make_match(p.other_newcomer, p.other_buddy)
    return p


@pytest.fixture
def amal(app, pair):
    return Person(app, pair.newcomer)


@pytest.fixture
def sanne(app, pair):
    return Person(app, pair.buddy)


@pytest.fixture
def lotte(app, pair):
    return Person(app, pair.other_buddy)


@pytest.fixture
def meetings(app):
    """Make and change meetings straight in the database: meetings.add(match, starts_at, ...)."""

    class Meetings:
        def add(self, match, starts_at=None, status="confirmed", minutes=60, place="Bibliotheek Neude, Utrecht",
                video_url="", note="", **fields) -> uuid.UUID:
            fields = {"sequence": 0, **fields}
            with app.app_context():
                meeting = Meeting(
                    id=uuid.uuid4(), match_id=match.id, status=status, version=2 if status != "proposed" else 1,
                    proposed_by="buddy", last_actor="newcomer",
                    slots=[{"starts_at": starts_at.astimezone(dt.timezone.utc).isoformat(), "minutes": minutes}]
                    if starts_at else [],
                    starts_at=starts_at if status != "proposed" else None, minutes=minutes if starts_at else None,
                    place=place, video_url=video_url, note=note, **fields)
                _db.session.add(meeting)
                _db.session.commit()
                return meeting.id

        def change(self, meeting_id, **fields):
            """Apply a transition as the meetings service does: version + 1, updated now."""
            with app.app_context():
                meeting = _db.session.get(Meeting, meeting_id)
                for key, value in fields.items():
                    setattr(meeting, key, value)
                meeting.version += 1
                meeting.updated_at = max(utcnow(), meeting.updated_at + dt.timedelta(microseconds=1))
                _db.session.commit()

        def cancel(self, meeting_id, reason="Ik ben ziek"):
            with app.app_context():
                sequence = _db.session.get(Meeting, meeting_id).sequence
            self.change(meeting_id, status="cancelled", sequence=sequence + 1, cancelled_by="buddy",
                        cancel_reason=reason, last_action="cancel", last_actor="buddy")

    return Meetings()


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.data
    assert response.mimetype == "text/calendar"
    return icalendar.Calendar.from_ical(response.data)


def events_by_uid(calendar) -> dict:
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}
