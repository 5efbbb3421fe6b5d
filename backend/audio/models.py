"""An audio clip of a phrase recorded by a buddy or a coordinator, kept in the database.

The bytes live in the database (not a local folder), so every instance behind the load balancer
serves every clip; clips are small (at most AUDIO_MAX_BYTES, 10 seconds). The id is made on the
phone, so an upload that is retried after a lost answer stores nothing twice.
"""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, utcnow
from backend.extensions import db


class AudioClip(db.Model):
    __tablename__ = "audio_clips"
    __table_args__ = (sa.Index("ix_audio_clips_phrase", "phrase_id"),)

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True)  # made on the phone
    phrase_id: so.Mapped[str] = so.mapped_column(sa.String(80))
    recorded_by_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Where the clip is heard: a buddy's clip in one match (scope match:<id>), a coordinator's
    # in their branch (scope branch:<org id>). Exactly one of the two is set.
    match_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    organisation_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    mime: so.Mapped[str] = so.mapped_column(sa.String(40))  # from the content, not the upload's header
    duration_ms: so.Mapped[int] = so.mapped_column(sa.Integer)
    size: so.Mapped[int] = so.mapped_column(sa.Integer)
    sha256: so.Mapped[str] = so.mapped_column(sa.String(64))
    data: so.Mapped[bytes] = so.mapped_column(sa.LargeBinary, deferred=True)
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
