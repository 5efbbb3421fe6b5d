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


# Built once on the table: every pull asks this, and building it per call cost more than running it.
_matches = Match.__table__.c
_ACTIVE_MATCH_IDS = sa.select(_matches.id).where(
    _matches.status == "active",
    sa.or_(_matches.newcomer_id == sa.bindparam("user_id"), _matches.buddy_id == sa.bindparam("user_id")),
)


def active_match_ids(conn, user_id) -> list:
    """Return the ids of the active matches the user is a party to."""
    return list(conn.execute(_ACTIVE_MATCH_IDS, {"user_id": user_id}).scalars())
