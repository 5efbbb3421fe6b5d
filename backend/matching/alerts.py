"""`flask --app backend alerts` (run daily, or hourly, from cron): the matching alerts.

1. Expiry: a proposal nobody answered within proposal_expiry_days (14) expires; both parties
   and the branch's coordinators hear of it. Two days before, a party who has not answered
   yet gets a reminder.
2. Planned end: planned_end_notice_days (14) before a match's planned end, its coordinators
   get a notice.
3. Quiet pairs: a pair is quiet when nothing new arrived in its scope match:<id> for a while.
   The sync feed (sync_changes) keeps the latest state of each row with the time it changed,
   but not who wrote it; every row in a match scope is written by the pair's own mutations (the
   lifecycle's rows live in each party's user scope, never in match:<id>), so the newest change
   in the scope is the pair's last activity (but for NOT_TOGETHER: the newcomer's own practice summary). Before any, the start of the spell is the
   approval or the last resume. After quiet_buddy_days (14) the buddy gets a gentle notice,
   after quiet_newcomer_days (21) the newcomer too, after quiet_coordinator_days (28) the
   branch's coordinators. Paused matches are not watched.

Each alert is sent once: its key (match, spell) is inserted into match_alerts first, in the
same transaction as its notices; an alert whose key exists already is skipped. The spell of a
quiet pair is named by the moment of its last activity, so the next quiet spell alerts again.
Running twice changes nothing, and two instances at once never send an alert twice: the second
insert of a key waits for the first transaction and then finds the row (the primary key).
"""
import datetime as dt

import sqlalchemy as sa
from flask_babel import LazyString, format_date, lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from backend.db import utcnow
from backend.extensions import db
from backend.matching import service
from backend.matching.models import AlertSent, Match, MatchEvent
from backend.orgs import access
from backend.orgs.models import Organisation
from backend.orgs.service import subtree_clause
from backend.orgs.settings import get_setting
from backend.sync.models import SyncChange

REMIND_DAYS = 2  # a party who has not answered hears this long before the proposal expires

QUIET = {
    "buddy": _l("Het is een tijdje stil tussen jou en je nieuwkomer. Spreek je binnenkort weer af?"),
    "newcomer": _l("Het is een tijdje stil tussen jou en je maatje. Stuur een berichtje of plan een afspraak."),
    "coordinator": _l("Een koppeling is al een tijd stil. Neem contact op met het maatje en de nieuwkomer."),
}
QUIET_SETTINGS = {"buddy": "quiet_buddy_days", "newcomer": "quiet_newcomer_days",
                  "coordinator": "quiet_coordinator_days"}


def claim(match_id, spell: str, now) -> bool:
    """Insert the alert's key; return False when it was sent already (by this run or another)."""
    conn = db.session.connection()
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(AlertSent).values(match_id=match_id, spell=spell, at=now).on_conflict_do_nothing()
    return conn.execute(stmt.returning(AlertSent.spell)).first() is not None


def run(now: dt.datetime | None = None) -> dict:
    """Send every alert that is due at `now`; return how many of each kind went out."""
    now = now or utcnow()
    counts = {"expired": 0, "reminded": 0, "planned_end": 0, "quiet": 0}
    counts["expired"] = expire_proposals(now)
    counts["reminded"] = remind_proposals(now)
    counts["planned_end"] = planned_ends(now)
    counts["quiet"] = quiet_pairs(now)
    return counts


def expire_proposals(now) -> int:
    """Expire the proposals whose time is up; return how many."""
    due = db.session.scalars(sa.select(Match.id).where(Match.status == "proposed", Match.expires_at <= now)).all()
    db.session.rollback()
    return sum(1 for match_id in due if service.expire(match_id, now) is not None)


def remind_proposals(now) -> int:
    """Remind the parties who have not answered a proposal that expires soon."""
    due = db.session.scalars(sa.select(Match).where(
        Match.status == "proposed", Match.expires_at > now, Match.expires_at <= now + dt.timedelta(days=REMIND_DAYS)
    )).all()
    sent = 0
    for match in due:
        for role, user_id, answer in (("newcomer", match.newcomer_id, match.newcomer_answer),
                                      ("buddy", match.buddy_id, match.buddy_answer)):
            if answer is None and claim(match.id, f"expiring:{role}", now):
                service.notify(user_id, "match_expiring",
                           _l("Een voorstel voor een maatje verloopt bijna. Geef je antwoord."))
                sent += 1
        db.session.commit()
    return sent


