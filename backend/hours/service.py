"""A buddy's hours: held meetings the buddy attended plus the pair's activities.

Counted over all the buddy's matches (ended ones too), within the MDT service period
(BuddyProfile.mdt_start .. mdt_end, both days included, in Amsterdam) against mdt_hours_target
(80 when not set). A volunteer gets the same without a target and without a period. A meeting
counts with the minutes of its chosen slot, on its day in Amsterdam, only once it is marked held
with the buddy among those who came. No notes: the entries name the day, the kind, the activity
type, the minutes and the newcomer's first name.

A day counts at most MAX_MINUTES_PER_DAY (16 hours, the same as activity.log allows per match):
held meetings first (both sides took part in them), then activities up to what is left. The
entries still show what was logged; `capped_days` says on how many days the count was cut.
"""
import datetime as dt

import sqlalchemy as sa

from backend.accounts.names import first_name
from backend.accounts import sessions
from backend.accounts.models import User
from backend.activities.models import Activity
from backend.activities.service import MAX_MINUTES_PER_DAY
from backend.amsterdam import amsterdam_day, start_of
from backend.audit.service import log_read
from backend.buddies.models import BuddyProfile
from backend.db import utcnow
from backend.errors import NotFound
from backend.extensions import db
from backend.matching.models import Match
from backend.meetings.models import Meeting
from backend.orgs import access

DEFAULT_TARGET_HOURS = 80



def period_of(profile: BuddyProfile) -> tuple[dt.date | None, dt.date | None]:
    """Return the service period (first day, last day): MDT only; None is open."""
    if profile.kind != "mdt":
        return None, None
    return profile.mdt_start, profile.mdt_end


def hours_of(profile: BuddyProfile, now: dt.datetime | None = None) -> dict:
    """Return the buddy's hours: totals, the entries newest first, the target and the period."""
    now = now or utcnow()
    start, end = period_of(profile)
    partners = dict(db.session.execute(
        sa.select(Match.id, User.display_name).join(User, User.id == Match.newcomer_id)
        .where(Match.buddy_id == profile.user_id)).all())
    meetings = sa.select(Meeting.match_id, Meeting.starts_at, Meeting.minutes, Meeting.attended).where(
        Meeting.match_id.in_(list(partners)), Meeting.status == "held", Meeting.starts_at.is_not(None))
    activities = sa.select(Activity.match_id, Activity.day, Activity.type, Activity.minutes).where(
        Activity.match_id.in_(list(partners)))
    if start is not None:
        meetings = meetings.where(Meeting.starts_at >= start_of(start))
        activities = activities.where(Activity.day >= start)
    if end is not None:
        meetings = meetings.where(Meeting.starts_at < start_of(end + dt.timedelta(days=1)))
        activities = activities.where(Activity.day <= end)
    entries = []
    if partners:
        for match_id, starts_at, minutes, attended in db.session.execute(meetings):
            if "buddy" in (attended or []) and minutes:
                entries.append({"day": amsterdam_day(starts_at), "kind": "meeting", "type": None,
                                "minutes": minutes, "with": first_name(partners[match_id])})
        for match_id, day, kind, minutes in db.session.execute(activities):
            entries.append({"day": day, "kind": "activity", "type": kind, "minutes": minutes,
                            "with": first_name(partners[match_id])})
    entries.sort(key=lambda e: (e["day"], e["kind"], e["type"] or "", e["minutes"]), reverse=True)
    in_meetings, in_activities, capped_days = _capped(entries)
    mdt = profile.kind == "mdt"
    return {
        "kind": profile.kind,
        "target_hours": (profile.mdt_hours_target or DEFAULT_TARGET_HOURS) if mdt else None,
        "service_start": start, "service_end": end,
        "minutes_total": in_meetings + in_activities,
        "minutes_meetings": in_meetings, "minutes_activities": in_activities,
        "capped_days": capped_days,
        "entries": entries, "as_of": now,
    }


def _capped(entries: list[dict]) -> tuple[int, int, int]:
    """Return the minutes of meetings and of activities that count, and the number of days cut.

    Per day at most MAX_MINUTES_PER_DAY: the meetings first, the activities up to the rest.
    """
    days: dict[dt.date, list[int]] = {}
    for entry in entries:
        day = days.setdefault(entry["day"], [0, 0])
        day[entry["kind"] == "activity"] += entry["minutes"]
    in_meetings = in_activities = capped_days = 0
    for meetings, activities in days.values():
        counted_meetings = min(meetings, MAX_MINUTES_PER_DAY)
        counted_activities = min(activities, MAX_MINUTES_PER_DAY - counted_meetings)
        in_meetings += counted_meetings
        in_activities += counted_activities
        capped_days += meetings + activities > MAX_MINUTES_PER_DAY
    return in_meetings, in_activities, capped_days


def my_hours(user) -> dict:
    """Return the hours of the logged-in buddy.

    :raise 404: for anyone without a buddy profile.
    """
    profile = db.session.get(BuddyProfile, user.id) if user is not None else None
    if profile is None:
        raise NotFound()
    return hours_of(profile)


def buddy_hours(coordinator, buddy_id) -> dict:
    """Return a buddy's hours to a coordinator who may read that buddy's profile; the read is logged.

    :raise 404: for anyone else (another branch, a province, a non-coordinator), as if missing.
    """
    if not access.is_coordinator(coordinator):
        raise NotFound()
    sessions.begin_write()  # the read log writes
    profile = access.load_personal(coordinator, BuddyProfile, buddy_id)
    log_read(coordinator, profile.user_id, profile.organisation_id, "buddy_hours")
    db.session.commit()
    return hours_of(profile)
