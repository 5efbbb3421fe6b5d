"""A user's calendar feed token: only its SHA-256 is stored; revoking deletes the row."""
import datetime as dt
import uuid

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, utcnow
from backend.extensions import db


class CalendarFeed(db.Model):
    __tablename__ = "calendar_feeds"

    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)


class CalendarEvent(db.Model):
    """One meeting's VEVENT as written for one side's feed, stored so a feed is not rewritten by
    every new process: `key` is the SHA-256 of everything the text shows (ics.event_key); a feed
    uses `body` only while the key it computes now is the same (docs/meetings.md, "Calendar")."""

    __tablename__ = "calendar_events"

    meeting_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("meetings.id", ondelete="CASCADE"),
                                                        primary_key=True)
    side: so.Mapped[str] = so.mapped_column(sa.String(8), primary_key=True)  # whose feed: newcomer | buddy
    key: so.Mapped[str] = so.mapped_column(sa.String(64))
    body: so.Mapped[str] = so.mapped_column(sa.Text)