def planned_ends(now) -> int:
    """Tell the coordinators of matches whose planned end is near; return how many matches."""
    today = now.date()
    sent = 0
    matches = db.session.scalars(sa.select(Match).where(
        Match.status.in_(service.ENGAGED), Match.planned_end.is_not(None), Match.planned_end >= today)).all()
    for match in matches:
        org = db.session.get(Organisation, match.organisation_id)
        if match.planned_end - dt.timedelta(days=get_setting(org, "planned_end_notice_days")) > today:
            continue
        if claim(match.id, f"planned_end:{match.planned_end.isoformat()}", now):
            for user in access.branch_coordinators(match.organisation_id):
                service.notify(user.id, "match_planned_end",
                           _l("Een koppeling nadert haar geplande einddatum (%(date)s). Bespreek het vervolg.",
                              date=LazyString(format_date, match.planned_end, "long")))
            sent += 1
        db.session.commit()
    return sent


STARTS = ("approve", "resume", "create")  # the events that begin a spell of working together
# Rows in a match scope that are not something the pair did together: the newcomer's practice
# summary shared with the buddy (practice_share) changes when the newcomer practises alone.
NOT_TOGETHER = ("practice_share",)


def last_activity(match: Match) -> dt.datetime:
    """Return when the pair last did something: the newest change in the match scope, or else
    the approval or last resume, whichever is later."""
    return last_activities([match])[match.id]


def last_activities(matches: list[Match]) -> dict:
    """Return {match id: last activity} for many matches in two grouped queries (not two per match)."""
    if not matches:
        return {}
    scopes = {match.scope: match.id for match in matches}
    newest = {scopes[scope]: at for scope, at in db.session.execute(
        sa.select(SyncChange.scope, sa.func.max(SyncChange.changed_at))
        .where(SyncChange.scope.in_(list(scopes)), SyncChange.entity.not_in(NOT_TOGETHER))
        .group_by(SyncChange.scope))}
    started = dict(db.session.execute(
        sa.select(MatchEvent.match_id, sa.func.max(MatchEvent.at))
        .where(MatchEvent.match_id.in_([m.id for m in matches]), MatchEvent.action.in_(STARTS))
        .group_by(MatchEvent.match_id)).all())
    out = {}
    for match in matches:
        moments = [m for m in (newest.get(match.id), started.get(match.id), match.approved_at) if m is not None]
        out[match.id] = max(moments) if moments else match.created_at
    return out


def quiet_matches(now, org: Organisation | None = None) -> list[tuple[Match, dt.datetime, float]]:
    """Return the active matches (of `org`'s subtree, else all) quiet for at least their branch's
    quiet_buddy_days, as (match, last activity, days quiet), the quietest first.

    A fixed number of queries whatever the number of pairs: the last activities grouped, the
    setting once per branch."""
    query = sa.select(Match).where(Match.status == "active")
    if org is not None:
        query = query.where(subtree_clause(Match.organisation_id, org))
    matches = db.session.scalars(query).all()
    lasts = last_activities(matches)
    limits = {}
    quiet = []
    for match in matches:
        if match.organisation_id not in limits:
            limits[match.organisation_id] = get_setting(db.session.get(Organisation, match.organisation_id),
                                                        "quiet_buddy_days")
        since = lasts[match.id]
        days = (now - since).total_seconds() / 86400
        if days >= limits[match.organisation_id]:
            quiet.append((match, since, days))
    return sorted(quiet, key=lambda q: (-q[2], str(q[0].id)))


def quiet_pairs(now) -> int:
    """Send the quiet-pair notices due now; return how many notices went out."""
    sent = 0
    for match, since, quiet_days in quiet_matches(now):
        org = db.session.get(Organisation, match.organisation_id)
        spell = since.replace(microsecond=0).isoformat(timespec="seconds").replace("+00:00", "")
        for who, setting in QUIET_SETTINGS.items():
            if quiet_days < get_setting(org, setting) or not claim(match.id, f"quiet:{spell}:{who}", now):
                continue
            if who == "coordinator":
                recipients = [u.id for u in access.branch_coordinators(match.organisation_id)]
            else:
                recipients = [match.buddy_id if who == "buddy" else match.newcomer_id]
            for user_id in recipients:
                service.notify(user_id, f"match_quiet_{who}", QUIET[who])
                sent += 1
        db.session.commit()
    return sent
