"""The Match table."""
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, new_uuid, utcnow
from backend.extensions import db

STATUSES = ("proposed", "active", "paused", "ended")


class Match(db.Model):
    __tablename__ = "matches"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    newcomer_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    buddy_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    organisation_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("organisations.id"), index=True)
    status: so.Mapped[str] = so.mapped_column(sa.String(16), default="proposed")
    created_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow)
    ended_at: so.Mapped[Optional[sa.DateTime]] = so.mapped_column(UTCDateTime)

    @property
    def scope(self) -> str:
        """Return the sync scope that holds this match's shared data."""
        return f"match:{self.id}"
