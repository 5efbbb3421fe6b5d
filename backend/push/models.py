"""A device's Web Push subscription (one per browser profile and user); removed on 404/410, and
with the session (device login) that made it."""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, new_uuid, utcnow
from backend.extensions import db


class PushSubscription(db.Model):
    __tablename__ = "push_subscriptions"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The login on this device that subscribed: logging out, being signed out from another device,
    # idling out or a password change deletes the session row, and the cascade this subscription.
    # NULL only for rows made before sessions were linked.
    session_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(
        sa.ForeignKey("user_sessions.id", ondelete="CASCADE"), index=True)
    endpoint: so.Mapped[str] = so.mapped_column(sa.String(1000), unique=True)
    p256dh: so.Mapped[str] = so.mapped_column(sa.String(200))
    auth: so.Mapped[str] = so.mapped_column(sa.String(100))
    locale: so.Mapped[Optional[str]] = so.mapped_column(sa.String(8))
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    last_success_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime)
