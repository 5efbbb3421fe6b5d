"""The private calendar feed of a user and the .ics of one meeting (docs/meetings.md, "Calendar").

The feed's address holds a random token (`secrets.token_urlsafe(32)`); only its SHA-256 is
stored, so the address is shown once, when it is made. Making a new one ends the old one (one
row per user); stopping deletes the row. Anyone with the address reads the feed without a
login: calendar apps poll it from their own servers.

The feed shows the meetings of the user's active and paused matches that are confirmed or held,
and the cancelled ones that had a chosen time (STATUS:CANCELLED, so calendar apps take them out).
It shows the other person's name, the time, the place and the video link, never the notes, the
reason of a cancellation or who came: calendar apps copy the feed onto other companies' servers.

Polls are cheap: feed_state() is one small query (the token's row, the count and latest change of
the user's meetings and of the other people's names, the user's language) that gives the ETag;
only when it differs from the poller's If-None-Match are the meetings read and written out.

Written out cheaply: each meeting's VEVENT for each side is stored in calendar_events with the key
of what it shows (ics.event_key). A meeting's change writes both sides' rows in its own transaction
(store_meeting, a listener of the meetings service); the feed reads the rows with their stored
key and body in one query and uses a body whose key is the one it computes now. Whatever it had to
write itself (a new language, a renamed partner, meetings written straight into the database) it
stores afterwards in a short transaction of its own: a failure there is logged, never the GET's.
"""
import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app, has_request_context
from flask_babel import lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from backend.accounts.models import User
from backend.calendar import ics
from backend.calendar.models import CalendarEvent, CalendarFeed
from backend.db import utcnow
from backend.errors import Conflict, NotFound
from backend.extensions import db
from backend.mail.messages import app_url
from backend.matching.models import Match
from backend.meetings import service as meetings_service
from backend.meetings.models import Meeting

FORMAT = ics.FORMAT  # in the ETag: raised when what a feed looks like changes
ENGAGED = ("active", "paused")  # matching.service.ENGAGED: the pair holds its scope
IN_FEED = ("confirmed", "held")  # plus the cancelled ones that had a chosen time
MAX_TOKEN_CHARS = 64  # token_urlsafe(32) is 43 characters: anything longer is no token of ours
NO_TIME = _l("Deze afspraak heeft nog geen vaste tijd. Kies eerst een moment.")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def feed_path(token: str) -> str:
    return f"/api/calendar/feed/{token}.ics"


# ---- the token -------------------------------------------------------------------------------


def feed_status(user: User) -> dict:
    """Whether the user has a feed now, and since when."""
    created_at = db.session.scalar(sa.select(CalendarFeed.created_at).where(CalendarFeed.user_id == user.id))
    return {"active": created_at is not None, "created_at": created_at}


def new_feed(user: User) -> tuple[str, dt.datetime]:
    """Make a new feed token for the user (the old one, if any, stops working); return it once."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    conn = db.session.connection()
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(CalendarFeed).values(user_id=user.id, token_hash=_hash(token), created_at=now)
    # One statement: two renewals at once both succeed, the later one's token is the one that works.
    conn.execute(stmt.on_conflict_do_update(index_elements=["user_id"],
                                            set_={"token_hash": stmt.excluded.token_hash,
                                                  "created_at": stmt.excluded.created_at}))
    db.session.commit()
    return token, now


def stop_feed(user: User) -> None:
    """End the user's feed: its address answers 404 from now on."""
    db.session.execute(sa.delete(CalendarFeed).where(CalendarFeed.user_id == user.id))
    db.session.commit()


# ---- the feed --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedState:
    user_id: uuid.UUID
    locale: str
    etag: str


Partner = so.aliased(User, name="partner")
_MINE = sa.or_(Match.newcomer_id == CalendarFeed.user_id, Match.buddy_id == CalendarFeed.user_id)
_PARTNER_ID = sa.case((Match.newcomer_id == CalendarFeed.user_id, Match.buddy_id), else_=Match.newcomer_id)
# Everything the feed's text depends on, in one row (built once: SQLAlchemy caches its SQL).
_STATE = (
    sa.select(CalendarFeed.user_id, CalendarFeed.created_at, User.locale,
              sa.func.count(sa.distinct(Match.id)), sa.func.max(Partner.updated_at),
              sa.func.count(Meeting.id), sa.func.max(Meeting.updated_at))
    .select_from(CalendarFeed)
    .join(User, User.id == CalendarFeed.user_id)
    .outerjoin(Match, sa.and_(_MINE, Match.status.in_(ENGAGED)))
    .outerjoin(Partner, Partner.id == _PARTNER_ID)
    .outerjoin(Meeting, Meeting.match_id == Match.id)
    .where(CalendarFeed.token_hash == sa.bindparam("token_hash"))
    .group_by(CalendarFeed.user_id, CalendarFeed.created_at, User.locale)
)


