"""The rules every part of matching shares: who is eligible for a new proposal, and capacity.

Suggestions (backend/suggestions) rank within `eligible_buddies()`; the lifecycle
(matching/service.py) checks `why_not_eligible()` again when proposing and approving, under
a lock, so a buddy who became ineligible meanwhile is never proposed.
"""
import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backend.buddies.models import BuddyProfile
from backend.extensions import db
from backend.matching.models import OPEN, Match, MatchEvaluation
from backend.orgs.models import Organisation
from backend.orgs.settings import DEFAULTS


def vog_expiry(vog_date: dt.date | None, valid_years: int) -> dt.date | None:
    """Return the first day a VOG dated `vog_date` no longer counts (None without a VOG)."""
    if vog_date is None:
        return None
    try:
        return vog_date.replace(year=vog_date.year + valid_years)
    except ValueError:  # 29 February
        return vog_date.replace(year=vog_date.year + valid_years, day=28)


def vog_years_by_org() -> dict[int, int]:
    """Return the VOG validity in years of each organisation that differs from the default.

    Settings inherit down the tree: an organisation without its own value takes its nearest
    ancestor's (orgs/settings.py).
    """
    rows = db.session.execute(sa.select(Organisation.id, Organisation.path, Organisation.settings)).all()
    own = {path: (settings or {}).get("vog_valid_years") for _, path, settings in rows}
    out = {}
    for org_id, path, _ in rows:
        parts = [p for p in path.strip("/").split("/") if p]
        years = DEFAULTS["vog_valid_years"]
        for i in range(len(parts), 0, -1):
            value = own.get("/" + "/".join(parts[:i]) + "/")
            if value is not None:
                years = value
                break
        if years != DEFAULTS["vog_valid_years"]:
            out[org_id] = years
    return out


def vog_valid_clause(today: dt.date):
    """A SQL condition: the buddy's VOG still counts today (per their organisation's setting)."""
    profile = BuddyProfile.__table__.c

    def cutoff(years):  # a VOG dated after this still counts today
        return vog_expiry(today, -years)

    exceptions = vog_years_by_org()
    default = profile.vog_date > cutoff(DEFAULTS["vog_valid_years"])
    if not exceptions:
        return sa.and_(profile.vog_date.is_not(None), default)
    by_years: dict[int, list[int]] = {}
    for org_id, years in exceptions.items():
        by_years.setdefault(years, []).append(org_id)
    cases = [(profile.organisation_id.in_(ids), profile.vog_date > cutoff(years)) for years, ids in by_years.items()]
    return sa.and_(profile.vog_date.is_not(None), sa.case(*cases, else_=default))


def open_match_count(buddy_column):
    """A correlated SQL count of the open matches (proposed, agreed, active, paused) of a buddy."""
    matches = Match.__table__.c
    return (
        sa.select(sa.func.count()).where(matches.buddy_id == buddy_column, matches.status.in_(OPEN))
        .scalar_subquery()
    )


def eligible_buddies(today: dt.date):
    """A SELECT of eligible buddy profiles: available, VOG valid today, capacity left.

    The caller adds the organisation subtree and its own filters.
    """
    profile = BuddyProfile.__table__.c
    return sa.select(BuddyProfile).where(
        profile.state == "available",
        vog_valid_clause(today),
        profile.capacity > open_match_count(profile.user_id),
    )


def avoided_buddy_ids(newcomer_id):
    """A SELECT of the buddies this newcomer must not be matched with again (either side asked)."""
    matches, evals = Match.__table__.c, MatchEvaluation.__table__.c
    return (
        sa.select(matches.buddy_id)
        .join(MatchEvaluation.__table__, evals.match_id == matches.id)
        .where(matches.newcomer_id == newcomer_id, evals.avoid.is_(True))
    )


# Why a buddy cannot be proposed now, in words for the coordinator.
NOT_AVAILABLE = _l("Dit maatje is nog niet beschikbaar (de screening is niet af, of staat op pauze).")
VOG_INVALID = _l("De VOG van dit maatje is verlopen of ontbreekt.")
NO_CAPACITY = _l("Dit maatje heeft geen plek meer voor een nieuwe nieuwkomer.")
AVOIDED = _l("Een van beiden heeft gevraagd niet opnieuw met de ander gekoppeld te worden.")


def why_not_eligible(profile: BuddyProfile, newcomer_id, today: dt.date) -> list:
    """Return the reasons (translatable) this buddy cannot be proposed to this newcomer; empty if they can."""
    reasons = []
    if profile.state != "available":
        reasons.append(NOT_AVAILABLE)
    years = vog_years_by_org().get(profile.organisation_id, DEFAULTS["vog_valid_years"])
    expiry = vog_expiry(profile.vog_date, years)
    if expiry is None or expiry <= today:
        reasons.append(VOG_INVALID)
    count = db.session.scalar(sa.select(open_match_count(sa.literal(profile.user_id, sa.Uuid))))
    if count >= profile.capacity:
        reasons.append(NO_CAPACITY)
    avoided = db.session.scalar(
        sa.select(sa.literal(True)).where(sa.literal(profile.user_id, sa.Uuid).in_(avoided_buddy_ids(newcomer_id)))
    )
    if avoided:
        reasons.append(AVOIDED)
    return reasons
