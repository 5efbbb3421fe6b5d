"""The match lifecycle: propose, answer, approve, pause, resume, end, evaluate, expire.

    proposed --accept (both)--> agreed --approve--> active <--pause/resume--> paused
    proposed/agreed --decline (a party)--> declined      proposed/agreed --withdraw--> withdrawn
    proposed --expire (flask alerts)--> expired          active/paused --end--> ended

Who does what:
- a coordinator of the newcomer's municipal branch proposes, approves, withdraws, pauses,
  resumes and ends (REST, matching/routes.py);
- the newcomer and the buddy each accept or decline on their own (sync mutations, offline
  too), may end an active or paused match, and evaluate it once after the end;
- pause and resume are the coordinator's alone: a pause is a decision about the pair (a
  concern, a long absence), and either party can still end the match. A party's "report a
  concern" that pauses comes with the safeguarding feature.

Every transition is a MatchEvent (seq 1, 2, ... per match: who, when, from, to, reason, note),
so replaying a match's events gives its status. An invalid transition is a 409 with a
translated message. Each transition locks the match row first (two answers at once cannot
both miss the other's); proposing and approving also lock the buddy's BuddyProfile row and
count the buddy's matches inside that lock, so two coordinators at once never push a buddy
over capacity. A newcomer's single open match is held by the partial unique index on
matches (an IntegrityError becomes a 409).

Functions named apply_* work in the caller's transaction (sync mutations); the others own
their transaction and commit.
"""
import calendar
import datetime as dt

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import lazy_gettext as _l

from backend.accounts.names import first_name
from backend.accounts.models import User
from backend.buddies.models import BuddyProfile
from backend.catalogues import catalogue
from backend.db import utcnow
from backend.errors import Conflict, NotFound
from backend.extensions import db
from backend.matching import rules
from backend.orgs import access
from backend.orgs.access import can_read_personal, is_coordinator, require_coordinator, require_personal
from backend.matching.models import OPEN, Match, MatchEvaluation, MatchEvent
from backend.newcomers.models import NewcomerIntake
from backend.notices.service import add_notice
from backend.orgs.models import Organisation
from backend.orgs.service import subtree_clause
from backend.orgs.settings import get_setting
from backend.sync import changes

# The statuses in which the pair works together and holds the scope match:<id>.
ENGAGED = ("active", "paused")
# Which statuses each transition starts from.
FROM = {
    "accept": ("proposed",),
    "decline": ("proposed", "agreed"),
    "approve": ("agreed",),
    "withdraw": ("proposed", "agreed"),
    "pause": ("active",),
    "resume": ("paused",),
    "end": ENGAGED,
    "expire": ("proposed",),
    "evaluate": ("ended",),
}

# The status in words, to fit "... die %(status)s is".
# Why an action is refused, by the match's status: whole sentences (no words glued together,
# which reads wrong in most languages).
REFUSED_IN_STATUS = {
    "proposed": _l("Dat kan nu niet: dit is nog een voorstel."),
    "agreed": _l("Dat kan nu niet: de koppeling wacht op goedkeuring van de coördinator."),
    "active": _l("Dat kan niet bij een koppeling die loopt."),
    "paused": _l("Dat kan niet: de koppeling staat op pauze."),
    "ended": _l("Dat kan niet meer: de koppeling is beëindigd."),
    "declined": _l("Dat kan niet meer: het voorstel is afgewezen."),
    "expired": _l("Dat kan niet meer: het voorstel is verlopen."),
    "withdrawn": _l("Dat kan niet meer: het voorstel is ingetrokken."),
}
ALREADY_OPEN = _l("Deze nieuwkomer heeft al een voorstel of een lopende koppeling.")
NO_INTAKE = _l("Doe eerst de intake van deze nieuwkomer.")
NO_BUDDY_PROFILE = _l("Deze persoon heeft geen maatjesprofiel.")
PROPOSAL_EXPIRED = _l("Dit voorstel is verlopen: er is te lang niet op geantwoord.")
ALREADY_EVALUATED = _l("Je hebt deze koppeling al beoordeeld.")
ENGAGED_FULL = _l("Dit maatje heeft al zoveel actieve koppelingen als het aankan.")


