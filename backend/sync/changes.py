"""Record changes to synced rows; they reach the feed in the same transaction, at commit.

A service calls record_put/record_del while it works; just before its commit the pending
changes take consecutive numbers from sync_state.seq and are upserted into sync_changes.
Taking the numbers last keeps the row lock on sync_state short (docs/sync.md, "Order").
"""
import json

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from backend.db import utcnow
from backend.extensions import db
from backend.sync.models import SyncChange, SyncState

PENDING = "sync_pending"


def pending(session=None) -> list:
    """Return the list of changes waiting for this session's commit."""
    session = session or db.session()
    return session.info.setdefault(PENDING, [])


def record_put(entity: str, entity_id, scope: str, data: dict, session=None) -> None:
    """Publish the full row `data` of entity/entity_id to everyone holding `scope`."""
    pending(session).append((entity, str(entity_id), scope, "put", json.dumps(data, separators=(",", ":"), default=str)))


def record_del(entity: str, entity_id, scope: str, session=None) -> None:
    """Publish the deletion of entity/entity_id (a tombstone) to everyone holding `scope`."""
    pending(session).append((entity, str(entity_id), scope, "del", None))


def _take_seqs(session, count: int) -> int:
    """Reserve `count` numbers and return the first; the row stays locked until commit."""
    session.flush()  # the transaction's own writes first: the lock on sync_state is taken last
    last = session.connection().execute(_TAKE_SEQS, {"count": count}).scalar_one()
    return last - count + 1


# Built once so SQLAlchemy's statement cache serves them; executed on the Core connection, as
# there are no SyncState/SyncChange objects in a session to keep in step.
_TAKE_SEQS = (
    sa.update(SyncState).where(SyncState.id == 1)
    .values(seq=SyncState.seq + sa.bindparam("count", type_=sa.BigInteger)).returning(SyncState.seq)
)
_UPSERTS = {}


def _upsert_statement(dialect: str):
    """Return the upsert of one feed row for this dialect (cached; run with executemany)."""
    if dialect not in _UPSERTS:
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = insert(SyncChange)
        _UPSERTS[dialect] = stmt.on_conflict_do_update(
            index_elements=["entity", "entity_id"],
            set_={c: stmt.excluded[c] for c in ("seq", "scope", "op", "data", "changed_at")},
        )
    return _UPSERTS[dialect]


def _upsert(session, rows: list[dict]) -> None:
    conn = session.connection()
    conn.execute(_upsert_statement(conn.dialect.name), rows)


@event.listens_for(Session, "before_commit")
def _flush_pending(session):
    """Write this transaction's pending changes into the feed, last write per row wins."""
    if session.in_nested_transaction():
        return  # a savepoint: its changes wait for the real commit
    changes = session.info.pop(PENDING, None)
    if not changes:
        return
    latest = {}
    for entity, entity_id, scope, op, data in changes:
        latest.pop((entity, entity_id), None)  # re-insert so order follows the last write
        latest[(entity, entity_id)] = (scope, op, data)
    first = _take_seqs(session, len(latest))
    now = utcnow()
    rows = [
        {"entity": e, "entity_id": i, "seq": first + n, "scope": s, "op": op, "data": data, "changed_at": now}
        for n, ((e, i), (s, op, data)) in enumerate(latest.items())
    ]
    _upsert(session, rows)


@event.listens_for(Session, "after_rollback")
def _drop_pending(session):
    """Forget changes of a transaction that did not commit (a savepoint's callers trim their own)."""
    if not session.in_nested_transaction():
        session.info.pop(PENDING, None)
