"""The newcomer's intake: what a coordinator records to find the right buddy."""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, utcnow
from backend.extensions import db

CATEGORIES = ("permit_holder", "asylum_prospects", "family_migrant", "labour_migrant", "second_generation")
DUTCH_LEVELS = ("A0", "A1", "A2", "B1")
LEARNING_ROUTES = ("b1", "onderwijs", "z")


class NewcomerIntake(db.Model):
    __tablename__ = "newcomer_intakes"

    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    # The branch that holds the intake: only its coordinators (and those above with an
    # assignment there) read it; provinces and the nation see counts (DESIGN section 9).
    organisation_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("organisations.id"), index=True)
    category: so.Mapped[str] = so.mapped_column(sa.String(24))
    arrival_date: so.Mapped[Optional[dt.date]] = so.mapped_column(sa.Date)
    gender: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    languages: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    dutch_level: so.Mapped[str] = so.mapped_column(sa.String(2))
    municipality_code: so.Mapped[str] = so.mapped_column(sa.String(8))
    learning_route: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    goals: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)  # {"taal": [...], "werk": [...], "meedoen": [...]}
    interests: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    availability: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)  # [{day, start, end}]
    preferences: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)  # {"buddy_gender": "female"}
    consents: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)  # [{kind, version, at}]
    created_by_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    user = so.relationship("User", foreign_keys=[user_id])
