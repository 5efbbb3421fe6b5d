"""The read log: every read of a newcomer's or buddy's profile by a coordinator."""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, new_uuid, utcnow
from backend.extensions import db


class ProfileRead(db.Model):
    __tablename__ = "profile_reads"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    reader_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    subject_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The branch the subject belongs to: the log is shown to that branch.
    organisation_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("organisations.id"), index=True)
    what: so.Mapped[str] = so.mapped_column(sa.String(32))  # "intake", "buddy_profile", "suggestions"...
    at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow, index=True)

    reader = so.relationship("User", foreign_keys=[reader_id])
    subject = so.relationship("User", foreign_keys=[subject_id])
