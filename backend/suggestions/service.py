"""Ranked, explained suggestions for one newcomer, and the proposal for a branch's waiting list.

Who may ask: a municipal coordinator of the newcomer's branch (backend/orgs/access.py); anyone
else gets 404 for the newcomer or branch (403 for a user who is no coordinator at all). The
buddies come from `matching.rules.eligible_buddies(today)` inside the coordinator's subtree
(for a branch's proposal: the branch's subtree), minus the buddies the newcomer must not meet
again. Each request reads the buddies' rows once (only the columns scoring needs), scores them
with numpy (scoring.score_row), and explains only the pairs it returns (scoring.score).
"""
import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backend.accounts.models import User
from backend.audit import service as audit
from backend.buddies.models import BuddyProfile
from backend.errors import NotFound
from backend.extensions import db
from backend.matching.models import OPEN, Match, MatchEvaluation
from backend.matching.rules import avoided_buddy_ids, eligible_buddies, open_match_count
from backend.newcomers.models import NewcomerIntake
from backend.orgs import access
from backend.orgs.models import Organisation
from backend.orgs.service import get_by_code, subtree_clause
from backend.suggestions import proposal, scoring

DEFAULT_LIMIT = 20

# Why the waiting-list proposal could not place a newcomer.
UNPLACED = {
    # TRANSLATORS: the waiting-list proposal could not place this newcomer.
    "no_admissible_buddy": _l("Geen beschikbaar maatje binnen de filters (afstand, voorkeur, soort)."),
    # TRANSLATORS: the waiting-list proposal could not place this newcomer.
    "no_capacity": _l("Er zijn niet genoeg plekken: de passende maatjes gaan in dit voorstel naar anderen."),
}


def _today() -> dt.date:
    return dt.date.today()


# --- reading --------------------------------------------------------------------------------

def newcomer_of(intake: NewcomerIntake) -> scoring.Newcomer:
    """Turn an intake into the scoring's plain Newcomer."""
    return scoring.Newcomer(
        id=intake.user_id,
        languages=frozenset(intake.languages or ()),
        dutch_level=intake.dutch_level,
        municipality_code=intake.municipality_code,
        interests=frozenset(intake.interests or ()),
        availability=scoring.parse_slots(intake.availability),
        buddy_gender=(intake.preferences or {}).get("buddy_gender") or None,
    )


def read_buddies(org, today: dt.date, kind: str | None = None, language: str | None = None,
                 avoid_for=None) -> list[scoring.Buddy]:
    """Read the eligible buddies of `org`'s subtree as scoring Buddies, in buddy id order.

    One SELECT of the columns scoring needs (no ORM objects); `avoid_for` drops the buddies
    that newcomer must not meet again; `kind` and `language` are the request's filters.
    """
    profile = BuddyProfile.__table__.c
    query = eligible_buddies(today).with_only_columns(
        profile.user_id, profile.kind, profile.gender, profile.languages, profile.interests,
        profile.availability, profile.municipality_code, profile.capacity, profile.mdt_end,
        open_match_count(profile.user_id).label("open_matches"),
    ).where(subtree_clause(profile.organisation_id, org)).order_by(profile.user_id)
    if kind:
        query = query.where(profile.kind == kind)
    if avoid_for is not None:
        query = query.where(profile.user_id.not_in(avoided_buddy_ids(avoid_for)))
    buddies = []
    for row in db.session.execute(query):
        languages = frozenset(row.languages or ())
        if language and language not in languages:
            continue
        buddies.append(scoring.Buddy(
            id=row.user_id, kind=row.kind, gender=row.gender, languages=languages,
            interests=frozenset(row.interests or ()), availability=scoring.parse_slots(row.availability),
            municipality_code=row.municipality_code, capacity_left=row.capacity - row.open_matches,
            mdt_end=row.mdt_end,
        ))
    return buddies


def _names(user_ids) -> dict:
    if not user_ids:
        return {}
    rows = db.session.execute(sa.select(User.id, User.display_name).where(User.id.in_(list(user_ids))))
    return dict(rows.all())


def _readable_intake(user, newcomer_id) -> NewcomerIntake:
    """Return the newcomer's intake if `user` may read it; else 404 (403 for a non-coordinator)."""
    access.require_coordinator(user)
    intake = db.session.get(NewcomerIntake, newcomer_id)
    if intake is None or not access.can_read_personal(user, db.session.get(Organisation, intake.organisation_id)):
        raise NotFound()
    return intake


# --- output ---------------------------------------------------------------------------------

def explained(score: scoring.Score) -> dict:
    """Return a score as the API shows it (and as a Match keeps it): total and parts in words."""
    return {
        "total": round(score.total, 2),
        "parts": [{"code": p.code, "points": round(p.points, 2), "text": str(p.text), "facts": p.facts,
                   "flag": p.flag} for p in score.parts],
    }