def invalid_transition(action: str, status: str) -> Conflict:
    """Return the 409 of an action (`action`, for the log) the match's status does not allow."""
    return Conflict(REFUSED_IN_STATUS[status])


def _now(now):
    return now or utcnow()


# -- reading --------------------------------------------------------------------------------

def _locked(match_id) -> Match | None:
    """Return the match, its row locked for this transaction and read fresh (None if missing)."""
    return db.session.scalars(
        sa.select(Match).where(Match.id == match_id).with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def _coordinated(user, match_id, lock=True) -> Match:
    """Return a match the coordinator may act on; 403 for a non-coordinator, 404 outside the branch."""
    require_coordinator(user)
    match = _locked(match_id) if lock else db.session.get(Match, match_id)
    if match is None or not can_read_personal(user, db.session.get(Organisation, match.organisation_id)):
        raise NotFound()
    return match


def _as_party(user, match_id, lock=True) -> tuple[Match, str]:
    """Return a match the user is a party to and their role in it; 404 for anyone else."""
    match = _locked(match_id) if lock else db.session.get(Match, match_id)
    if match is None or user is None:
        raise NotFound()
    if match.newcomer_id == user.id:
        return match, "newcomer"
    if match.buddy_id == user.id:
        return match, "buddy"
    raise NotFound()


def role_of(match: Match, user_id) -> str | None:
    """Return "newcomer" or "buddy" for a party of the match, else None."""
    return {match.newcomer_id: "newcomer", match.buddy_id: "buddy"}.get(user_id)


def get_match(user, match_id) -> dict:
    """Return what the user may see of a match: the coordinator's view, or a party's own view.

    :raise 404: for anyone else (a coordinator outside the branch, a party of another match).
    """
    match = db.session.get(Match, match_id)
    role = role_of(match, user.id) if match is not None else None
    if role is not None:
        return party_view(match, role)
    if not is_coordinator(user):
        raise NotFound()  # a party of another match learns nothing, not even that it exists
    match = _coordinated(user, match_id, lock=False)
    return coordinator_view(match)


def list_matches(user, status=None):
    """Return a query of the matches of the coordinator's branch, newest first.

    Provincial and national coordinators see none here (names are personal data): their
    counts per branch are on the dashboard.
    """
    require_coordinator(user)
    org = user.organisation
    if not can_read_personal(user, org):
        return sa.select(Match).where(sa.false())
    query = (sa.select(Match).where(subtree_clause(Match.organisation_id, org))
             .options(so.selectinload(Match.newcomer), so.selectinload(Match.buddy)))
    if status:
        query = query.where(Match.status.in_(status))
    return query.order_by(Match.created_at.desc(), Match.id)


def events_of(match_id) -> list[MatchEvent]:
    """Return the audit trail of a match, in order."""
    return list(db.session.scalars(sa.select(MatchEvent).where(MatchEvent.match_id == match_id)
                                   .order_by(MatchEvent.seq)))


def _person(user_id) -> dict | None:
    user = db.session.get(User, user_id) if user_id else None
    return {"id": user.id, "display_name": user.display_name} if user else None


def together(match_id, now=None) -> dict:
    """Return what the pair did together, in counts and dates only (never a note, a place or a
    goal's words): meetings held, upcoming confirmed, proposed and cancelled with the last held and
    the next confirmed start; activities per domain (count, minutes) and the last day; goals and
    how many are done. Two aggregate queries."""
    from backend.activities.models import Activity
    from backend.goals.models import Goal
    from backend.meetings.models import Meeting

    now = _now(now)
    m = Meeting
    held, coming = m.status == "held", sa.and_(m.status == "confirmed", m.starts_at > now)
    goals = sa.select(sa.func.count(Goal.id)).where(Goal.match_id == match_id)
    row = db.session.execute(sa.select(
        sa.func.count(m.id).filter(held), sa.func.count(m.id).filter(coming),
        sa.func.count(m.id).filter(m.status == "proposed"), sa.func.count(m.id).filter(m.status == "cancelled"),
        sa.func.max(m.starts_at).filter(held), sa.func.min(m.starts_at).filter(coming),
        goals.scalar_subquery(), goals.where(Goal.done_at.is_not(None)).scalar_subquery(),
    ).where(m.match_id == match_id)).one()
    by_domain = {domain: {"count": 0, "minutes": 0} for domain in ("taal", "werk", "meedoen")}
    last_day = None
    for domain, count, minutes, last in db.session.execute(
            sa.select(Activity.domain, sa.func.count(Activity.id), sa.func.sum(Activity.minutes), sa.func.max(Activity.day))
            .where(Activity.match_id == match_id).group_by(Activity.domain)):
        by_domain[domain] = {"count": count, "minutes": int(minutes or 0)}
        last_day = max(last_day, last) if last_day else last
    return {
        "meetings": {"held": row[0], "upcoming": row[1], "proposed": row[2], "cancelled": row[3],
                     "last_held": row[4], "next_confirmed": row[5]},
        "activities": {"count": sum(d["count"] for d in by_domain.values()),
                       "minutes": sum(d["minutes"] for d in by_domain.values()),
                       "last_day": last_day, "by_domain": by_domain},
        "goals": {"count": row[6] or 0, "done": row[7] or 0},
    }


def coordinator_view(match: Match) -> dict:
    """Return the coordinator's view of a match: both people, answers, score, the history and
    what the pair did together (counts and dates)."""
    org = db.session.get(Organisation, match.organisation_id)
    return {
        "together": together(match.id),
        "id": match.id, "status": match.status, "organisation": org.code,
        "newcomer": _person(match.newcomer_id), "buddy": _person(match.buddy_id),
        "newcomer_answer": match.newcomer_answer, "buddy_answer": match.buddy_answer,
        "created_at": match.created_at, "expires_at": match.expires_at,
        "approved_at": match.approved_at, "planned_end": match.planned_end,
        "ended_at": match.ended_at, "end_reason": match.end_reason, "score": match.score,
        "history": [
            {"seq": e.seq, "action": e.action, "actor": _person(e.actor_id), "from_status": e.from_status,
             "to_status": e.to_status, "reason": e.reason, "note": e.note, "at": e.at}
            for e in events_of(match.id)
        ],
    }


def party_view(match: Match, role: str) -> dict:
    """Return a party's view of a match over REST: the same as their synced match_offer."""
    return {"id": match.id, "status": match.status, "expires_at": match.expires_at,
            "planned_end": match.planned_end, "offer": offer_data(match, role)}


# -- the synced view of each party ------------------------------------------------------------


def _profile_of(user_id, role: str):
    """Return the newcomer's intake or the buddy's profile (None if there is none yet)."""
    return db.session.get(NewcomerIntake if role == "newcomer" else BuddyProfile, user_id)


def _intake_goals(intake) -> dict:
    """The intake's goal codes per domain, only codes the catalogue still knows."""
    goals = getattr(intake, "goals", None) or {}
    return {domain: [code for code in goals.get(domain, []) if code in catalogue.GOALS[domain]]
            for domain in catalogue.GOALS if goals.get(domain)}


def _municipality_name(code: str | None) -> str | None:
    if not code:
        return None
    return db.session.scalar(sa.select(Organisation.name).where(Organisation.code == code))


def contact_of(user: User) -> dict:
    """Return the contact details `user` chose to share with the other side of an active match."""
    shares = set(user.shares or ())
    contact = {}
    if "email" in shares and user.email:
        contact["email"] = user.email
    if "phone" in shares and user.phone:
        contact["phone"] = user.phone
    return contact


def offer_entity_id(match: Match, role: str) -> str:
    return f"{match.id}:{role}"


def offer_data(match: Match, role: str) -> dict:
    """Return the synced "match_offer" row of one party: what they may see of the match.

    The other's first name, municipality and what the two share (catalogue codes); never
    contact details before the match is active, and then only what the other chose to share.
    """
    other_role = "buddy" if role == "newcomer" else "newcomer"
    own_id = match.newcomer_id if role == "newcomer" else match.buddy_id
    other_id = match.buddy_id if role == "newcomer" else match.newcomer_id
    other = db.session.get(User, other_id)
    own_profile, other_profile = _profile_of(own_id, role), _profile_of(other_id, other_role)

    def shared(field):
        if own_profile is None or other_profile is None:
            return []
        theirs = set(getattr(other_profile, field) or ())
        return [code for code in getattr(own_profile, field) or () if code in theirs]

    evaluated = db.session.get(MatchEvaluation, (match.id, own_id)) is not None
    return {
        "id": offer_entity_id(match, role),
        "match_id": str(match.id),
        "role": role,
        "status": match.status,
        "other_first_name": first_name(other.display_name),
        "other_municipality": _municipality_name(other_profile.municipality_code if other_profile else None),
        "shared_languages": shared("languages"),
        "shared_interests": shared("interests"),
        "own_answer": match.newcomer_answer if role == "newcomer" else match.buddy_answer,
        "expires_at": match.expires_at.isoformat() if match.expires_at else None,
        "planned_end": match.planned_end.isoformat() if match.planned_end else None,
        "contact": contact_of(other) if match.status in ENGAGED else None,
        "evaluated": evaluated,
        "created_at": match.created_at.isoformat() if match.created_at else None,
        # The newcomer's goals from the intake, per domain (catalogue codes), once the two work
        # together: the pair's goals start from them (docs/meetings.md, "Activities and goals").
        "intake_goals": _intake_goals(own_profile if role == "newcomer" else other_profile)
        if match.status in ENGAGED else {},
        "approved_at": match.approved_at.isoformat() if match.approved_at else None,
        "ended_at": match.ended_at.isoformat() if match.ended_at else None,
    }


def publish_offers(match: Match) -> None:
    """Record both parties' match_offer rows in the feed (each in its owner's user scope)."""
    db.session.flush()
    for role, user_id in (("newcomer", match.newcomer_id), ("buddy", match.buddy_id)):
        changes.record_put("match_offer", offer_entity_id(match, role), f"user:{user_id}", offer_data(match, role))


def publish_contact_change(user_id) -> None:
    """Send the other side of each active or paused match of `user_id` their new contact details.

    Call it in the transaction that changes a user's e-mail, phone or `shares` (no commit).
    """
    for match in db.session.scalars(sa.select(Match).where(Match.id.in_(engaged_match_ids(user_id)))):
        publish_offers(match)


# -- notices ------------------------------------------------------------------------------------

def notify(user_id, code: str, message) -> None:
    """Leave a matching alert for one user (add_notice words it in the recipient's language, also
    outside a request: the alerts command)."""
    add_notice(user_id, "alert", code, message)


def _notify_parties(match: Match, code: str, message) -> None:
    for user_id in (match.newcomer_id, match.buddy_id):
        notify(user_id, code, message)


def _notify_coordinators(match: Match, code: str, message) -> None:
    for user in access.branch_coordinators(match.organisation_id):
        notify(user.id, code, message)


# -- transitions --------------------------------------------------------------------------------

# Called with the match whenever it becomes active (approved, resumed, made directly), in its
# transaction: other features publish what the pair's scope needs (phrases: practice_share).
ACTIVATION_LISTENERS: list = []
# Called with the match when it ends, in its transaction: other features let go of what only the
# pair could use (audio: the clips recorded for the pair).
END_LISTENERS: list = []


def _record(match: Match, action: str, actor, to_status: str, reason=None, note="", now=None) -> MatchEvent:
    """Move the match to `to_status` and write the event; the caller holds the match's lock."""
    last = db.session.scalar(sa.select(sa.func.max(MatchEvent.seq)).where(MatchEvent.match_id == match.id)) or 0
    event = MatchEvent(match_id=match.id, seq=last + 1, action=action, actor_id=actor.id if actor else None,
                       from_status=match.status if last else None, to_status=to_status, reason=reason,
                       note=note or "", at=_now(now))
    match.status = to_status
    db.session.add(event)
    if to_status == "active":
        db.session.flush()
        for listener in ACTIVATION_LISTENERS:
            listener(match)
    if to_status == "ended":
        db.session.flush()
        for listener in END_LISTENERS:
            listener(match)
    return event


def _check(match: Match, action: str) -> None:
    if match.status not in FROM[action]:
        raise invalid_transition(action, match.status)


def _lock_profile(buddy_id) -> BuddyProfile | None:
    """Lock the buddy's profile row: capacity is counted inside this lock (FOR UPDATE on PostgreSQL;
    SQLite writers are serialised by BEGIN IMMEDIATE already)."""
    return db.session.scalars(
        sa.select(BuddyProfile).where(BuddyProfile.user_id == buddy_id).with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def planned_end_for(profile: BuddyProfile | None, org: Organisation, start: dt.date) -> dt.date:
    """Return the planned end: the MDT service end for MDT buddies, else start + volunteer_match_months."""
    if profile is not None and profile.kind == "mdt" and profile.mdt_end:
        return profile.mdt_end
    return _add_months(start, get_setting(org, "volunteer_match_months"))


def propose(coordinator, newcomer_id, buddy_id, score=None, note="", now=None) -> Match:
    """Propose a buddy to a newcomer; both get the proposal on their phone. Commits.

    :raise 403: not a coordinator. :raise 404: the newcomer or buddy lies outside the branch.
    :raise 409: no intake, the buddy is not eligible (the reasons in words), or the newcomer
        already has an open match.
    """
    now = _now(now)
    require_coordinator(coordinator)
    intake = db.session.get(NewcomerIntake, newcomer_id)
    newcomer = db.session.get(User, newcomer_id)
    if newcomer is None or not newcomer.has_role("newcomer"):
        raise NotFound()
    org = db.session.get(Organisation, intake.organisation_id if intake else newcomer.organisation_id)
    require_personal(coordinator, org)
    if intake is None:
        raise Conflict(NO_INTAKE)
    profile = _lock_profile(buddy_id)
    if profile is None:
        raise NotFound()
    require_personal(coordinator, db.session.get(Organisation, profile.organisation_id))
    open_id = db.session.scalar(sa.select(Match.id).where(Match.newcomer_id == newcomer_id, Match.status.in_(OPEN)))
    if open_id is not None:
        raise Conflict(ALREADY_OPEN)
    reasons = rules.why_not_eligible(profile, newcomer_id, now.date())
    if reasons:
        raise Conflict(reasons[0], errors={"buddy_id": list(reasons)})
    days = get_setting(org, "proposal_expiry_days")
    match = Match(newcomer_id=newcomer_id, buddy_id=buddy_id, organisation_id=org.id, status="proposed",
                  proposed_by_id=coordinator.id, created_at=now, expires_at=now + dt.timedelta(days=days),
                  score=score)
    db.session.add(match)
    try:
        db.session.flush()
    except sa.exc.IntegrityError:
        # Another coordinator proposed for this newcomer at the same moment and committed first.
        db.session.rollback()
        raise Conflict(ALREADY_OPEN)
    _record(match, "propose", coordinator, "proposed", note=note, now=now)
    publish_offers(match)
    _notify_parties(match, "match_proposed", _l("Er is een voorstel voor een maatje voor je. Kijk of het je past."))
    db.session.commit()
    return match


def apply_accept(user, match_id, now=None) -> Match:
    """A party says yes; when both did, the match is agreed and waits for approval. No commit."""
    now = _now(now)
    match, role = _as_party(user, match_id)
    if match.status == "agreed" or (match.status == "proposed" and _answer(match, role) == "accepted"):
        return match  # said yes already: the same intent again changes nothing
    _check(match, "accept")
    if match.expires_at is not None and match.expires_at <= now:
        raise Conflict(PROPOSAL_EXPIRED)
    _set_answer(match, role, "accepted")
    both = match.newcomer_answer == "accepted" and match.buddy_answer == "accepted"
    _record(match, "accept", user, "agreed" if both else "proposed", now=now)
    publish_offers(match)
    if both:
        _notify_coordinators(match, "match_agreed", _l("Beide kanten hebben een voorstel geaccepteerd. "
                                                       "Het wacht op je goedkeuring."))
    else:
        _notify_coordinators(match, "match_accepted", _l("Een kant heeft een voorstel geaccepteerd."))
    return match


def apply_decline(user, match_id, reason=None, note="", now=None) -> Match:
    """A party says no (before approval, also after saying yes), with an optional reason. No commit."""
    now = _now(now)
    match, role = _as_party(user, match_id)
    _check(match, "decline")
    if match.status == "proposed" and match.expires_at is not None and match.expires_at <= now:
        raise Conflict(PROPOSAL_EXPIRED)
    _set_answer(match, role, "declined")
    _record(match, "decline", user, "declined", reason=reason, note=note, now=now)
    publish_offers(match)
    _notify_coordinators(match, "match_declined", _l("Een voorstel is afgewezen."))
    return match


def _answer(match: Match, role: str):
    return match.newcomer_answer if role == "newcomer" else match.buddy_answer


def _set_answer(match: Match, role: str, answer: str) -> None:
    if role == "newcomer":
        match.newcomer_answer = answer
    else:
        match.buddy_answer = answer


def approve(coordinator, match_id, note="", now=None) -> Match:
    """Approve an agreed match: it becomes active, both get the scope match:<id>. Commits.

    The buddy must still be eligible (available, VOG valid, not avoided), and their active and
    paused matches, counted under the lock on their profile, must leave room for this one.
    """
    now = _now(now)
    match = _coordinated(coordinator, match_id)
    _check(match, "approve")
    profile = _lock_profile(match.buddy_id)
    if profile is None:  # a match made without one (demo data), or the profile was removed
        raise Conflict(NO_BUDDY_PROFILE)
    reasons = [r for r in rules.why_not_eligible(profile, match.newcomer_id, now.date()) if r is not rules.NO_CAPACITY]
    if reasons:
        raise Conflict(reasons[0], errors={"buddy_id": list(reasons)})
    engaged = db.session.scalar(sa.select(sa.func.count()).where(
        Match.buddy_id == match.buddy_id, Match.status.in_(ENGAGED), Match.id != match.id))
    if engaged >= profile.capacity:
        raise Conflict(ENGAGED_FULL)
    org = db.session.get(Organisation, match.organisation_id)
    match.approved_by_id, match.approved_at = coordinator.id, now
    match.planned_end = planned_end_for(profile, org, now.date())
    _record(match, "approve", coordinator, "active", note=note, now=now)
    publish_offers(match)
    _notify_parties(match, "match_approved", _l("Jullie koppeling is goedgekeurd. Jullie kunnen nu contact opnemen."))
    db.session.commit()
    return match


def _coordinator_transition(coordinator, match_id, action, to_status, note="", now=None) -> Match:
    match = _coordinated(coordinator, match_id)
    _check(match, action)
    _record(match, action, coordinator, to_status, note=note, now=now)
    publish_offers(match)
    return match


def withdraw(coordinator, match_id, note="", now=None) -> Match:
    """Withdraw a proposal before approval. Commits."""
    match = _coordinator_transition(coordinator, match_id, "withdraw", "withdrawn", note, now)
    _notify_parties(match, "match_withdrawn", _l("Een voorstel voor een maatje is ingetrokken."))
    db.session.commit()
    return match


def pause(coordinator, match_id, note="", now=None) -> Match:
    """Pause an active match: the pair keeps reading its scope, new changes are refused. Commits."""
    match = _coordinator_transition(coordinator, match_id, "pause", "paused", note, now)
    _notify_parties(match, "match_paused", _l("Jullie koppeling staat even op pauze."))
    db.session.commit()
    return match


def resume(coordinator, match_id, note="", now=None) -> Match:
    """Resume a paused match. Commits."""
    match = _coordinator_transition(coordinator, match_id, "resume", "active", note, now)
    _notify_parties(match, "match_resumed", _l("Jullie koppeling loopt weer."))
    db.session.commit()
    return match


def _end(match: Match, actor, reason, note, now) -> Match:
    _check(match, "end")
    match.ended_at, match.end_reason = _now(now), reason
    _record(match, "end", actor, "ended", reason=reason, note=note, now=now)
    publish_offers(match)
    return match


def end(coordinator, match_id, reason, note="", now=None) -> Match:
    """End an active or paused match with a reason code (catalogue end_reasons). Commits."""
    match = _end(_coordinated(coordinator, match_id), coordinator, reason, note, now)
    _notify_parties(match, "match_ended", _l("Jullie koppeling is beëindigd. Vertel ons hoe het ging."))
    db.session.commit()
    return match


def apply_end(user, match_id, reason, note="", now=None) -> Match:
    """A party ends the match (reason code from end_reasons). No commit."""
    match, _ = _as_party(user, match_id)
    _end(match, user, reason, note, now)
    _notify_coordinators(match, "match_ended", _l("Een koppeling is door een van beiden beëindigd."))
    other = match.buddy_id if match.newcomer_id == user.id else match.newcomer_id
    notify(other, "match_ended", _l("Jullie koppeling is beëindigd. Vertel ons hoe het ging."))
    return match


def apply_evaluate(user, match_id, rating=None, comment="", avoid=False, now=None) -> MatchEvaluation:
    """A party's one evaluation after the end; `avoid` keeps the pair out of later suggestions. No commit."""
    match, role = _as_party(user, match_id)
    _check(match, "evaluate")
    if db.session.get(MatchEvaluation, (match.id, user.id)) is not None:
        raise Conflict(ALREADY_EVALUATED)
    evaluation = MatchEvaluation(match_id=match.id, user_id=user.id, rating=rating, comment=comment or "",
                                 avoid=bool(avoid), at=_now(now))
    db.session.add(evaluation)
    db.session.flush()
    changes.record_put("match_offer", offer_entity_id(match, role), f"user:{user.id}", offer_data(match, role))
    return evaluation


def expire(match_id, now=None) -> Match | None:
    """Expire one unanswered proposal whose time is up (flask alerts). Commits; None if not due."""
    now = _now(now)
    match = _locked(match_id)
    if match is None or match.status != "proposed" or match.expires_at is None or match.expires_at > now:
        db.session.rollback()
        return None
    _record(match, "expire", None, "expired", now=now)
    publish_offers(match)
    _notify_parties(match, "match_expired", _l("Een voorstel voor een maatje is verlopen."))
    _notify_coordinators(match, "match_expired", _l("Een voorstel is verlopen: niemand heeft op tijd geantwoord."))
    db.session.commit()
    return match


# -- helpers for the demo and tests ---------------------------------------------------------------

def create_active_match(newcomer, buddy, organisation, now=None) -> Match:
    """Couple a newcomer and a buddy in an active match at once (demo data and tests). Commits.

    Skips proposal and answers but still writes the audit trail and the parties' views.
    """
    now = _now(now)
    match = Match(newcomer_id=newcomer.id, buddy_id=buddy.id, organisation_id=organisation.id, status="active",
                  created_at=now, newcomer_answer="accepted", buddy_answer="accepted", approved_at=now,
                  planned_end=planned_end_for(db.session.get(BuddyProfile, buddy.id), organisation, now.date()))
    db.session.add(match)
    db.session.flush()
    _record(match, "create", None, "active", now=now)
    publish_offers(match)
    db.session.commit()
    return match


def end_match(match_id, reason="other", now=None) -> Match:
    """End a match without an actor (tests, maintenance): both sides lose its scope. Commits."""
    match = _locked(match_id)
    if match is None:
        raise NotFound()
    _end(match, None, reason, "", now)
    db.session.commit()
    return match


def engaged_match_ids(user_id):
    """Return a SELECT of the ids of the active and paused matches `user_id` (a value or a bound
    parameter) is in: each is a scope match:<id>."""
    matches = Match.__table__.c
    return sa.select(matches.id).where(
        matches.status.in_(ENGAGED), sa.or_(matches.newcomer_id == user_id, matches.buddy_id == user_id)
    )


active_match_ids = engaged_match_ids  # the name used before pause existed
