"""Match services used so far: create, activate and end (the full lifecycle comes later)."""
import sqlalchemy as sa

from backend.db import utcnow
from backend.errors import NotFound
from backend.extensions import db
from backend.matching.models import Match


def create_active_match(newcomer, buddy, organisation) -> Match:
    """Couple a newcomer and a buddy in an active match (demo and tests until approval lands)."""
    match = Match(newcomer_id=newcomer.id, buddy_id=buddy.id, organisation_id=organisation.id, status="active")
    db.session.add(match)
    db.session.commit()
    return match


def end_match(match_id) -> Match:
    """End a match: both sides lose its scope, and their next pull drops its rows."""
    match = db.session.get(Match, match_id)
    if match is None:
        raise NotFound()
    match.status, match.ended_at = "ended", utcnow()
    db.session.commit()
    return match


def active_match_ids(user_id):
    """Return a SELECT of the ids of the active matches `user_id` (a value or a bound parameter) is in."""
    matches = Match.__table__.c
    return sa.select(matches.id).where(
        matches.status == "active", sa.or_(matches.newcomer_id == user_id, matches.buddy_id == user_id)
    )
