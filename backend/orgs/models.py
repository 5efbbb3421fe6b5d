"""The Organisation tree, with a materialised path for subtree queries."""
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db

KINDS = ("national", "province", "municipality")


class Organisation(db.Model):
    __tablename__ = "organisations"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    code: so.Mapped[str] = so.mapped_column(sa.String(16), unique=True)  # NL, PV26, GM0344
    name: so.Mapped[str] = so.mapped_column(sa.String(120))
    kind: so.Mapped[str] = so.mapped_column(sa.String(16))
    parent_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("organisations.id"), index=True)
    # "/NL/PV26/GM0344/": a subtree is every path that starts with the root's path.
    path: so.Mapped[str] = so.mapped_column(sa.String(64), index=True)
    active: so.Mapped[bool] = so.mapped_column(sa.Boolean, default=True)
    # Per-organisation settings (orgs/settings.py: VOG validity, quiet-pair days...); a missing
    # key falls back to the parent's value, then to the default.
    settings: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)

    parent = so.relationship("Organisation", remote_side=[id])

    def __repr__(self):
        return f"<Organisation {self.code} {self.name}>"
