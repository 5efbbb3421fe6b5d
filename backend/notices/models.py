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
    # The text in the recipient's language when it was left: what an old app shows, and the
    # only text of a notice worded without a catalog entry (msgid NULL).
    message: so.Mapped[str] = so.mapped_column(sa.Text)
    # The catalog entry and its values, so the phone words the notice in its current language.
    # msgid is "context\x04msgid" when the entry has a msgctxt (gettext's key, as the PWA's JSON).
    msgid: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    msgid_plural: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    params: so.Mapped[Optional[dict]] = so.mapped_column(sa.JSON)  # numbers and strings only
    mutation: so.Mapped[Optional[str]] = so.mapped_column(sa.String(64))
    # Where the app opens when the notice is tapped (a path of the PWA, e.g. "/afspraak/<id>").
    link: so.Mapped[Optional[str]] = so.mapped_column(sa.String(200))
    created_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow)
    read_at: so.Mapped[Optional[sa.DateTime]] = so.mapped_column(UTCDateTime)
