"""Reviews (append-only), the card state the phone derived, practice settings, and a branch's own phrases.

The server never schedules: a Review carries the card state the phone computed with ts-fsrs after
replaying that card's reviews in time order (docs/phrases.md). Phrase ids are text: the national
catalogue's ids ("kennismaken.naam-vragen") and a branch phrase's "org:<uuid>".
"""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, new_uuid, utcnow
from backend.extensions import db

RATINGS = (1, 2, 3, 4)  # FSRS: again, hard, good, easy
MODES = ("recognise", "recall", "listen", "type", "together")
LEVELS = ("A0", "A1", "A2", "B1")


class Review(db.Model):
    """One rating of one phrase by one user at one time, as the phone recorded it (append-only)."""

    __tablename__ = "reviews"
    __table_args__ = (sa.Index("ix_reviews_user_reviewed", "user_id", "reviewed_at"),)

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True)  # made on the phone
    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    phrase_id: so.Mapped[str] = so.mapped_column(sa.String(80))
    rating: so.Mapped[int] = so.mapped_column(sa.SmallInteger)
    mode: so.Mapped[str] = so.mapped_column(sa.String(12))
    reviewed_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime)  # the phone's clock, UTC
    # Practised together: the match, and the buddy who rated (the review is the newcomer's).
    match_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("matches.id", ondelete="SET NULL"))
    rated_by_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # The card state the phone derived after this review (ts-fsrs Card as JSON); null when the
    # buddy's phone rated (it does not hold the newcomer's history).
    card: so.Mapped[Optional[dict]] = so.mapped_column(sa.JSON)
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)


class Card(db.Model):
    """A user's scheduling state of one phrase: the state of their latest review that carried one."""

    __tablename__ = "cards"

    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    phrase_id: so.Mapped[str] = so.mapped_column(sa.String(80), primary_key=True)
    state: so.Mapped[dict] = so.mapped_column(sa.JSON)  # ts-fsrs Card as JSON
    due: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime)
    last_review: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime)  # reviewed_at of the review it came from
    review_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid)


class PracticeSettings(db.Model):
    """A user's practice settings and the newcomer's two consents (synced as "practice")."""

    __tablename__ = "practice_settings"

    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    new_per_day: so.Mapped[int] = so.mapped_column(sa.SmallInteger, default=10)
    reviews_per_day: so.Mapped[int] = so.mapped_column(sa.SmallInteger, default=60)
    buttons: so.Mapped[int] = so.mapped_column(sa.SmallInteger, default=2)  # 2 or 4
    voice: so.Mapped[str] = so.mapped_column(sa.String(12), default="recorded")  # recorded | browser | computer
    modes: so.Mapped[list] = so.mapped_column(sa.JSON, default=lambda: ["recognise", "recall", "listen", "type"])
    # The newcomer's consents (null: not given). Together: a buddy's ratings count as reviews.
    together_consent_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime)
    progress_consent_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime)
    # The progress summary the newcomer's phone derived (practice.progress); the buddy sees it
    # only while progress_consent_at is set.
    progress: so.Mapped[Optional[dict]] = so.mapped_column(sa.JSON)
    updated_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class OrgPhrase(db.Model):
    """A phrase a branch added for its own newcomers (synced as "org_phrase" in branch:<org id>)."""

    __tablename__ = "org_phrases"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    organisation_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    nl: so.Mapped[str] = so.mapped_column(sa.String(300))
    theme: so.Mapped[str] = so.mapped_column(sa.String(24))
    level: so.Mapped[str] = so.mapped_column(sa.String(2))
    translations: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)  # {lang: text}, any subset
    note: so.Mapped[str] = so.mapped_column(sa.String(300), default="")  # e.g. the address itself
    created_by_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