def feed_locale(saved: str | None) -> str:
    """The language of a user's feed: their saved one, else the app's default (a calendar app's
    request says nothing about its owner)."""
    return saved if saved in current_app.config["LANGUAGES"] else current_app.config["BABEL_DEFAULT_LOCALE"]


def feed_state(token: str, base_url: str) -> FeedState:
    """Find the feed of `token` and its ETag, from one small query, before anything is built.

    :raise 404: for a token that is unknown, renewed away or stopped.
    """
    if not token or len(token) > MAX_TOKEN_CHARS:
        raise NotFound()
    row = db.session.execute(_STATE, {"token_hash": _hash(token)}).first()
    if row is None:
        raise NotFound()
    user_id, created_at, locale, matches, partners_changed, meetings, meetings_changed = row
    locale = feed_locale(locale)
    # max() of a datetime column comes back as text on SQLite and as a datetime on PostgreSQL:
    # both are only compared with themselves, on the same database.
    key = "|".join(str(part) for part in (FORMAT, user_id, created_at, locale, base_url, matches, partners_changed,
                                          meetings, meetings_changed))
    return FeedState(user_id, locale, '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"')


_PARTNER_ID_OF_USER = sa.case((Match.newcomer_id == sa.bindparam("user_id"), Match.buddy_id),
                              else_=Match.newcomer_id)
_SIDE_OF_USER = sa.case((Match.newcomer_id == sa.bindparam("user_id"), "newcomer"), else_="buddy")
_EVENT_COLUMNS = (Meeting.id, Meeting.match_id, Meeting.status, Meeting.sequence, Meeting.starts_at, Meeting.minutes,
                  Meeting.place, Meeting.video_url, Meeting.updated_at)
# The feed's meetings with the stored VEVENT of the user's side (if any): one query.
_ROWS = (
    sa.select(*_EVENT_COLUMNS, Partner.display_name, _SIDE_OF_USER, CalendarEvent.key, CalendarEvent.body)
    .join(Match, Match.id == Meeting.match_id)
    .join(Partner, Partner.id == _PARTNER_ID_OF_USER)
    .outerjoin(CalendarEvent, sa.and_(CalendarEvent.meeting_id == Meeting.id, CalendarEvent.side == _SIDE_OF_USER))
    .where(sa.or_(Match.newcomer_id == sa.bindparam("user_id"), Match.buddy_id == sa.bindparam("user_id")),
           Match.status.in_(ENGAGED),
           Meeting.starts_at.is_not(None),
           sa.or_(Meeting.status.in_(IN_FEED), Meeting.status == "cancelled"))
    .order_by(Meeting.starts_at, Meeting.id)
)


def feed_rows(user_id: uuid.UUID) -> list[ics.EventRow]:
    """The meetings the feed of this user shows, oldest first."""
    return [ics.EventRow(*row[:10]) for row in db.session.execute(_ROWS, {"user_id": user_id})]


def feed_ics(state: FeedState, base_url: str) -> bytes:
    """The whole feed of the user of `state`, in their language: each stored VEVENT whose key is
    still the one computed now, the others written (and stored afterwards)."""
    events, fresh = [], []
    for *columns, side, key, body in db.session.execute(_ROWS, {"user_id": state.user_id}):
        row = ics.EventRow(*columns)
        now_key = ics.event_key(row, state.locale, base_url)
        if key == now_key:
            events.append(body.encode())
            continue
        event = ics._event(row, state.locale, base_url)
        events.append(event)
        fresh.append({"meeting_id": row.id, "side": side, "key": now_key, "body": event.decode()})
    answer = ics.assemble(events)
    if fresh:
        _store_after_read(fresh)
    return answer


