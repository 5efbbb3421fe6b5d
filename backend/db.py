"""Declarative base with a naming convention, shared column types and engine tuning."""
import datetime as dt
import uuid

import sqlalchemy as sa
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
    """Tune SQLite: WAL for concurrent readers, foreign keys on, and manual BEGIN (see below)."""
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    # pysqlite's own transaction handling cannot issue BEGIN IMMEDIATE; take over.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    """Begin SQLite transactions; writers ask for IMMEDIATE so they never fail on upgrade."""
    if conn.dialect.name != "sqlite":
        return
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    # Straight to the driver: through exec_driver_sql this cost more than the pull's query.
    conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
