"""The Match, its audit trail and the evaluations at its end."""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, new_uuid, utcnow
from backend.extensions import db

# proposed: a coordinator proposed the pair; each side answers.  agreed: both accepted, a
# coordinator approves.  active / paused: the pair works together (paused: read-only).
# ended, declined (by either side), expired (nobody answered in time), withdrawn (by a
# coordinator before approval): closed for good.
STATUSES = ("proposed", "agreed", "active", "paused", "ended", "declined", "expired", "withdrawn")
# A newcomer has at most one open match; a buddy at most `capacity` open matches.
OPEN = ("proposed", "agreed", "active", "paused")
ANSWERS = ("accepted", "declined")


class Match(db.Model):
    __tablename__ = "matches"
    __table_args__ = (
        # At most one open match per newcomer, held by the database itself (two coordinators
        # proposing at once cannot both win).
        sa.Index(
            "uq_matches_open_newcomer", "newcomer_id", unique=True,
            sqlite_where=sa.text("status IN ('proposed', 'agreed', 'active', 'paused')"),
            postgresql_where=sa.text("status IN ('proposed', 'agreed', 'active', 'paused')"),
        ),
    )

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    newcomer_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    buddy_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    organisation_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("organisations.id"), index=True)
    status: so.Mapped[str] = so.mapped_column(sa.String(16), default="proposed", index=True)
    proposed_by_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    expires_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime)  # of the proposal
    newcomer_answer: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    buddy_answer: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    approved_by_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    approved_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime)
    planned_end: so.Mapped[Optional[dt.date]] = so.mapped_column(sa.Date)
    ended_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime)
    end_reason: so.Mapped[Optional[str]] = so.mapped_column(sa.String(24))  # catalogue "end_reasons"
    # What the score said when proposed: {"total": .., "parts": [...]} (matching/scoring.py).
    score: so.Mapped[Optional[dict]] = so.mapped_column(sa.JSON)

    # For lists (loaded with selectinload there); services use the ids.
    newcomer = so.relationship("User", foreign_keys=[newcomer_id], viewonly=True)
    buddy = so.relationship("User", foreign_keys=[buddy_id], viewonly=True)

    @property
    def scope(self) -> str:
        """Return the sync scope that holds this match's shared data."""
        return f"match:{self.id}"


class MatchEvent(db.Model):
    """One transition of a match: who, when, from, to, why. The trail explains the current state."""

    __tablename__ = "match_events"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    match_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    seq: so.Mapped[int] = so.mapped_column(sa.Integer)  # 1, 2, ... per match: the order of events
    action: so.Mapped[str] = so.mapped_column(sa.String(16))  # propose, accept, decline, approve, pause...
    actor_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    from_status: so.Mapped[Optional[str]] = so.mapped_column(sa.String(16))
    to_status: so.Mapped[str] = so.mapped_column(sa.String(16))
    reason: so.Mapped[Optional[str]] = so.mapped_column(sa.String(24))  # a catalogue code
    note: so.Mapped[str] = so.mapped_column(sa.String(500), default="")
    at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (sa.UniqueConstraint("match_id", "seq"),)


class MatchEvaluation(db.Model):
    """Each side's short evaluation at the end; `avoid` keeps this pair out of later suggestions."""

    __tablename__ = "match_evaluations"

    match_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("matches.id", ondelete="CASCADE"), primary_key=True)
    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    rating: so.Mapped[Optional[int]] = so.mapped_column(sa.Integer)  # 1-5
    comment: so.Mapped[str] = so.mapped_column(sa.String(1000), default="")
    avoid: so.Mapped[bool] = so.mapped_column(sa.Boolean, default=False)
    at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)


class AlertSent(db.Model):
    """An alert already sent (quiet pair, planned end, expiry): `flask alerts` never sends one twice.

    `spell` names the occasion, e.g. "quiet:2026-11-02:buddy" (the quiet spell starts at the pair's
    last change) or "planned_end".
    """

    __tablename__ = "match_alerts"

    match_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("matches.id", ondelete="CASCADE"), primary_key=True)
    spell: so.Mapped[str] = so.mapped_column(sa.String(64), primary_key=True)
    at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
