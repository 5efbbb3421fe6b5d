"""Which reminders went out: the primary key makes each (meeting, moment, start time, recipient
device or notice) happen once, also with two `reminders` processes at once (insert first, send after)."""
import datetime as dt
import uuid

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, utcnow
from backend.extensions import db


class ReminderSent(db.Model):
    __tablename__ = "reminders_sent"

    meeting_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    moment: so.Mapped[str] = so.mapped_column(sa.String(8), primary_key=True)  # "24h" | "1h"
    # The meeting's start the reminder was for: a rescheduled meeting is reminded of again.
    starts_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, primary_key=True)
    # "notice:<user id>" or "push:<subscription id>": one row per recipient channel.
    target: so.Mapped[str] = so.mapped_column(sa.String(64), primary_key=True)
    at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