def _upsert(values: list[dict]) -> None:
    """Insert or replace stored VEVENTs (one statement), in the caller's transaction."""
    conn = db.session.connection()
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(CalendarEvent)
    conn.execute(stmt.on_conflict_do_update(index_elements=["meeting_id", "side"],
                                            set_={"key": stmt.excluded.key, "body": stmt.excluded.body}), values)


def _store_after_read(values: list[dict]) -> None:
    """Store what the feed had to write, in a short transaction of its own. A failure (a meeting
    deleted meanwhile, a busy database) is logged: the next feed writes those events again."""
    try:
        db.session.commit()  # end the reading transaction: SQLite cannot turn it into a writing one safely
        db.session.connection(execution_options={"sqlite_immediate": True})
        _upsert(values)
        db.session.commit()
    except Exception:  # noqa: BLE001  (the answer is built: storing is only a saving for later)
        db.session.rollback()
        current_app.logger.warning("calendar: %d written events not stored", len(values), exc_info=True)


# ---- a meeting changed: write both sides' events now ----------------------------------------

Newcomer = so.aliased(User, name="newcomer")
Buddy = so.aliased(User, name="buddy")
_BOTH_SIDES = (
    sa.select(*_EVENT_COLUMNS, Newcomer.display_name, Newcomer.locale, Buddy.display_name, Buddy.locale)
    .join(Match, Match.id == Meeting.match_id)
    .join(Newcomer, Newcomer.id == Match.newcomer_id)
    .join(Buddy, Buddy.id == Match.buddy_id)
    .where(Meeting.id == sa.bindparam("meeting_id"))
)


def store_meeting(meeting: Meeting) -> None:
    """Write the VEVENT of a changed meeting for both sides' feeds, each in that person's language
    with the other's name, and store them, in the caller's transaction (no commit). A meeting
    without a chosen time is in no feed: its stored events go."""
    if meeting.starts_at is None:
        db.session.execute(sa.delete(CalendarEvent).where(CalendarEvent.meeting_id == meeting.id))
        return
    if not (current_app.config.get("PUBLIC_URL") or has_request_context()):
        return  # no address to link to (a job without PUBLIC_URL): the feed writes them, keys tell
    base_url = app_url("/")
    # Read back as the feed reads it (after the mutation's flush): the same values, the same key.
    *columns, newcomer, newcomer_locale, buddy, buddy_locale = db.session.execute(
        _BOTH_SIDES, {"meeting_id": meeting.id}).one()
    values = []
    for side, partner, saved in (("newcomer", buddy, newcomer_locale), ("buddy", newcomer, buddy_locale)):
        row, locale = ics.EventRow(*columns, partner), feed_locale(saved)
        values.append({"meeting_id": meeting.id, "side": side, "key": ics.event_key(row, locale, base_url),
                       "body": ics._event(row, locale, base_url).decode()})
    _upsert(values)


if store_meeting not in meetings_service.MEETING_LISTENERS:
    meetings_service.MEETING_LISTENERS.append(store_meeting)


# ---- one meeting -----------------------------------------------------------------------------


def meeting_row(user: User, meeting_id: uuid.UUID) -> ics.EventRow:
    """One meeting of the user's active or paused matches, with any status.

    :raise 404: for a meeting of someone else's match (as if it did not exist).
    :raise 409: for a meeting without a chosen time (still proposed, or declined).
    """
    stmt = (
        sa.select(Meeting.id, Meeting.match_id, Meeting.status, Meeting.sequence, Meeting.starts_at,
                  Meeting.minutes, Meeting.place, Meeting.video_url, Meeting.updated_at, Partner.display_name)
        .join(Match, Match.id == Meeting.match_id)
        .join(Partner, Partner.id == _PARTNER_ID_OF_USER)
        .where(Meeting.id == meeting_id, Match.status.in_(ENGAGED),
               sa.or_(Match.newcomer_id == sa.bindparam("user_id"), Match.buddy_id == sa.bindparam("user_id")))
    )
    row = db.session.execute(stmt, {"user_id": user.id}).first()
    if row is None:
        raise NotFound()
    if row.starts_at is None:
        raise Conflict(NO_TIME)
    return ics.EventRow(*row)


def meeting_ics(user: User, meeting_id: uuid.UUID, locale: str, base_url: str) -> tuple[bytes, dt.datetime]:
    """The .ics of one meeting (to add it to a calendar by hand) and its start."""
    row = meeting_row(user, meeting_id)
    return ics.calendar([row], locale, base_url, published=False), row.starts_at
