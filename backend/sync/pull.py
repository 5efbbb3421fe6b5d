"""Pull: the user's change feed since a cursor, read from one snapshot.

Order: every writer takes its seq numbers from sync_state under a row lock held until
commit, so seq order is commit order and a snapshot always holds a gap-free prefix of the
feed. That is why a cursor can jump to the snapshot's seq without skipping a late commit.
"""
import json
from contextlib import contextmanager

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from backend.accounts import sessions
from backend.accounts.auth import Claim
from backend.accounts.models import UserSession
from backend.db import utcnow
from backend.errors import Forbidden, Unauthorized
from backend.extensions import db
from backend.sync import clients, cursor as cursors, registry
from backend.sync.models import SyncChange, SyncClient, SyncState

COLUMNS = (SyncChange.op, SyncChange.entity, SyncChange.entity_id, SyncChange.scope, SyncChange.seq, SyncChange.data)

# The statements are built once: building them per pull cost more than running them
# (bench/http_pull.py).
_head_statement = None  # (scope columns it was built with, statement), see _head()
# "Has a scope the cursor holds anything newer than it?", asked per scope so that each
# question is one probe of the (scope, seq) index, whatever plan PostgreSQL caches for the
# prepared statement (with one IN list over all slots, PostgreSQL pulls in bench/http_pull.py
# were four times slower: a cached generic plan walking the seq index, we believe).
# HELD_SLOTS fixed parameters (unused ones NULL) keep the statement's shape fixed: an
# expanding IN is rewritten on every execution. Cursors holding more scopes take the
# transaction path.
HELD_SLOTS = 8
_NEWS = sa.or_(*(
    sa.exists().where(SyncChange.scope == sa.bindparam(f"held{i}", type_=sa.String),
                      SyncChange.seq > sa.bindparam("since", type_=sa.BigInteger))
    for i in range(HELD_SLOTS)
))
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


def _head():
    """The pull's first statement: feed head, client, session check, every scope held, and
    whether the scopes the cursor holds have anything newer than it.

    An up-to-date pull is this one statement: one round trip to the database.
    """
    global _head_statement
    scope_columns = registry.scope_columns()
    if _head_statement is None or _head_statement[0] is not scope_columns:
        live = UserSession.__table__
        statement = (
            sa.select(SyncState.seq, SyncState.purged_seq,
                      # NULL: no such client yet; false: it is another user's.
                      (SyncClient.user_id == sa.bindparam("user_id")).label("client_mine"),
                      SyncClient.last_mutation_id, live.c.last_seen_at,  # NULL: no live session
                      # Probe the scopes only when something at all was written since the cursor.
                      sa.case((sa.bindparam("since", type_=sa.BigInteger) < SyncState.seq, _NEWS),
                              else_=sa.false()).label("news"),
                      *scope_columns)
            .select_from(SyncState)
            .outerjoin(SyncClient, SyncClient.id == sa.bindparam("client_id"))
            .outerjoin(live, sa.and_(live.c.id == sa.bindparam("session_id"),
                                     live.c.user_id == sa.bindparam("user_id"),
                                     live.c.last_seen_at >= sa.bindparam("seen_after")))
            .where(SyncState.id == 1)
        )
        _head_statement = (scope_columns, statement)
    return _head_statement[1]


@contextmanager
def reading():
    """Yield a connection of its own whose reads all come from one snapshot, then give it back.

    REPEATABLE READ on PostgreSQL; SQLite in WAL mode gives every transaction a snapshot. The
    request's ORM session is not used: a pull needs none of it (bench/http_pull.py).
    """
    options = {}
    if db.engine.dialect.name == "postgresql":
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with db.engine.connect().execution_options(**options) as conn:
        conn.begin()
        yield conn  # closing the connection rolls the read-only transaction back


