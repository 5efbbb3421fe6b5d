"""What a coordinator's dashboard shows.

A municipal coordinator sees the people of their branch: waiting newcomers, buddies to vet,
proposals waiting, the pairs (quiet pairs: filled by matching's alerts), VOGs expiring and expired
with the open matches an expired one touches. A provincial or national coordinator sees counts
per branch only, never names; a count under 5 shows as "<5" (DESIGN section 9).
"""
import datetime as dt

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.accounts.models import User
from backend.buddies.models import BuddyProfile
from backend.db import utcnow
from backend.extensions import db
from backend.matching.alerts import quiet_matches
from backend.matching.models import OPEN, Match
from backend.matching.rules import vog_expiry
from backend.newcomers.models import NewcomerIntake
from backend.orgs import access
from backend.orgs.models import Organisation
from backend.orgs.service import subtree_clause
from backend.orgs.settings import get_setting

TO_VET = ("signed_up", "intake_done", "vog_received", "trained")
WAITING_PROPOSALS = ("proposed", "agreed")
PAIRED = ("active", "paused")
SUPPRESS_BELOW = 5
LIST_LIMIT = 50  # the longest-waiting first; the full lists are GET /api/newcomers and /api/buddies


def suppressed(count: int) -> str:
    """Return a count as reports show it: "<5" below five (nobody recognisable), else the number."""
    return f"<{SUPPRESS_BELOW}" if count < SUPPRESS_BELOW else str(count)


def dashboard(coordinator: User, today: dt.date | None = None) -> dict:
    """Return the dashboard of `coordinator`.

    :raise 403: unless a coordinator.
    """
    org = access.coordinator_scope(coordinator)
    today = today or dt.date.today()
    if access.is_municipal_coordinator(coordinator):
        return {"kind": "branch", "organisation": org, "branch": branch_dashboard(org, today)}
    return {"kind": "counts", "organisation": org, "branches": branch_counts(org, today)}


def _waiting_newcomers(org):
    open_match = sa.exists().where(Match.newcomer_id == NewcomerIntake.user_id, Match.status.in_(OPEN))
    return (sa.select(NewcomerIntake).join(NewcomerIntake.user)
            .where(subtree_clause(NewcomerIntake.organisation_id, org), ~open_match))


def _count(query) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))


def _vogs(org, today):
    """Return (expiring, expired) buddy profiles of the branch: VOG ends within vog_warn_days, or has ended."""
    years = get_setting(org, "vog_valid_years")
    warn = get_setting(org, "vog_warn_days")
    profiles = db.session.scalars(
        sa.select(BuddyProfile).options(so.joinedload(BuddyProfile.user))
        .where(subtree_clause(BuddyProfile.organisation_id, org), BuddyProfile.vog_date.is_not(None),
               BuddyProfile.state != "stopped")
        .order_by(BuddyProfile.vog_date, BuddyProfile.user_id)
    )
    expiring, expired = [], []
    for profile in profiles:
        expires = vog_expiry(profile.vog_date, years)
        if expires <= today:
            expired.append((profile, expires))
        elif expires <= today + dt.timedelta(days=warn):
            expiring.append((profile, expires))
    return expiring, expired


def branch_dashboard(org: Organisation, today: dt.date) -> dict:
    """The dashboard of a municipal branch, with names."""
    waiting = _waiting_newcomers(org)
    states = dict(db.session.execute(
        sa.select(BuddyProfile.state, sa.func.count()).where(subtree_clause(BuddyProfile.organisation_id, org))
        .group_by(BuddyProfile.state)).all())
    newcomer, buddy = so.aliased(User), so.aliased(User)
    proposals = db.session.execute(
        sa.select(Match, newcomer.display_name, buddy.display_name)
        .join(newcomer, newcomer.id == Match.newcomer_id).join(buddy, buddy.id == Match.buddy_id)
        .where(subtree_clause(Match.organisation_id, org), Match.status.in_(WAITING_PROPOSALS))
        .order_by(Match.created_at, Match.id)
    ).all()
    expiring, expired = _vogs(org, today)
    touched = _matches_of([p.user_id for p, _ in expired])
    return {
        "waiting_newcomers": {
            "count": _count(waiting),
            "items": [{"id": i.user_id, "display_name": i.user.display_name, "since": i.created_at}
                      for i in db.session.scalars(waiting.order_by(NewcomerIntake.created_at).limit(LIST_LIMIT))],
        },
        "buddies_to_vet": {state: states.get(state, 0) for state in TO_VET},
        "buddies_available": states.get("available", 0),
        "proposals_waiting": [
            {"id": m.id, "status": m.status, "newcomer_name": n, "buddy_name": b, "created_at": m.created_at,
             "expires_at": m.expires_at}
            for m, n, b in proposals
        ],
        "active_matches": db.session.scalar(sa.select(sa.func.count()).select_from(Match).where(
            subtree_clause(Match.organisation_id, org), Match.status == "active")),
        "quiet_pairs": _quiet_pairs(org),
        "vogs_expiring": [_vog_item(p, e) for p, e in expiring],
        "vogs_expired": [{**_vog_item(p, e), "matches": touched.get(p.user_id, [])} for p, e in expired],
    }


