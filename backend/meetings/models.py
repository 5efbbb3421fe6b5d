"""The Meeting: a state machine in the scope match:<id> (docs/meetings.md has the transition table).

Times are stored in UTC (UTCDateTime); the phone enters and shows them in Europe/Amsterdam.
"""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, utcnow
from backend.extensions import db

# proposed: one to three slots wait for the other side.  confirmed: a slot was chosen.
# declined: the other side said no to all slots (either side may propose new times).
# cancelled: either side called it off, with a reason.  held: marked as held after its time.
STATUSES = ("proposed", "confirmed", "declined", "cancelled", "held")
ROLES = ("newcomer", "buddy")


class Meeting(db.Model):
    __tablename__ = "meetings"
    __table_args__ = (sa.Index("ix_meetings_match_starts", "match_id", "starts_at"),)

    # Made on the phone (uuid4), so an offline proposal has its id before the server sees it.
    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True)
    match_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    status: so.Mapped[str] = so.mapped_column(sa.String(16), default="proposed", index=True)
    # Raised by one on every transition: an intent names the version it was made on, and an intent
    # on an older version lost the race (the first valid intent wins).
    version: so.Mapped[int] = so.mapped_column(sa.Integer, default=1)
    # iCalendar SEQUENCE: raised when the time or place changes and on cancel (RFC 5545 3.8.7.4).
    sequence: so.Mapped[int] = so.mapped_column(sa.Integer, default=0)
    proposed_by: so.Mapped[str] = so.mapped_column(sa.String(8))  # role: newcomer | buddy (the latest proposal)
    # [{"starts_at": "<UTC ISO 8601>", "minutes": 60}, ...]: one to three, in time order.
    slots: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    starts_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime, index=True)  # the chosen slot
    minutes: so.Mapped[Optional[int]] = so.mapped_column(sa.Integer)  # of the chosen slot
    place: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    video_url: so.Mapped[str] = so.mapped_column(sa.String(500), default="")
    note: so.Mapped[str] = so.mapped_column(sa.String(500), default="")  # with the proposal
    decided_by: so.Mapped[Optional[str]] = so.mapped_column(sa.String(8))  # role that chose or declined
    cancelled_by: so.Mapped[Optional[str]] = so.mapped_column(sa.String(8))
    cancel_reason: so.Mapped[str] = so.mapped_column(sa.String(500), default="")
    attended: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)  # roles who came, once held
    held_note: so.Mapped[str] = so.mapped_column(sa.String(1000), default="")  # the short shared note
    completed_by: so.Mapped[Optional[str]] = so.mapped_column(sa.String(8))
    # The last transition, for the timeline and for the loser's notice: action, role, time.
    last_action: so.Mapped[str] = so.mapped_column(sa.String(16), default="propose")
    last_actor: so.Mapped[str] = so.mapped_column(sa.String(8))
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow, index=True)
