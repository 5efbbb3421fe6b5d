"""The buddy's profile and the record of each vetting step."""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, new_uuid, utcnow
from backend.extensions import db

KINDS = ("volunteer", "mdt")
# The vetting path, in order, then the two states outside it. Only "available" buddies with a
# valid VOG and capacity left are proposed (matching/eligibility).
STATES = ("signed_up", "intake_done", "vog_received", "trained", "available", "paused", "stopped")


class BuddyProfile(db.Model):
    __tablename__ = "buddy_profiles"

    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    # The municipal branch that vets the buddy (the user's organisation at sign-up).
    organisation_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("organisations.id"), index=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(16))
    birth_date: so.Mapped[Optional[dt.date]] = so.mapped_column(sa.Date)  # required for MDT (age 12-30)
    gender: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))  # catalogue "genders"
    mdt_start: so.Mapped[Optional[dt.date]] = so.mapped_column(sa.Date)
    mdt_end: so.Mapped[Optional[dt.date]] = so.mapped_column(sa.Date)
    mdt_hours_target: so.Mapped[Optional[int]] = so.mapped_column(sa.Integer)  # 80 for MDT
    languages: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)  # catalogue codes
    interests: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    availability: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)  # [{day, start, end}]
    municipality_code: so.Mapped[str] = so.mapped_column(sa.String(8))  # GM0344
    capacity: so.Mapped[int] = so.mapped_column(sa.Integer, default=1)  # newcomers at once, 1-3
    state: so.Mapped[str] = so.mapped_column(sa.String(16), default="signed_up", index=True)
    vog_date: so.Mapped[Optional[dt.date]] = so.mapped_column(sa.Date)
    consent_version: so.Mapped[str] = so.mapped_column(sa.String(16))
    consent_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime)
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    user = so.relationship("User")


class VettingStep(db.Model):
    """One step of a buddy's vetting, recorded by a coordinator of the buddy's branch."""

    __tablename__ = "vetting_steps"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    buddy_id: so.Mapped[uuid.UUID] = so.mapped_column(
        sa.ForeignKey("buddy_profiles.user_id", ondelete="CASCADE"), index=True
    )
    from_state: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    to_state: so.Mapped[str] = so.mapped_column(sa.String(16))
    by_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    vog_date: so.Mapped[Optional[dt.date]] = so.mapped_column(sa.Date)
    note: so.Mapped[str] = so.mapped_column(sa.String(500), default="")
