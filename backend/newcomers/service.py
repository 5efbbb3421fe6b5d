"""Newcomer services: the intake a municipal coordinator records, which also makes the account."""
import re
import unicodedata

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from backend.accounts import sessions
from backend.accounts.models import User
from backend.accounts.service import create_pending_user, get_user_by_email, normalise_email, record_profile
from backend.accounts.tokens import activation_card, activation_expiry, issue_activation_code
from backend.audit.service import log_read
from backend.buddies.service import get_municipality
from backend.catalogues.catalogue import PRIVACY_VERSION
from backend.db import utcnow
from backend.errors import Conflict, ValidationError
from backend.extensions import db
from backend.matching.models import OPEN, Match
from backend.newcomers.models import NewcomerIntake
from backend.orgs import access
from backend.orgs.models import Organisation
from backend.orgs.service import subtree_clause

INTAKE_FIELDS = ("category", "arrival_date", "gender", "languages", "dutch_level", "learning_route", "goals",
                 "interests", "availability", "preferences")


def propose_username(display_name: str) -> str:
    """Return a free username made from the name: "Amal Haddad" -> "amal.haddad" (then amal.haddad2...)."""
    ascii_name = unicodedata.normalize("NFKD", display_name).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", ".", ascii_name).strip(".")[:32] or "nieuwkomer"
    if len(base) < 3:
        base = f"{base}.nk"
    taken = set(db.session.scalars(sa.select(User.username).where(User.username.like(f"{base}%"))))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _consents(given: list[dict]) -> list[dict]:
    at = utcnow().isoformat()
    return [{"kind": c["kind"], "version": c["version"], "at": at} for c in given]


def _check_consents(given: list[dict]) -> None:
    if not any(c["kind"] == "privacy" and c["version"] == PRIVACY_VERSION for c in given):
        raise ValidationError(errors={"consents": [_l("De nieuwkomer moet instemmen met de actuele privacyverklaring.")]})


def create_intake(coordinator: User, data: dict) -> NewcomerIntake:
    """Record a newcomer's intake and make their account (no password: activated with the code returned).

    :raise 403: unless a coordinator of a municipal branch.  :raise 422: bad fields, a taken username or address.
    """
    branch = access.require_municipal_coordinator(coordinator)
    _check_consents(data["consents"])
    sessions.begin_write()
    branch = db.session.get(Organisation, branch.id)
    municipality = get_municipality(data["municipality"]).code if data.get("municipality") else branch.code
    errors = {}
    username = data.get("username")
    if username and db.session.scalar(sa.select(User.id).where(User.username == username)) is not None:
        errors["username"] = [_l("Deze gebruikersnaam is al in gebruik.")]
    email = data.get("email")
    if email and get_user_by_email(email) is not None:
        errors["email"] = [_l("Dit e-mailadres hoort al bij een account.")]
    if errors:
        raise ValidationError(errors=errors)
    try:
        user = create_pending_user(data["display_name"], username or propose_username(data["display_name"]),
                                   ["newcomer"], branch, data["locale"], email=normalise_email(email) if email else None)
    except IntegrityError:  # another intake took the same username or address a moment ago
        db.session.rollback()
        raise Conflict(_l("Deze gebruikersnaam of dit e-mailadres is net voor iemand anders gebruikt. Probeer het opnieuw."))
    intake = NewcomerIntake(user_id=user.id, organisation_id=branch.id, municipality_code=municipality,
                            consents=_consents(data["consents"]), created_by_id=coordinator.id,
                            goals={}, interests=[], availability=[], preferences={}, languages=[])
    for name in INTAKE_FIELDS:
        if name in data:
            setattr(intake, name, data[name])
    user.availability = intake.availability
    record_profile(user)  # the profile row the newcomer's phone gets, with the availability
    db.session.add(intake)
    code = issue_activation_code(user, coordinator)
    db.session.commit()
    intake = with_waiting(intake)
    intake.activation_code = code
    intake.activation = activation_card(code, activation_expiry(user), user.locale)
    return intake


def _open_match_exists():
    return sa.exists().where(Match.newcomer_id == NewcomerIntake.user_id, Match.status.in_(OPEN))


def list_intakes(coordinator: User, waiting: bool | None = None):
    """Return a SELECT of the intakes of the coordinator's branch, waiting longest first.

    `waiting`: only those without an open match (True), or only those with one (False).

    :raise 403: unless a coordinator of a municipal branch (provinces and the nation see counts).
    """
    branch = access.require_municipal_coordinator(coordinator)
    query = (sa.select(NewcomerIntake).join(NewcomerIntake.user)
             .where(subtree_clause(NewcomerIntake.organisation_id, branch))
             .order_by(NewcomerIntake.created_at, NewcomerIntake.user_id))
    if waiting is not None:
        query = query.where(~_open_match_exists() if waiting else _open_match_exists())
    return query


def with_waiting(intake: NewcomerIntake) -> NewcomerIntake:
    """Set `waiting` (no open match) for the schema."""
    intake.waiting = db.session.scalar(
        sa.select(sa.func.count()).select_from(Match).where(Match.newcomer_id == intake.user_id, Match.status.in_(OPEN))
    ) == 0
    return intake


def get_intake(coordinator: User, newcomer_id) -> NewcomerIntake:
    """Return a newcomer's intake; the read is logged for the branch.

    :raise 404: if the newcomer is not in the coordinator's municipal branch.
    """
    sessions.begin_write()  # the read log writes
    intake = access.load_personal(coordinator, NewcomerIntake, newcomer_id)
    log_read(coordinator, intake.user_id, intake.organisation_id, "intake")
    db.session.commit()
    return with_waiting(intake)


def update_intake(coordinator: User, newcomer_id, data: dict) -> NewcomerIntake:
    """Change fields of an intake (per field); consents given are added with the time now.

    :raise 404: if the newcomer is not in the coordinator's municipal branch.
    """
    sessions.begin_write()
    intake = access.load_personal(coordinator, NewcomerIntake, newcomer_id, lock=True)
    for name in INTAKE_FIELDS:
        if name in data:
            setattr(intake, name, data[name])
    if "municipality" in data:
        intake.municipality_code = get_municipality(data["municipality"]).code
    if data.get("consents"):
        intake.consents = [*intake.consents, *_consents(data["consents"])]
    user = intake.user
    if "display_name" in data:
        user.display_name = data["display_name"]
    if "locale" in data:
        user.locale = data["locale"]
    if "availability" in data:
        user.availability = data["availability"]
    if {"display_name", "locale", "availability"} & set(data):
        record_profile(user)
    log_read(coordinator, intake.user_id, intake.organisation_id, "intake")  # the answer shows it all
    db.session.commit()
    return with_waiting(intake)
