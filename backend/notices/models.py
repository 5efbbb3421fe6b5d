"""The Notice table."""
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, new_uuid, utcnow
from backend.extensions import db


class Notice(db.Model):
    __tablename__ = "notices"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(16))  # rejected | reminder | alert
    code: so.Mapped[str] = so.mapped_column(sa.String(64))
    message: so.Mapped[str] = so.mapped_column(sa.Text)
    mutation: so.Mapped[Optional[str]] = so.mapped_column(sa.String(64))
    created_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow)
    read_at: so.Mapped[Optional[sa.DateTime]] = so.mapped_column(UTCDateTime)
