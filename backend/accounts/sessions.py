"""Sessions: one row per signed-in device, ended one by one, expired when idle.

The signed cookie names the row ('<user id>.<session id>', auth.Claim); a cookie whose row is
gone (logout, ended from another device, password change) or idle too long is no login.
"""
import datetime as dt
import re
import uuid

import sqlalchemy as sa
from flask import current_app, g, session

from backend.accounts.models import User, UserSession
from backend.db import utcnow
from backend.errors import NotFound
from backend.extensions import db

# last_seen_at is renewed at most this often: a phone pulls every few minutes, and writing on
# every request would serialise all pulls on SQLite's one writer.
SEEN_EVERY = dt.timedelta(hours=1)

_sessions = UserSession.__table__
_TOUCH = (
    sa.update(_sessions).where(_sessions.c.id == sa.bindparam("session_id"))
    .values(last_seen_at=sa.bindparam("now"))
)


def idle_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    """Return the moment before which a session counts as idle (SESSION_IDLE_DAYS before now)."""
    return (now or utcnow()) - dt.timedelta(days=current_app.config["SESSION_IDLE_DAYS"])


def begin_write() -> None:
    """End the request's transaction so far and begin one that writes (IMMEDIATE on SQLite).

    A SQLite transaction that has read cannot wait for the write lock: it fails at once with
    "database is locked" if another writer committed since its read. Objects read before are
    reloaded on next use.
    """
    db.session.rollback()
    db.session.connection(execution_options={"sqlite_immediate": True})


def begin_read() -> None:
    """End the request's transaction so far and begin one that only reads (deferred on SQLite).

    For slow work between the reads and the writes (argon2): in a POST the transaction would
    otherwise begin IMMEDIATE (backend/db.py) and hold SQLite's one write lock all along.
    """
    db.session.rollback()
    db.session.connection(execution_options={"sqlite_immediate": False})


def start_session(user: User, user_agent: str | None, replaces: uuid.UUID | None = None) -> None:
    """Create a session for a device of `user` and make it the user's current one.

    `replaces`: the session this browser's cookie held until now (maybe another user's); its
    cookie is overwritten, so it ends. Also deletes the user's idle sessions, so the table
    holds no dead rows for long.
    """
    begin_write()
    db.session.execute(sa.delete(UserSession).where(
        (UserSession.id == replaces)
        | ((UserSession.user_id == user.id) & (UserSession.last_seen_at < idle_cutoff()))))
    add_session(user, user_agent)
    db.session.commit()


def add_session(user: User, user_agent: str | None) -> None:
    """Add a new session row for this device and make it current (no commit: the caller's transaction)."""
    row = UserSession(id=uuid.uuid4(), user_id=user.id, device=device_label(user_agent))
    db.session.add(row)
    user.session_id = row.id


def end_session(user: User, session_id: uuid.UUID) -> None:
    """End one session of `user` (this device's or another's).

    :raise 404: if the user has no session with this id.
    """
    begin_write()
    ended = db.session.execute(
        sa.delete(UserSession).where(UserSession.id == session_id, UserSession.user_id == user.id)
    ).rowcount
    db.session.commit()
    if not ended:
        raise NotFound()


def log_out(user: User) -> None:
    """End the current session of `user` (gone already: nothing to do)."""
    begin_write()
    db.session.execute(sa.delete(UserSession).where(UserSession.id == user.session_id))
    db.session.commit()


def end_all_sessions(user: User) -> None:
    """End every session of `user` on every device (e.g. when a coordinator resets the password)."""
    begin_write()
    db.session.execute(sa.delete(UserSession).where(UserSession.user_id == user.id))
    db.session.commit()


def delete_idle_sessions() -> int:
    """Delete every session idle longer than SESSION_IDLE_DAYS (they can never log in again); return how many."""
    begin_write()
    deleted = db.session.execute(sa.delete(UserSession).where(UserSession.last_seen_at < idle_cutoff())).rowcount
    db.session.commit()
    return deleted


def list_sessions(user: User) -> list[dict]:
    """Return the user's live sessions, newest first, the current one marked."""
    rows = db.session.scalars(
        sa.select(UserSession)
        .where(UserSession.user_id == user.id, UserSession.last_seen_at >= idle_cutoff())
        .order_by(UserSession.created_at.desc(), UserSession.id)
    )
    return [{"id": r.id, "device": r.device, "created_at": r.created_at, "last_seen_at": r.last_seen_at,
             "current": r.id == user.session_id} for r in rows]


def load_user(user_id: uuid.UUID, session_id: uuid.UUID) -> User | None:
    """Return the user of a live session (with session_id set), or None."""
    now = utcnow()
    row = db.session.execute(
        sa.select(User, UserSession.last_seen_at)
        .join(UserSession, UserSession.user_id == User.id)
        .where(User.id == user_id, UserSession.id == session_id, UserSession.last_seen_at >= idle_cutoff(now))
    ).first()
    if row is None:
        return None
    renew_if_due(session_id, row.last_seen_at, now)
    row.User.session_id = session_id
    return row.User


def renew_if_due(session_id: uuid.UUID, last_seen_at: dt.datetime, now: dt.datetime) -> None:
    """Ask for last_seen_at to be renewed after this request, if it was last renewed SEEN_EVERY ago."""
    if last_seen_at < now - SEEN_EVERY:
        g.session_seen = session_id


def renew_seen_session(response):
    """After the request: write the renewal renew_if_due() asked for (at most once an hour per device).

    It runs here, in its own short transaction on a connection of its own, once the request's
    own work is done: inside the request's read transaction this write would make SQLite's
    snapshot stale (or wait for the request's own lock). A failure is logged, not the
    request's: the next request renews.
    """
    session_id = g.pop("session_seen", None)
    if session_id is None:
        return response
    db.session.close()  # the request's transaction, if any, ends here
    try:
        with db.engine.connect() as conn:
            conn = conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                conn.execute(_TOUCH, {"session_id": session_id, "now": utcnow()})
    except sa.exc.SQLAlchemyError:
        current_app.logger.warning("could not renew session %s", session_id, exc_info=True)
        return response
    session.modified = True  # re-send the cookie: its Expires moves on with the session
    return response


# (pattern in the User-Agent, label): the first match wins, so the specific ones come first.
_BROWSERS = (
    (r"EdgA?/|Edg/", "Edge"), (r"OPR/|Opera", "Opera"), (r"SamsungBrowser/", "Samsung Internet"),
    (r"Firefox/|FxiOS/", "Firefox"), (r"Chrome/|CriOS/|Chromium/", "Chrome"),
    (r"Version/[\d.]+.*Safari/", "Safari"),
)
_SYSTEMS = (
    (r"iPhone", "iPhone"), (r"iPad", "iPad"), (r"Android", "Android"), (r"Windows", "Windows"),
    (r"CrOS", "ChromeOS"), (r"Macintosh|Mac OS X", "macOS"), (r"Linux", "Linux"),
)


def device_label(user_agent: str | None) -> str:
    """Return a short label like 'Chrome · Android' for a User-Agent; '' if it tells nothing."""
    ua = (user_agent or "")[:512]
    parts = [next((label for pattern, label in table if re.search(pattern, ua)), None)
             for table in (_BROWSERS, _SYSTEMS)]
    return " · ".join(p for p in parts if p)
