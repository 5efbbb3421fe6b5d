"""Shared activities of a pair: log one, remove one (docs/meetings.md, "Activities and goals").

Activities are append-only: every one has its own id, made on the phone, so two phones never
overwrite each other. An id that exists already is never overwritten: the same content again is
harmless (a phone that never heard the answer), other content is rejected.

Functions named apply_* work in the caller's transaction (the sync push owns it).
"""
import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l, lazy_ngettext

from backend.amsterdam import amsterdam_day
from backend.activities.models import Activity
from backend.catalogues.catalogue import ACTIVITY_TYPES
from backend.db import utcnow
from backend.extensions import db
from backend.matching.models import Match
from backend.matching.service import role_of
from backend.matching.sync import require_writable_match
from backend.sync import changes
from backend.sync.models import SyncChange
from backend.sync.registry import Rejected
from backend.sync.scopes import require_scope

# Limits per match and day (docs/meetings.md, "Limits"): one partner may not flood the other's
# phone, nor an MDT buddy's hours. The day is the activity's own (a day in Amsterdam).
MAX_PER_DAY = 10  # activities
MAX_MINUTES_PER_DAY = 16 * 60  # their minutes together (the hours count no more per day either)
NO_ACCESS = _l("Je hebt geen toegang meer tot deze gegevens.")
UNKNOWN_TYPE = _l("Kies een soort activiteit uit de lijst.")
DAY_IN_FUTURE = _l("Een activiteit kun je pas vastleggen op de dag zelf of later.")
DAY_BEFORE_MATCH = _l("Deze dag is van voor het begin van jullie koppeling.")
ID_TAKEN = _l("Deze activiteit bestaat al met andere gegevens. Leg haar opnieuw vast.")
TOO_MANY_ON_DAY = lazy_ngettext(
    "Op één dag kunnen jullie hoogstens %(num)d activiteit vastleggen. Kies een andere dag, of verwijder eerst een activiteit van deze dag.",
    "Op één dag kunnen jullie hoogstens %(num)d activiteiten vastleggen. Kies een andere dag, of verwijder eerst een activiteit van deze dag.",
    MAX_PER_DAY)
TOO_LONG_ON_DAY = lazy_ngettext(
    "Op één dag kunnen jullie hoogstens %(num)d uur aan activiteiten vastleggen. Kijk of de tijd klopt, of verwijder eerst een activiteit van deze dag.",
    "Op één dag kunnen jullie hoogstens %(num)d uur aan activiteiten vastleggen. Kijk of de tijd klopt, of verwijder eerst een activiteit van deze dag.",
    MAX_MINUTES_PER_DAY // 60)
CONTENT = ("type", "day", "minutes", "initiative", "note")


def activity_data(activity: Activity) -> dict:
    """Return the synced "activity" row: exactly the fields of ActivityRowSchema."""
    return {
        "id": str(activity.id), "match_id": str(activity.match_id), "type": activity.type,
        "domain": activity.domain, "day": activity.day.isoformat(), "minutes": activity.minutes,
        "initiative": activity.initiative, "note": activity.note or "", "logged_by": activity.logged_by,
        "created_at": activity.created_at.isoformat() if activity.created_at else None,
    }


def _check_day(match: Match, day: dt.date, now: dt.datetime) -> None:
    if day > amsterdam_day(now):
        raise Rejected("day_in_future", DAY_IN_FUTURE)
    if match.approved_at is not None and day < amsterdam_day(match.approved_at):
        raise Rejected("day_before_match", DAY_BEFORE_MATCH)


def _check_day_limits(match: Match, day: dt.date, minutes: int) -> None:
    """Refuse an activity past the day's limits of the match (MAX_PER_DAY, MAX_MINUTES_PER_DAY).

    The match row is locked first (FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE serialises
    writers already), so two pushes at once cannot both pass the count.
    """
    db.session.execute(sa.select(Match.id).where(Match.id == match.id).with_for_update())
    count, used = db.session.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(Activity.minutes), 0))
        .where(Activity.match_id == match.id, Activity.day == day)).one()
    if count >= MAX_PER_DAY:
        raise Rejected("too_many_activities", TOO_MANY_ON_DAY)
    if used + minutes > MAX_MINUTES_PER_DAY:
        raise Rejected("too_many_minutes", TOO_LONG_ON_DAY)


def apply_log(user, args: dict, now: dt.datetime | None = None) -> Activity:
    """Log an activity of the pair (either side), from the arguments of `activity.log`. No commit.

    :raise Rejected: scope_forbidden / match_paused (the match), invalid_args (a type outside the
        catalogue), day_in_future, day_before_match, activity_exists (the id holds other content).
    """
    now = now or utcnow()
    match = require_writable_match(args["match_id"], user)
    existing = db.session.get(Activity, args["id"])
    if existing is not None:
        if existing.match_id != match.id:
            require_scope(user, f"match:{existing.match_id}")  # someone else's id: as if unknown
            raise Rejected("activity_exists", ID_TAKEN, activity_data(existing))
        wanted = {**args, "note": args.get("note") or ""}
        if any(getattr(existing, key) != wanted[key] for key in CONTENT):
            raise Rejected("activity_exists", ID_TAKEN, activity_data(existing))
        return existing  # the same intent again (a lost answer): nothing changes
    if args["type"] not in ACTIVITY_TYPES:
        raise Rejected("invalid_args", UNKNOWN_TYPE)
    _check_day(match, args["day"], now)
    _check_day_limits(match, args["day"], args["minutes"])
    activity = Activity(id=args["id"], match_id=match.id, type=args["type"], domain=ACTIVITY_TYPES[args["type"]][0],
                        day=args["day"], minutes=args["minutes"], initiative=args["initiative"],
                        note=args.get("note") or "", logged_by=role_of(match, user.id), created_at=now)
    db.session.add(activity)
    db.session.flush()
    changes.record_put("activity", activity.id, match.scope, activity_data(activity))
    return activity


def apply_remove(user, activity_id) -> None:
    """Remove an activity (either side): the row goes, a tombstone tells both phones. No commit.

    Removing one again (the other phone was first) is harmless while its tombstone is in a scope
    the user holds.

    :raise Rejected: scope_forbidden for an id outside the user's matches and for one that never
        existed (both answer alike); match_paused while the match is paused.
    """
    activity = db.session.get(Activity, activity_id)
    if activity is None:
        scope = _tombstone_scope(activity_id)
        if scope is None:
            raise Rejected("scope_forbidden", NO_ACCESS)
        require_scope(user, scope)
        return  # removed already: nothing to do
    match = require_writable_match(activity.match_id, user)
    db.session.delete(activity)
    changes.record_del("activity", activity_id, match.scope)


def _tombstone_scope(activity_id) -> str | None:
    """Return the scope of a removed activity's tombstone (in the feed, or pending in this batch)."""
    key = str(activity_id)
    for entity, entity_id, scope, op, _ in changes.pending():
        if entity == "activity" and entity_id == key and op == "del":
            return scope
    return db.session.scalar(sa.select(SyncChange.scope).where(
        SyncChange.entity == "activity", SyncChange.entity_id == key, SyncChange.op == "del"))
