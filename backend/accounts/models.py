"""The User table."""
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
    email: so.Mapped[str] = so.mapped_column(sa.String(254), unique=True)
    password_hash: so.Mapped[str] = so.mapped_column(sa.String(255))
    display_name: so.Mapped[str] = so.mapped_column(sa.String(80))
    locale: so.Mapped[Optional[str]] = so.mapped_column(sa.String(8))
    # Space-separated role names: read on every request, so no join for them.
    role_names: so.Mapped[str] = so.mapped_column("roles", sa.String(64), default="")
    organisation_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("organisations.id"), index=True)
    availability: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    # Bumped on password change or "log out everywhere": old session cookies stop working.
    session_gen: so.Mapped[int] = so.mapped_column(sa.Integer, default=0)
    created_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # Loaded when a screen needs it, not on every request's user load.
    organisation = so.relationship("Organisation")

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
        """Return the session id: the user id plus the session generation."""
        return f"{self.id}.{self.session_gen}"

    def __repr__(self):
        return f"<User {self.email}>"
