"""Confirmed meetings made directly with the Meeting model (the meetings service lives elsewhere)."""
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from backend.extensions import db
from backend.meetings.models import Meeting
from backend.notices.models import Notice
from backend.push.models import PushSubscription

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def amsterdam(text: str) -> dt.datetime:
    """2027-03-28T10:00 on the clock in Amsterdam, as an aware datetime."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


def add_meeting(match, starts_at: dt.datetime, status="confirmed") -> Meeting:
    starts_utc = starts_at.astimezone(dt.timezone.utc)
    meeting = Meeting(id=uuid.uuid4(), match_id=match.id, status=status, version=2, proposed_by="buddy",
                      slots=[{"starts_at": starts_utc.isoformat(), "minutes": 60}], starts_at=starts_utc,
                      minutes=60, place="Bibliotheek", decided_by="newcomer", last_action="choose",
                      last_actor="newcomer")
    db.session.add(meeting)
    db.session.commit()
    return meeting


def add_device(user, device, locale="nl") -> PushSubscription:
    sub = PushSubscription(user_id=user.id, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth,
                           locale=locale)
    db.session.add(sub)
    db.session.commit()
    return sub


def reminder_notices(user) -> list[Notice]:
    return db.session.scalars(sa.select(Notice).where(Notice.user_id == user.id, Notice.code == "meeting_reminder")
                              .order_by(Notice.created_at, Notice.message)).all()
