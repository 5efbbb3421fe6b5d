"""Meetings fixtures: an active pair (Amal the newcomer, Sanne the buddy), each logged in on
their own phone, a second pair for what must stay out of reach, and a clock the service reads."""
import datetime as dt
import uuid
from types import SimpleNamespace

import pytest
from flask_babel import force_locale, gettext

from backend.db import utcnow
from backend.extensions import db
from backend.meetings import service
from backend.meetings.models import Meeting
from backend.notices.models import Notice
from tests.matching.conftest import people, world  # noqa: F401  (fixtures)
from tests.sync.helpers import Device

AMSTERDAM = dt.timezone(dt.timedelta(hours=1))  # winter time: enough to send a slot with an offset


class Clock:
    """The time meetings/service.py sees (the rest of the app keeps the real one)."""

    def __init__(self):
        self.now = utcnow().replace(microsecond=0)

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(service, "utcnow", clock)
    return clock


def slot(clock, hours=24, minutes=60):
    """A slot `hours` after the clock's now, sent with a +01:00 offset as a phone would."""
    return {"starts_at": (clock.now + dt.timedelta(hours=hours)).astimezone(AMSTERDAM).isoformat(), "minutes": minutes}


@pytest.fixture
def pair(app, people, world, make_match, clock):
    """The active match of Amal and Sanne, and a second active pair (Olena and Lotte)."""
    match = make_match(world.newcomer, world.buddy)
    other = make_match(world.newcomer2, world.buddy2)
    return SimpleNamespace(app=app, match_id=str(match.id), other_match_id=str(other.id), newcomer=people.newcomer,
                           buddy=people.buddy, outsider=people.newcomer2, outsider_buddy=people.buddy2,
                           clock=clock, world=world)


def propose(person, match_id, clock, meeting_id=None, **extra):
    """Push a proposal (by default two slots tomorrow and the day after, at the library)."""
    args = {"id": meeting_id or str(uuid.uuid4()), "match_id": str(match_id),
            "slots": [slot(clock, 24), slot(clock, 48, 90)], "place": "Bibliotheek", **extra}
    return args["id"], person.push("meeting.propose", **args)


def server_row(app, meeting_id):
    """The meeting as the server holds it (None if there is none)."""
    with app.app_context():
        meeting = db.session.get(Meeting, uuid.UUID(str(meeting_id)))
        return service.meeting_data(meeting) if meeting else None


def synced_row(person, meeting_id):
    """The meeting as this person's phone has it after a pull."""
    person.device.pull()
    return person.device.entities("meeting").get(str(meeting_id))


def newest_notice(app, person) -> Notice:
    with app.app_context():
        import sqlalchemy as sa

        return db.session.scalars(sa.select(Notice).where(Notice.user_id == person.id)
                                  .order_by(Notice.created_at.desc())).first()


def worded(app, locale, msgid, **params):
    """The catalog's text for msgid in `locale`, as a notice in that language reads."""
    with app.test_request_context(), force_locale(locale):
        return gettext(msgid, **params)


def second_device(person) -> Device:
    """Another phone of the same person (its own client id, the same login)."""
    return Device(person.auth)
