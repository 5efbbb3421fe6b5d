"""Ranked, explained suggestions for one newcomer, and the proposal for a branch's waiting list.

Who may ask: a municipal coordinator of the newcomer's branch (backend/orgs/access.py); anyone
else gets 404 for the newcomer or branch (403 for a user who is no coordinator at all). The
buddies come from `matching.rules.eligible_buddies(today)` inside the coordinator's subtree
(for a branch's proposal: the branch's subtree), minus the buddies the newcomer must not meet
again. A request reads which buddies are eligible (ids and versions) and their open matches;
what scoring needs of each profile comes from per-process caches (read_buddies). It scores
every buddy at once with numpy (scoring.score_row) and explains only the pairs it returns
(scoring.score).
"""
import datetime as dt
import threading
import uuid
from collections import OrderedDict

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backend.accounts.models import User
from backend.audit import service as audit
from backend.buddies.models import BuddyProfile
from backend.errors import NotFound
from backend.extensions import db
from backend.matching.models import OPEN, Match, MatchEvaluation
from backend.matching.rules import avoided_buddy_ids, eligible_buddies
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


# Two per-process caches, so that a request reads little more than which buddies are eligible:
# - _PROFILES, per buddy: what scoring needs of the profile, parsed once: user id -> (updated_at
#   as stored, kind, gender, municipality, capacity, MDT end, languages, interests, merged slots).
#   A row whose updated_at changed (BuddyProfile.updated_at has onupdate) is read again.
# - _ARRAYS, per (subtree, filters, day): the scoring arrays of the last request, reused while
#   the eligible buddies, their versions and their open-match counts are exactly the same.
_PROFILES: dict = {}
_ARRAYS: OrderedDict = OrderedDict()
_MAX_PROFILES = 200_000
_MAX_ARRAYS = 16
_CHUNK = 500
_LOCK = threading.Lock()  # threaded servers: one request at a time changes the caches


def _text(column):
    """The column as text in SQL: ids and versions come back as plain strings, which (unlike
    UUID objects and result rows) the garbage collector does not track: a request that reads
    10,000 of them then does not bring on a full collection of the process's heap."""
    return sa.cast(column, sa.String)


def _profiles(versions: dict) -> dict:
    """Return the parsed profiles of these buddies ({user id as text: updated_at as text}), from
    the cache where it is current, else read (in chunks) and cached."""
    profile = BuddyProfile.__table__.c
    with _LOCK:
        known = {uid: _PROFILES.get(uid) for uid in versions}
    stale = [uid for uid, version in versions.items() if (known[uid] or (None,))[0] != version]
    fresh = {}
    for start in range(0, len(stale), _CHUNK):
        rows = db.session.execute(sa.select(
            _text(profile.user_id), _text(profile.updated_at), profile.kind, profile.gender,
            profile.municipality_code, profile.capacity, profile.mdt_end, profile.languages, profile.interests,
            profile.availability,
        ).where(profile.user_id.in_([uuid.UUID(uid) for uid in stale[start:start + _CHUNK]])))
        for uid, version, kind, gender, code, capacity, end, languages, interests, availability in rows:
            fresh[uid] = (version, kind, gender, code, capacity, end, frozenset(languages or ()),
                          frozenset(interests or ()), scoring.parse_slots(availability))
    with _LOCK:
        if len(_PROFILES) + len(fresh) > _MAX_PROFILES:
            _PROFILES.clear()
        _PROFILES.update(fresh)
    known.update(fresh)
    return known