def pull(claim: Claim, client_id, schema_version: int, token: str | None, limit: int) -> str:
    """Return the pull response as JSON text (rows are stored as JSON and sent as they are).

    `claim` is the session's unconfirmed login (auth.session_claim): confirmed here, in the
    same statement that reads the feed head and the scopes.

    Most pulls find nothing new. The head statement alone tells, so those are answered from
    that one statement, outside any transaction; the others read everything again from one
    snapshot.

    :raise 401: the session was ended (logout, another device, password change) or is idle.
    :raise 403: the client id belongs to another user.
    """
    clients.check_schema_version(schema_version)
    version = current_app.config["SYNC_SCHEMA_VERSION"]
    cur = cursors.decode(token)
    if cur is not None and cur.snapshot is None and cur.version == version and len(cur.held) <= HELD_SLOTS:
        with _autocommit() as conn:
            state = _read_head(conn, claim, client_id, cur)
        if state.purged_seq <= cur.seq <= state.seq and not state.news and registry.scopes_in(state) == cur.held:
            # Nothing of ours up to the head: the cursor moves there (or stays, as it was sent).
            if state.seq > cur.seq:
                cur.seq = state.seq
                token = cursors.encode(cur)
            return _render([], [], False, _last_mutation_id(state), False, token, claim.user_id)
    with reading() as conn:  # `cur` is as it was sent: the quick path changes it only when it answers
        state = _read_head(conn, claim, client_id, cur)
        return _pull(conn, state, version, cur, limit, claim.user_id)


def _autocommit():
    """Return a pooled connection on which the head statement is a snapshot by itself.

    AUTOCOMMIT on PostgreSQL saves BEGIN and ROLLBACK, two round trips. SQLite (a file in this
    process) keeps its BEGIN: SQLAlchemy switches a pysqlite connection to AUTOCOMMIT and back
    with two PRAGMAs per use, and leaves the driver in another mode than backend/db.py sets.
    """
    conn = db.engine.connect()
    if conn.dialect.name == "postgresql":
        conn.execution_options(isolation_level="AUTOCOMMIT")
    return conn


def _read_head(conn, claim: Claim, client_id, cur: cursors.Cursor | None):
    """Run the head statement; check the session and the client. `news`: a row of the scopes
    the cursor holds (the first HELD_SLOTS) is newer than the cursor."""
    held = sorted(cur.held)[:HELD_SLOTS] if cur else []
    now = utcnow()
    params = {"client_id": client_id, "user_id": claim.user_id, "session_id": claim.session_id,
              "seen_after": sessions.idle_cutoff(now), "since": cur.seq if cur else 0}
    params.update((f"held{i}", held[i] if i < len(held) else None) for i in range(HELD_SLOTS))
    state = conn.execute(_head(), params).one()
    if state.last_seen_at is None:  # no such session, another user's, or idle too long
        raise Unauthorized()
    sessions.renew_if_due(claim.session_id, state.last_seen_at, now)
    if state.client_mine is not None and not state.client_mine:
        raise Forbidden(_l("Dit apparaat hoort bij een ander account. Log opnieuw in."))
    return state


def _last_mutation_id(state) -> int:
    return state.last_mutation_id if state.client_mine else 0  # a new client: nothing yet


def _beyond(cur: cursors.Cursor, head: int) -> bool:
    """Tell whether a cursor points past the feed head: forged, or made before a restore from a
    backup. Either way it cannot be continued (nor echoed): the client starts afresh."""
    return cur.seq > head or (cur.snapshot is not None and cur.snapshot.to > head)


def _pull(conn, state, version: int, cur: cursors.Cursor | None, limit: int, user_id) -> str:
    current = registry.scopes_in(state)
    reset = cur is not None and (cur.version != version or cur.seq < state.purged_seq or _beyond(cur, state.seq))
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
    return _render(rows, dropped, reset, _last_mutation_id(state), has_more, cursors.encode(cur), user_id)


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


def _render(rows, dropped, reset, last_mid, has_more, token, user_id) -> str:
    """`user_id`: whose answer this is, so a phone never applies one person's feed to another's data."""
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
        f'"last_mutation_id":{last_mid},"has_more":{dumps(has_more)},"cursor":{dumps(token)},"user_id":"{user_id}"}}'
    )