def _suggestion(score: scoring.Score, buddy: scoring.Buddy, names: dict) -> dict:
    return {"buddy_id": buddy.id, "display_name": names.get(buddy.id, ""), "kind": buddy.kind,
            "municipality_code": buddy.municipality_code, "score": explained(score)}


# --- one newcomer ---------------------------------------------------------------------------

def suggestions(user, newcomer_id, language=None, max_km=None, kind=None, limit=DEFAULT_LIMIT) -> dict:
    """Rank the eligible buddies for one newcomer, best first, each with its explanation.

    Logs the read of the newcomer's intake (audit: "suggestions").
    """
    intake = _readable_intake(user, newcomer_id)
    max_km = scoring.DEFAULT_MAX_KM if max_km is None else max_km
    today = _today()
    newcomer = newcomer_of(intake)
    buddies = read_buddies(access.coordinator_scope(user), today, kind=kind, language=language,
                           avoid_for=intake.user_id)
    arrays = scoring.BuddyArrays(buddies, today)
    totals, admissible = scoring.score_row(newcomer, arrays, max_km)
    order = proposal.order(totals, admissible, arrays.ids)
    top = [buddies[i] for i in order[:limit]]
    names = _names(b.id for b in top)
    result = {
        "newcomer_id": intake.user_id,
        "candidates": len(order),
        "suggestions": [_suggestion(scoring.score(newcomer, b, today, max_km), b, names) for b in top],
    }
    audit.log_read(user, intake.user, "suggestions")
    db.session.commit()
    return result


# --- the waiting list -----------------------------------------------------------------------

def waiting_intakes(org) -> list[NewcomerIntake]:
    """The branch's waiting newcomers: an intake in `org`'s subtree and no open match; by id."""
    intake, matches = NewcomerIntake.__table__.c, Match.__table__.c
    has_open = sa.exists().where(matches.newcomer_id == intake.user_id, matches.status.in_(OPEN))
    return list(db.session.scalars(
        sa.select(NewcomerIntake).where(subtree_clause(intake.organisation_id, org), ~has_open)
        .order_by(intake.user_id)
    ))


def _avoided_pairs(newcomer_ids) -> set:
    if not newcomer_ids:
        return set()
    matches, evals = Match.__table__.c, MatchEvaluation.__table__.c
    rows = db.session.execute(
        sa.select(matches.newcomer_id, matches.buddy_id)
        .join(MatchEvaluation.__table__, evals.match_id == matches.id)
        .where(matches.newcomer_id.in_(newcomer_ids), evals.avoid.is_(True))
    )
    return {(newcomer_id, buddy_id) for newcomer_id, buddy_id in rows}


def waiting_list_proposal(user, code, max_km=None, kind=None) -> dict:
    """Propose pairs for every waiting newcomer of branch `code` at once, with explanations.

    Beside each pair: that newcomer's one-at-a-time best. Newcomers it cannot place come with
    the reason. Logs a read of each waiting newcomer's intake (audit: "waiting_list").
    """
    access.require_coordinator(user)
    org = get_by_code(code)
    if not access.can_read_personal(user, org):
        raise NotFound()
    max_km = scoring.DEFAULT_MAX_KM if max_km is None else max_km
    today = _today()
    intakes = waiting_intakes(org)
    newcomers = [newcomer_of(i) for i in intakes]
    buddies = read_buddies(org, today, kind=kind)
    result = proposal.propose(newcomers, buddies, today, max_km, _avoided_pairs([n.id for n in newcomers]))
    newcomers, buddies = result.newcomers, result.buddies
    pairs, best = result.pairs, result.best
    names = _names({n.id for n in newcomers} | {buddies[j].id for j in (*pairs.values(), *best.values())})

    def suggestion(i, j):
        return _suggestion(scoring.score(newcomers[i], buddies[j], today, max_km), buddies[j], names)

    placed, unplaced = [], []
    for i, newcomer in enumerate(newcomers):
        one_at_a_time = suggestion(i, best[i]) if i in best else None
        if i in pairs:
            pair = suggestion(i, pairs[i])
            placed.append({"newcomer_id": newcomer.id, "newcomer_name": names.get(newcomer.id, ""),
                           "buddy_id": pair["buddy_id"], "buddy_name": pair["display_name"],
                           "proposal": pair, "best": one_at_a_time, "same_as_best": pairs[i] == best.get(i)})
        else:
            reason = "no_capacity" if i in best else "no_admissible_buddy"
            unplaced.append({"newcomer_id": newcomer.id, "newcomer_name": names.get(newcomer.id, ""),
                             "reason": reason, "message": str(UNPLACED[reason]), "best": one_at_a_time})
    for intake in intakes:
        audit.log_read(user, intake.user, "waiting_list")
    db.session.commit()
    return {"organisation": org.code, "newcomers": len(newcomers), "buddies": len(buddies),
            "total": round(result.total, 2), "pairs": placed, "unplaced": unplaced}