def _quiet_pairs(org: Organisation) -> list[dict]:
    """The branch's active pairs gone quiet, by the same measure as `flask alerts` (matching/alerts.py)."""
    quiet = quiet_matches(utcnow(), org)[:LIST_LIMIT]
    names = dict(db.session.execute(sa.select(User.id, User.display_name).where(
        User.id.in_([m.newcomer_id for m, _, _ in quiet] + [m.buddy_id for m, _, _ in quiet])
    )).all())
    return [{"match_id": m.id, "quiet_days": int(days), "since": since, "newcomer_name": names.get(m.newcomer_id),
             "buddy_name": names.get(m.buddy_id)} for m, since, days in quiet]


def _vog_item(profile, expires):
    return {"buddy_id": profile.user_id, "display_name": profile.user.display_name, "state": profile.state,
            "vog_date": profile.vog_date, "expires": expires}


def _matches_of(buddy_ids) -> dict:
    """Return {buddy id: [the active or paused matches]} for these buddies."""
    if not buddy_ids:
        return {}
    rows = db.session.execute(
        sa.select(Match, User.display_name).join(User, User.id == Match.newcomer_id)
        .where(Match.buddy_id.in_(buddy_ids), Match.status.in_(PAIRED)).order_by(Match.created_at, Match.id)
    ).all()
    out = {}
    for match, name in rows:
        out.setdefault(match.buddy_id, []).append({"id": match.id, "status": match.status, "newcomer_name": name})
    return out


def branch_counts(org: Organisation, today: dt.date) -> list[dict]:
    """Counts per municipal branch under `org` that has anyone at all; small counts suppressed."""
    branches = list(db.session.scalars(
        sa.select(Organisation).where(subtree_clause(Organisation.id, org), Organisation.kind == "municipality")
        .order_by(Organisation.path)))
    by_id = {b.id: b for b in branches}

    def grouped(query):
        return dict(db.session.execute(query).all())

    intake, match, profile = NewcomerIntake, Match, BuddyProfile
    open_match = sa.exists().where(match.newcomer_id == intake.user_id, match.status.in_(OPEN))
    newcomers = grouped(sa.select(intake.organisation_id, sa.func.count()).where(
        intake.organisation_id.in_(by_id)).group_by(intake.organisation_id))
    waiting = grouped(sa.select(intake.organisation_id, sa.func.count()).where(
        intake.organisation_id.in_(by_id), ~open_match).group_by(intake.organisation_id))
    to_vet = grouped(sa.select(profile.organisation_id, sa.func.count()).where(
        profile.organisation_id.in_(by_id), profile.state.in_(TO_VET)).group_by(profile.organisation_id))
    available = grouped(sa.select(profile.organisation_id, sa.func.count()).where(
        profile.organisation_id.in_(by_id), profile.state == "available").group_by(profile.organisation_id))
    buddies = grouped(sa.select(profile.organisation_id, sa.func.count()).where(
        profile.organisation_id.in_(by_id)).group_by(profile.organisation_id))
    proposals = grouped(sa.select(match.organisation_id, sa.func.count()).where(
        match.organisation_id.in_(by_id), match.status.in_(WAITING_PROPOSALS)).group_by(match.organisation_id))
    active = grouped(sa.select(match.organisation_id, sa.func.count()).where(
        match.organisation_id.in_(by_id), match.status == "active").group_by(match.organisation_id))
    out = []
    for branch_id in sorted(set(newcomers) | set(buddies) | set(active) | set(proposals), key=lambda i: by_id[i].path):
        branch = by_id[branch_id]
        expiring, expired = _vogs(branch, today)
        out.append({
            "code": branch.code, "name": branch.name, "parent_code": branch.parent.code if branch.parent else None,
            "waiting_newcomers": suppressed(waiting.get(branch_id, 0)),
            "buddies_to_vet": suppressed(to_vet.get(branch_id, 0)),
            "buddies_available": suppressed(available.get(branch_id, 0)),
            "proposals_waiting": suppressed(proposals.get(branch_id, 0)),
            "active_matches": suppressed(active.get(branch_id, 0)),
            "vogs_expiring": suppressed(len(expiring)),
            "vogs_expired": suppressed(len(expired)),
        })
    return out