def read_buddies(org, today: dt.date, kind: str | None = None, language: str | None = None) -> scoring.BuddyArrays:
    """Return the eligible buddies of `org`'s subtree as scoring arrays, in buddy id order.

    Two small SELECTs: the eligible buddies' ids and versions (updated_at), and their open-match
    counts; the rest comes from the caches above. `kind` and `language` are the request's
    filters. Rows are in user id order, which is also the order of the ids as text (hex on
    SQLite, bytes on PostgreSQL): proposal.order relies on it for ties. `arrays.ids` holds the
    ids as text (arrays.row maps them to rows); `arrays.buddy(i)` gives UUIDs.
    """
    profile, matches = BuddyProfile.__table__.c, Match.__table__.c
    in_subtree = subtree_clause(profile.organisation_id, org)
    query = eligible_buddies(today).with_only_columns(
        _text(profile.user_id), _text(profile.updated_at),
    ).where(in_subtree).order_by(profile.user_id)
    if kind:
        query = query.where(profile.kind == kind)
    ids, versions = [], []
    for uid, version in db.session.execute(query):  # streamed: no row outlives its turn
        ids.append(uid)
        versions.append(version)
    busy = [(uid, count) for uid, count in db.session.execute(
        sa.select(_text(matches.buddy_id), sa.func.count()).where(
            matches.status.in_(OPEN), matches.buddy_id.in_(sa.select(profile.user_id).where(in_subtree)))
        .group_by(matches.buddy_id).order_by(matches.buddy_id))]
    key, fingerprint = (org.id, kind, language, today), (ids, versions, busy)
    with _LOCK:
        hit = _ARRAYS.get(key)
        if hit is not None and hit[0] == fingerprint:
            _ARRAYS.move_to_end(key)
            return hit[1]
    cached, open_counts = _profiles(dict(zip(ids, versions))), dict(busy)
    columns = ([], [], [], [], [], [], [], [], [])
    kept, kinds, genders, languages, interests, slots, codes, left, mdt_end = columns
    for uid in ids:
        _, kind_, gender, code, capacity, end, spoken, liked, available = cached[uid]
        if language and language not in spoken:
            continue
        kept.append(uid)
        kinds.append(kind_)
        genders.append(gender)
        languages.append(spoken)
        interests.append(liked)
        slots.append(available)
        codes.append(code)
        left.append(capacity - open_counts.get(uid, 0))
        mdt_end.append(end)
    arrays = scoring.BuddyArrays.from_columns(today, *columns, id_type=uuid.UUID)
    with _LOCK:
        _ARRAYS[key] = (fingerprint, arrays)
        while len(_ARRAYS) > _MAX_ARRAYS:
            _ARRAYS.popitem(last=False)
    return arrays


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

    Logs the read of the newcomer's intake (audit: "intake").
    """
    intake = _readable_intake(user, newcomer_id)
    organisation_id = intake.organisation_id
    max_km = scoring.DEFAULT_MAX_KM if max_km is None else max_km
    today = _today()
    newcomer = newcomer_of(intake)
    arrays = read_buddies(access.coordinator_scope(user), today, kind=kind, language=language)
    totals, admissible = scoring.score_row(newcomer, arrays, max_km)
    avoided = avoided_buddy_ids(intake.user_id).subquery()
    for buddy_id in db.session.scalars(sa.select(_text(avoided.c.buddy_id))):
        if buddy_id in arrays.row:
            admissible[arrays.row[buddy_id]] = False
    order = proposal.order(totals, admissible)
    top = [arrays.buddy(i) for i in order[:limit]]
    names = _names(b.id for b in top)
    result = {
        "newcomer_id": intake.user_id,
        "candidates": len(order),
        "suggestions": [_suggestion(scoring.score(newcomer, b, today, max_km), b, names) for b in top],
    }
    audit.log_reads_and_commit(user, [(result["newcomer_id"], organisation_id)], "intake")
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
    the reason. Logs a read of each waiting newcomer's intake (audit: "intake").
    """
    access.require_coordinator(user)
    org = get_by_code(code)
    if not access.can_read_personal(user, org):
        raise NotFound()
    max_km = scoring.DEFAULT_MAX_KM if max_km is None else max_km
    today = _today()
    intakes = waiting_intakes(org)
    newcomers = [newcomer_of(i) for i in intakes]
    arrays = read_buddies(org, today, kind=kind)
    buddies = [arrays.buddy(j) for j in range(len(arrays.ids))]
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
            pair = one_at_a_time if pairs[i] == best.get(i) else suggestion(i, pairs[i])
            placed.append({"newcomer_id": newcomer.id, "newcomer_name": names.get(newcomer.id, ""),
                           "buddy_id": pair["buddy_id"], "buddy_name": pair["display_name"],
                           "proposal": pair, "best": one_at_a_time, "same_as_best": pairs[i] == best.get(i)})
        else:
            reason = "no_capacity" if i in best else "no_admissible_buddy"
            unplaced.append({"newcomer_id": newcomer.id, "newcomer_name": names.get(newcomer.id, ""),
                             "reason": reason, "message": str(UNPLACED[reason]), "best": one_at_a_time})
    audit.log_reads_and_commit(user, [(i.user_id, i.organisation_id) for i in intakes], "intake")
    return {"organisation": org.code, "newcomers": len(newcomers), "buddies": len(buddies),
            "total": round(result.total, 2), "pairs": placed, "unplaced": unplaced}
