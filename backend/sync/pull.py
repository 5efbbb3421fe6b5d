"""Pull: the user's change feed since a cursor, read from one snapshot.

Order: every writer takes its seq numbers from sync_state under a row lock held until
commit, so seq order is commit order and a snapshot always holds a gap-free prefix of the
feed. That is why a cursor can jump to the snapshot's seq without skipping a late commit.
"""
import json

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from backend.errors import Forbidden
from backend.extensions import db
from backend.sync import clients, cursor as cursors, registry
from backend.sync.models import SyncChange, SyncClient, SyncState

COLUMNS = (SyncChange.op, SyncChange.entity, SyncChange.entity_id, SyncChange.scope, SyncChange.seq, SyncChange.data)

# The statements are built once: building them per pull cost more than running them
# (bench/http_pull.py). The client row comes with the state row, in one round trip.
_STATE_AND_CLIENT = (
    sa.select(SyncState.seq, SyncState.purged_seq, SyncClient.user_id, SyncClient.last_mutation_id)
    .select_from(SyncState)
    .outerjoin(SyncClient, SyncClient.id == sa.bindparam("client_id"))
    .where(SyncState.id == 1)
)
_SNAPSHOT_PAGE = (
    sa.select(*COLUMNS)
    .where(SyncChange.scope.in_(sa.bindparam("scopes", expanding=True)), SyncChange.op == "put",
           SyncChange.seq > sa.bindparam("at"), SyncChange.seq <= sa.bindparam("to"))
    .order_by(SyncChange.seq).limit(sa.bindparam("limit"))
)
_FEED_PAGE = (
    sa.select(*COLUMNS)
    .where(SyncChange.scope.in_(sa.bindparam("scopes", expanding=True)), SyncChange.seq > sa.bindparam("since"))
    .order_by(SyncChange.seq).limit(sa.bindparam("limit"))
)


def begin_snapshot() -> None:
    """Start the session's transaction as one read snapshot (REPEATABLE READ on PostgreSQL).

    The pull route calls this before the session check reads the user, so that read and every
    read of the pull share the snapshot and one connection. SQLite in WAL mode gives every
    transaction a snapshot already.
    """
    if db.engine.dialect.name == "postgresql":
        db.session.connection(execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True})


def snapshot():
    """Return a connection whose reads all come from one consistent snapshot."""
    if not db.session().in_transaction():
        begin_snapshot()
    return db.session.connection()


def pull(user, client_id, schema_version: int, token: str | None, limit: int) -> str:
    """Return the pull response as JSON text (rows are stored as JSON and sent as they are)."""
    clients.check_schema_version(schema_version)
    version = current_app.config["SYNC_SCHEMA_VERSION"]
    cur = cursors.decode(token)
    conn = snapshot()
    state = conn.execute(_STATE_AND_CLIENT, {"client_id": client_id}).one()
    if state.user_id is not None and state.user_id != user.id:  # user_id is NULL: no such client yet
        raise Forbidden(_l("Dit apparaat hoort bij een ander account. Log opnieuw in."))
    current = registry.scopes_of(conn, user)
    reset = cur is not None and (cur.version != version or cur.seq < state.purged_seq)
    if cur is None or reset:
        # From scratch: a snapshot of every scope up to now, then the feed from there.
        cur = cursors.Cursor(version, state.seq, set(current), cursors.Snapshot(set(current), 0, state.seq))
    dropped = sorted(cur.held - current)
    cur.held &= current
    if cur.snapshot:
        cur.snapshot.scopes &= current
        cur.snapshot = cur.snapshot if cur.snapshot.scopes else None
    gained = current - cur.held
    if gained and not cur.snapshot:
        cur.snapshot = cursors.Snapshot(gained, 0, cur.seq)
        cur.held |= gained
    rows, has_more = _read_page(conn, cur, state.seq, limit)
    has_more = has_more or bool(current - cur.held)
    last_mid = state.last_mutation_id if state.user_id is not None else 0
    return _render(rows, dropped, reset, last_mid, has_more, cursors.encode(cur))


def _read_page(conn, cur: cursors.Cursor, head: int, limit: int):
    """Read up to `limit` rows: the snapshot in progress first, then the feed. Moves `cur`."""
    rows = []
    snap = cur.snapshot
    if snap:
        rows = conn.execute(
            _SNAPSHOT_PAGE, {"scopes": sorted(snap.scopes), "at": snap.at, "to": snap.to, "limit": limit}
        ).all()
        if len(rows) == limit:
            snap.at = rows[-1].seq
            return rows, True
    cur.snapshot = None
    room = limit - len(rows)
    if not cur.held:
        cur.seq = head
        return rows, False
    if cur.seq >= head:
        # Up to date: every row this snapshot can see has seq <= head (seqs are taken from
        # sync_state in the writer's own transaction), so the feed query would find nothing.
        return rows, False
    feed = conn.execute(_FEED_PAGE, {"scopes": sorted(cur.held), "since": cur.seq, "limit": room + 1}).all()
    if len(feed) > room:
        feed = feed[:room]
        cur.seq = feed[-1].seq if feed else cur.seq
        return rows + feed, True
    # Everything up to the snapshot's head is read: rows of other scopes are not ours.
    cur.seq = max(head, cur.seq)
    return rows + feed, False


def _render(rows, dropped, reset, last_mid, has_more, token) -> str:
    dumps = json.dumps
    changes = ",".join(
        f'{{"op":"put","entity":{dumps(r.entity)},"id":{dumps(r.entity_id)},"scope":{dumps(r.scope)},'
        f'"seq":{r.seq},"data":{r.data}}}'
        if r.op == "put"
        else f'{{"op":"del","entity":{dumps(r.entity)},"id":{dumps(r.entity_id)},"scope":{dumps(r.scope)},"seq":{r.seq}}}'
        for r in rows
    )
    return (
        f'{{"changes":[{changes}],"drop_scope":{dumps(dropped)},"reset":{dumps(reset)},'
        f'"last_mutation_id":{last_mid},"has_more":{dumps(has_more)},"cursor":{dumps(token)}}}'
    )
