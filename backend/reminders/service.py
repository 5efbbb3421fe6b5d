"""`flask --app backend reminders` (cron, every 5 minutes): remind both people of a confirmed
meeting of an active match, 24 hours and 1 hour before it (docs/reminders.md).

A reminder is due at `now` for the moment "24h" when now is in [start - 24h, start - 1h), for
"1h" when in [start - 1h, start). Each person gets an in-app notice (in their user: scope; the
match: scope holds only the pair's own writes, which the quiet-pair alert relies on) and a Web
Push on each of their devices.

Exactly once per (meeting, moment, start time, target): the key is inserted into
reminders_sent first (INSERT ... ON CONFLICT DO NOTHING), committed together with the notice,
and only then are the pushes sent (each only if its subscription still belongs to the recipient).
Of two processes at once, the second insert of a key waits for the first transaction and then
does nothing, so it sends nothing. A push that fails is not
retried (at most once: a reminder too late is worse than none). A rescheduled meeting has a new
start time, so a new key, and is reminded of again.
"""
import datetime as dt

import sqlalchemy as sa
from babel.dates import format_time
from flask import current_app
from flask_babel import force_locale, lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from backend.accounts.names import first_name
from backend.amsterdam import AMSTERDAM
from backend.accounts.models import User
from backend.db import utcnow
from backend.extensions import db
from backend.matching.models import Match
from backend.meetings.models import Meeting
from backend.notices.service import add_notice, recipient_locale
from backend.push import service as push
from backend.reminders.models import ReminderSent

WINDOWS = {"24h": dt.timedelta(hours=24), "1h": dt.timedelta(hours=1)}


def _title():
    # TRANSLATORS: title of a reminder notification on the phone, shown above "Morgen om 10:00: ...".
    return _l("Herinnering aan je afspraak")


def _text(moment: str, same_day: bool, time: str, name: str):
    """The reminder's sentence (a lazy string: the phone words the notice in its own language)."""
    if moment == "1h":
        # TRANSLATORS: reminder one hour before a meeting; %(time)s e.g. 10:00, %(name)s the other person's first name.
        return _l("Over een uur, om %(time)s: afspraak met %(name)s.", time=time, name=name)
    if same_day:
        # TRANSLATORS: reminder on the day of a meeting; %(time)s e.g. 10:00, %(name)s the other person's first name.
        return _l("Vandaag om %(time)s: afspraak met %(name)s.", time=time, name=name)
    # TRANSLATORS: reminder the day before a meeting; %(time)s e.g. 10:00, %(name)s the other person's first name.
    return _l("Morgen om %(time)s: afspraak met %(name)s.", time=time, name=name)


def due_moment(starts_at: dt.datetime, now: dt.datetime) -> str | None:
    """Return "24h", "1h" or None: which reminder of a meeting starting at `starts_at` is due at `now`."""
    if now >= starts_at:
        return None
    if now >= starts_at - WINDOWS["1h"]:
        return "1h"
    if now >= starts_at - WINDOWS["24h"]:
        return "24h"
    return None


def meeting_link(meeting: Meeting) -> str:
    """The PWA's address of the meeting (the notice's link and the push's url)."""
    return f"/maatje/{meeting.match_id}/afspraak/{meeting.id}"


def claim(meeting: Meeting, moment: str, target: str, now: dt.datetime) -> bool:
    """Insert the reminder's key; return False when it went out already (this run or another)."""
    conn = db.session.connection()
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(ReminderSent).values(meeting_id=meeting.id, moment=moment, starts_at=meeting.starts_at,
                                       target=target, at=now).on_conflict_do_nothing()
    return conn.execute(stmt.returning(ReminderSent.target)).first() is not None



def _words(meeting: Meeting, moment: str, other_name: str, now: dt.datetime, locale: str):
    """Return (title, body) as lazy strings, their values written in `locale`."""
    local_start = meeting.starts_at.astimezone(AMSTERDAM)
    time = format_time(local_start, format="short", tzinfo=AMSTERDAM, locale=locale)
    same_day = local_start.date() == now.astimezone(AMSTERDAM).date()
    return _title(), _text(moment, same_day, time, other_name)


def due_meetings(now: dt.datetime) -> list[tuple[Meeting, Match]]:
    """Return the confirmed meetings of active matches starting within the next 24 hours."""
    rows = db.session.execute(
        sa.select(Meeting, Match).join(Match, Match.id == Meeting.match_id)
        .where(Meeting.status == "confirmed", Match.status == "active", Meeting.starts_at.is_not(None),
               Meeting.starts_at > now, Meeting.starts_at <= now + WINDOWS["24h"])
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    return [(meeting, match) for meeting, match in rows]


def run(now: dt.datetime | None = None) -> dict:
    """Send the reminders due at `now`; return how many notices and pushes went out (and failed)."""
    now = now or utcnow()
    counts = {"meetings": 0, "notices": 0, "pushes": 0, "push_failed": 0}
    due = due_meetings(now)
    db.session.rollback()
    for meeting_id, match_id in [(m.id, m.match_id) for m, _ in due]:
        outgoing = _remind(meeting_id, now, counts)
        for subscription_id, user_id, payload, urgency in outgoing:
            # Read again: unsubscribed, its session ended, or the browser re-subscribed by someone
            # else (a shared phone) since the claim: the push is not sent.
            subscription = push.subscription_of(subscription_id, user_id)
            if subscription is None:
                continue
            if push.send(subscription, payload, urgency):
                counts["pushes"] += 1
            else:
                counts["push_failed"] += 1
        db.session.rollback()
    return counts


def _remind(meeting_id, now: dt.datetime, counts: dict) -> list[tuple]:
    """Claim and leave the notices of one meeting, commit, and return the pushes to send."""
    row = db.session.execute(sa.select(Meeting, Match).join(Match, Match.id == Meeting.match_id)
                             .where(Meeting.id == meeting_id)).first()
    if row is None:
        return []
    meeting, match = row
    # Read again: it may have been cancelled, rescheduled or paused since the list was made.
    moment = due_moment(meeting.starts_at, now) if meeting.starts_at else None
    if meeting.status != "confirmed" or match.status != "active" or moment is None:
        db.session.rollback()
        return []
    counts["meetings"] += 1
    people = {user.id: user for user in db.session.scalars(
        sa.select(User).where(User.id.in_((match.newcomer_id, match.buddy_id))))}
    outgoing = []
    link = meeting_link(meeting)
    for user_id, other_id in ((match.newcomer_id, match.buddy_id), (match.buddy_id, match.newcomer_id)):
        other_name = first_name(people[other_id].display_name) if other_id in people else ""
        if claim(meeting, moment, f"notice:{user_id}", now):
            locale = recipient_locale(user_id)
            _, body = _words(meeting, moment, other_name, now, locale)
            add_notice(user_id, "reminder", "meeting_reminder", body, link=link)
            counts["notices"] += 1
        for subscription in push.subscriptions_of(user_id):
            if not claim(meeting, moment, f"push:{subscription.id}", now):
                continue
            locale = subscription.locale if subscription.locale in current_app.config["LANGUAGES"] \
                else recipient_locale(user_id)
            title, body = _words(meeting, moment, other_name, now, locale)
            with force_locale(locale):
                payload = {"title": str(title), "body": str(body), "url": link,
                           "tag": f"meeting-{meeting.id}", "lang": locale,
                           "dir": "rtl" if locale in current_app.config["RTL_LANGUAGES"] else "ltr"}
            outgoing.append((subscription.id, user_id, payload, "high" if moment == "1h" else "normal"))
    db.session.commit()
    return outgoing
