"""Declarative base with a naming convention, shared column types and engine tuning."""
import datetime as dt
import uuid

import sqlalchemy as sa
from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

# Named constraints let Alembic drop and alter them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> dt.datetime:
    """Return the current time in UTC (used as a callable column default)."""
    return dt.datetime.now(dt.timezone.utc)


def new_uuid() -> uuid.UUID:
    """Return a random UUID (used as a callable column default)."""
    return uuid.uuid4()


class UTCDateTime(sa.types.TypeDecorator):
    """A timezone-aware datetime stored in UTC; SQLite returns naive values, so re-attach UTC."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(dt.timezone.utc) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value


@event.listens_for(Engine, "connect")
def _sqlite_connect(dbapi_connection, connection_record):
    """Tune SQLite: WAL for concurrent readers, foreign keys on, and manual BEGIN (see below).

    The busy timeout comes from the engine options (config.engine_options: DB_LOCK_TIMEOUT).
    """
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    # pysqlite's own transaction handling cannot issue BEGIN IMMEDIATE; take over.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


# POST routes that only read (through a connection of their own), so never hold the write lock.
READ_ONLY_ENDPOINTS = {"sync.Pull"}
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _writes_expected() -> bool:
    """Whether a transaction begun now is likely to write: a changing request, or no request (CLI)."""
    if not has_request_context():
        return True  # CLI commands, maintenance jobs, services called from scripts
    return request.method in WRITE_METHODS and request.endpoint not in READ_ONLY_ENDPOINTS


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    """Begin SQLite transactions; writers begin IMMEDIATE, readers deferred.

    A deferred transaction that later writes cannot wait for the lock: it fails at once with
    "database is locked" when another writer got in first (the busy timeout does not apply to
    that upgrade). IMMEDIATE takes the write lock at BEGIN, where the busy timeout waits for it.
    The execution option `sqlite_immediate` overrides the rule for one connection.
    """
    if conn.dialect.name != "sqlite":
        return
    immediate = conn.get_execution_options().get("sqlite_immediate")
    if immediate is None:
        immediate = _writes_expected()
    # Straight to the driver: through exec_driver_sql this cost more than the pull's query.
    conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
