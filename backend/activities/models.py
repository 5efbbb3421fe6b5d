"""An Activity the pair did together: append-only (each has its id from the phone), in match:<id>."""
import datetime as dt
import uuid

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, utcnow
from backend.extensions import db

INITIATIVES = ("newcomer", "buddy", "both")


class Activity(db.Model):
    __tablename__ = "activities"
    __table_args__ = (sa.Index("ix_activities_match_day", "match_id", "day"),)

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True)  # made on the phone
    match_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    type: so.Mapped[str] = so.mapped_column(sa.String(32))  # catalogue "activity_types"
    domain: so.Mapped[str] = so.mapped_column(sa.String(16))  # taal | werk | meedoen (from the type)
    day: so.Mapped[dt.date] = so.mapped_column(sa.Date)  # the day in Amsterdam it happened
    minutes: so.Mapped[int] = so.mapped_column(sa.Integer)
    initiative: so.Mapped[str] = so.mapped_column(sa.String(8))  # newcomer | buddy | both
    note: so.Mapped[str] = so.mapped_column(sa.String(1000), default="")
    logged_by: so.Mapped[str] = so.mapped_column(sa.String(8))  # role
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
