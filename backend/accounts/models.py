"""The User table and its sessions (one per signed-in device)."""
import datetime as dt
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_login import UserMixin

from backend.db import UTCDateTime, new_uuid, utcnow
from backend.extensions import db

ROLES = ("newcomer", "buddy", "coordinator", "admin")


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    # A newcomer made at intake may have no e-mail address: they sign in with the username.
    email: so.Mapped[Optional[str]] = so.mapped_column(sa.String(254), unique=True)
    username: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40), unique=True)
    # Empty until the account is activated (a newcomer made at intake sets it with a code).
    password_hash: so.Mapped[str] = so.mapped_column(sa.String(255))
    display_name: so.Mapped[str] = so.mapped_column(sa.String(80))
    locale: so.Mapped[Optional[str]] = so.mapped_column(sa.String(8))
    # Space-separated role names: read on every request, so no join for them.
    role_names: so.Mapped[str] = so.mapped_column("roles", sa.String(64), default="")
    organisation_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("organisations.id"), index=True)
    availability: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    # Contact details the other side of an active match sees, as the user chose to share them.
    phone: so.Mapped[Optional[str]] = so.mapped_column(sa.String(32))
    shares: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)  # subset of ["email", "phone"]
    # Unused since migration 0002 (user_sessions replaced it). Kept one release so that
    # instances of the release before still run during a rolling deploy (docs/deployment.md);
    # the next migration drops it.
    session_gen: so.Mapped[int] = so.mapped_column(sa.Integer, default=0)
    created_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # Loaded when a screen needs it, not on every request's user load.
    organisation = so.relationship("Organisation")

    # The session this request runs in (set at login and by the user loader; not a column).
    session_id = None

    @property
    def roles(self) -> list[str]:
        """Return the role names in a stable order."""
        return [r for r in ROLES if r in self.role_names.split()]

    @roles.setter
    def roles(self, names):
        unknown = set(names) - set(ROLES)
        if unknown:
            raise ValueError(f"unknown roles {unknown}")
        self.role_names = " ".join(r for r in ROLES if r in names)

    def has_role(self, role: str) -> bool:
        """Tell whether the user holds this role."""
        return role in self.role_names.split()

    def get_id(self) -> str:
        """Return what the session cookie holds: '<user id>.<session id>' (auth.Claim)."""
        return f"{self.id}.{self.session_id}"

    def __repr__(self):
        return f"<User {self.email or self.username}>"


class UserSession(db.Model):
    """One signed-in device: the cookie names it; deleting the row logs that device out."""

    __tablename__ = "user_sessions"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # A short label from the User-Agent ("Chrome · Android"); empty when it tells nothing.
    device: so.Mapped[str] = so.mapped_column(sa.String(80), default="")
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    # Renewed at most every SEEN_EVERY (accounts/sessions.py), so a pull rarely writes.
    last_seen_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)


TOKEN_KINDS = ("activation", "reset")


class AccountToken(db.Model):
    """A single-use secret: an activation code (from a coordinator) or a password-reset link.

    Only a hash is stored; the code or link is shown once. Issuing a new one of a kind ends the
    ones before it (accounts/tokens.py).
    """

    __tablename__ = "account_tokens"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True, default=new_uuid)
    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(16))
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    created_by_id: so.Mapped[Optional[uuid.UUID]] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    expires_at: so.Mapped[dt.datetime] = so.mapped_column(UTCDateTime)
    used_at: so.Mapped[Optional[dt.datetime]] = so.mapped_column(UTCDateTime)
