"""Tables of the sync engine: the sequence, the change feed, clients and the ledger."""
import uuid
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.db import UTCDateTime, utcnow
from backend.extensions import db


class SyncState(db.Model):
    """One row. `seq` is the feed sequence; `purged_seq` the newest tombstone cleaned away.

    Writers take `seq` with an UPDATE at the end of their transaction; the row lock it holds
    until commit is what makes seq order equal commit order (docs/sync.md, "Order").
    """

    __tablename__ = "sync_state"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    seq: so.Mapped[int] = so.mapped_column(sa.BigInteger, default=0)
    purged_seq: so.Mapped[int] = so.mapped_column(sa.BigInteger, default=0)


class SyncChange(db.Model):
    """The latest state of one synced row: a put with its data, or a del (tombstone)."""

    __tablename__ = "sync_changes"
    __table_args__ = (sa.Index("ix_sync_changes_scope_seq", "scope", "seq"),)

    entity: so.Mapped[str] = so.mapped_column(sa.String(32), primary_key=True)
    entity_id: so.Mapped[str] = so.mapped_column(sa.String(64), primary_key=True)
    seq: so.Mapped[int] = so.mapped_column(sa.BigInteger, unique=True)
    scope: so.Mapped[str] = so.mapped_column(sa.String(64))
    op: so.Mapped[str] = so.mapped_column(sa.String(3))  # put | del
    data: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)  # JSON text, served as is
    changed_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow)


class SyncClient(db.Model):
    """One device (or browser profile) of one user, with the last mutation it had applied."""

    __tablename__ = "sync_clients"

    id: so.Mapped[uuid.UUID] = so.mapped_column(sa.Uuid, primary_key=True)
    user_id: so.Mapped[uuid.UUID] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    last_mutation_id: so.Mapped[int] = so.mapped_column(sa.BigInteger, default=0)
    created_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow)


class SyncLedger(db.Model):
    """The outcome of each mutation a client pushed; duplicates are answered from here."""

    __tablename__ = "sync_ledger"

    client_id: so.Mapped[uuid.UUID] = so.mapped_column(
        sa.ForeignKey("sync_clients.id", ondelete="CASCADE"), primary_key=True
    )
    mid: so.Mapped[int] = so.mapped_column(sa.BigInteger, primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(64))
    status: so.Mapped[str] = so.mapped_column(sa.String(10))  # applied | rejected
    code: so.Mapped[Optional[str]] = so.mapped_column(sa.String(64))
    message: so.Mapped[Optional[str]] = so.mapped_column(sa.Text)
    current: so.Mapped[Optional[dict]] = so.mapped_column(sa.JSON)
    created_at: so.Mapped[sa.DateTime] = so.mapped_column(UTCDateTime, default=utcnow, index=True)
