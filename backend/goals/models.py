"""A Goal of a match, in match:<id>. Fields merge per field (the last to reach the server wins);
steps are a list of {id, text, done} with ids from the phone, changed one step at a time."""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, utcnow
from backend.extensions import db

# Without steps, progress is a level: 0 not started, 1 started, 2 halfway, 3 nearly there.
LEVELS = (0, 1, 2, 3)


class Goal(db.Model):
    __tablename__ = "goals"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True)  # made on the phone
    match_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    domain: so.Mapped[str] = so.mapped_column(sa.String(16))  # taal | werk | meedoen
    # From the intake: the catalogue goal code (its label is the title); a goal of the pair's own: NULL.
    code: so.Mapped[Optional[str]] = so.mapped_column(sa.String(32))
    title: so.Mapped[str] = so.mapped_column(sa.String(120), default="")
    level: so.Mapped[int] = so.mapped_column(sa.Integer, default=0)
    steps: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)  # [{"id", "text", "done"}], at most 12
    done_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime)  # done goals stay visible
    added_by: so.Mapped[str] = so.mapped_column(sa.String(8))  # role
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
