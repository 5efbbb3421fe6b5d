"""The matching feature's part in sync.

- Each party's view of a proposal or match is the entity "match_offer" in their own scope
  user:<id> (matching/service.offer_data); their answers are mutations, so they can answer
  offline: match.accept, match.decline, match.end, match.evaluate.
- A party to an active or paused match holds the scope match:<id>. While it is paused the scope
  stays readable, but a mutation that writes into it must call require_writable_match() and is
  rejected with a notice; ending the match revokes the scope (the next pull drops its rows).
"""
from contextlib import contextmanager

from flask_babel import lazy_gettext as _l

from backend.accounts import service as accounts_service
from backend.errors import Conflict
from backend.extensions import db
from backend.matching import service
from backend.matching.models import Match
from backend.matching.schemas import MatchAnswerSchema, MatchDeclineSchema, MatchEndSchema, MatchEvaluateSchema
from backend.sync import registry
from backend.sync.scopes import require_scope

PAUSED = _l("Jullie koppeling staat op pauze: je kunt nu niets toevoegen of wijzigen.")


@registry.scope_provider("match")
def match_scopes(user_id):
    """The active and paused matches of the user: each is a scope match:<id>."""
    return service.engaged_match_ids(user_id)


def require_writable_match(match_id, user=None) -> Match:
    """Reject the current mutation unless the match accepts new changes; return the match.

    For every mutation that writes into a scope match:<id> (meetings, activities, ...): with
    `user`, the user must hold the scope (scope_forbidden otherwise, as require_scope); a paused
    match is readable but refuses changes (code "match_paused"); an ended one is gone.
    """
    if user is not None:
        require_scope(user, f"match:{match_id}")
    match = db.session.get(Match, match_id)
    if match is None or match.status not in service.ENGAGED:
        raise registry.Rejected("scope_forbidden", _l("Je hebt geen toegang meer tot deze gegevens."))
    if match.status == "paused":
        raise registry.Rejected("match_paused", PAUSED)
    return match


@contextmanager
def _with_current(user, match_id):
    """Turn a 409 into a rejection that carries the party's current view (the phone shows it)."""
    try:
        yield
    except Conflict as err:
        match = db.session.get(Match, match_id)
        role = service.role_of(match, user.id) if match is not None else None
        current = service.offer_data(match, role) if role else None
        raise registry.Rejected("conflict", err.message, current) from err


@registry.mutation("match.accept", MatchAnswerSchema())
def match_accept(user, args):
    """Say yes to a proposal; when both sides did, it waits for the coordinator's approval."""
    with _with_current(user, args["match_id"]):
        match = service.apply_accept(user, args["match_id"])
    return service.offer_data(match, service.role_of(match, user.id))


@registry.mutation("match.decline", MatchDeclineSchema())
def match_decline(user, args):
    """Say no to a proposal (until it is approved), with an optional reason code and note."""
    with _with_current(user, args["match_id"]):
        match = service.apply_decline(user, args["match_id"], args.get("reason"), args.get("note", ""))
    return service.offer_data(match, service.role_of(match, user.id))


@registry.mutation("match.end", MatchEndSchema())
def match_end(user, args):
    """End an active or paused match, with a reason code from end_reasons."""
    with _with_current(user, args["match_id"]):
        match = service.apply_end(user, args["match_id"], args["reason"], args.get("note", ""))
    return service.offer_data(match, service.role_of(match, user.id))


@registry.mutation("match.evaluate", MatchEvaluateSchema())
def match_evaluate(user, args):
    """Evaluate an ended match once: a rating 1-5, a comment, and whether to avoid this person."""
    with _with_current(user, args["match_id"]):
        evaluation = service.apply_evaluate(user, args["match_id"], args.get("rating"), args.get("comment", ""),
                                            args["avoid"])
    match = db.session.get(Match, evaluation.match_id)
    return service.offer_data(match, service.role_of(match, user.id))


def _republish_for_profile(user, changed: set) -> None:
    """The other side of an active match sees this user's first name and shared contact details."""
    if changed & {"display_name", "phone", "shares"}:
        service.publish_contact_change(user.id)


if _republish_for_profile not in accounts_service.PROFILE_LISTENERS:
    accounts_service.PROFILE_LISTENERS.append(_republish_for_profile)
