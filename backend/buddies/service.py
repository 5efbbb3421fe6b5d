"""Buddy services: the public sign-up, and the vetting by a coordinator of the buddy's branch."""
import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from backend import mail
from backend.accounts import passwords, sessions
from backend.accounts.models import User
from backend.accounts.service import get_user_by_email, normalise_email, record_profile
from backend.audit.service import log_read
from backend.buddies.models import STATES, BuddyProfile, VettingStep
from backend.catalogues.catalogue import PRIVACY_VERSION
from backend.db import utcnow
from backend.errors import Conflict, ValidationError
from backend.extensions import db
from backend.matching.rules import vog_expiry
from backend.orgs import access
from backend.orgs.models import Organisation
from backend.orgs.service import subtree_clause
from backend.orgs.settings import get_setting

PATH = STATES[:5]  # signed_up -> intake_done -> vog_received -> trained -> available
HOURS_TARGET = 80  # DESIGN section 2: an MDT buddy gives at least 80 hours


def get_municipality(code: str, field: str = "municipality") -> Organisation:
    """Return the active municipal branch with this CBS code.

    :raise 422: naming `field`, if there is none.
    """
    org = db.session.scalar(sa.select(Organisation).where(
        Organisation.code == code, Organisation.kind == "municipality", Organisation.active.is_(True)))
    if org is None:
        raise ValidationError(errors={field: [_l("Deze gemeente kennen we niet.")]})
    return org


def signup(data: dict) -> None:
    """Sign a buddy up: a User (role buddy), their BuddyProfile in state signed_up, its first step.

    An address that already has an account gets no second one, and the answer is the same
    (nobody learns which addresses are known): its owner gets a mail saying so instead. The
    mails go after the commit.

    :raise 422: for an outdated privacy version, an unknown municipality or a weak password.
    """
    errors = {}
    if data["privacy_version"] != PRIVACY_VERSION:
        errors["privacy_version"] = [_l("Lees en accepteer de actuele privacyverklaring.")]
    problems = passwords.password_problems(data["password"], data["email"])
    if problems:
        errors["password"] = problems
    if errors:
        raise ValidationError(errors=errors)
    sessions.begin_read()  # argon2 takes a while: no write lock meanwhile
    branch = get_municipality(data["municipality"])
    email = normalise_email(data["email"])
    password_hash = passwords.hash_password(data["password"])  # also for a known address: as slow either way
    if get_user_by_email(email) is not None:
        _tell_owner(email)
        return
    sessions.begin_write()
    user = User(email=email, password_hash=password_hash, display_name=data["display_name"],
                locale=data["locale"], organisation=branch, availability=data["availability"])
    user.roles = ["buddy"]
    db.session.add(user)
    mdt = data["kind"] == "mdt"
    profile = BuddyProfile(
        user=user, organisation_id=branch.id, kind=data["kind"], birth_date=data["birth_date"],
        gender=data["gender"], mdt_start=data["mdt_start"] if mdt else None, mdt_end=data["mdt_end"] if mdt else None,
        mdt_hours_target=(data["mdt_hours_target"] or HOURS_TARGET) if mdt else None,
        languages=data["languages"], interests=data["interests"], availability=data["availability"],
        municipality_code=branch.code, capacity=data["capacity"], state="signed_up",
        consent_version=data["privacy_version"], consent_at=utcnow(),
    )
    db.session.add(profile)
    try:
        db.session.flush()
    except IntegrityError:  # the same address signed up at the same moment
        db.session.rollback()
        _tell_owner(email)
        return
    db.session.add(VettingStep(buddy_id=user.id, from_state=None, to_state="signed_up", by_id=user.id))
    record_profile(user)
    db.session.commit()
    sessions.begin_read()  # the mails only read: no write lock while a mail server answers
    _after_signup(user, access.branch_coordinators(branch.id))


def _after_signup(user, coordinators):
    """The mails of a sign-up; a mail server that fails undoes nothing (backend.mail logs it)."""
    for send in (lambda: mail.send_signup_confirmation(user), lambda: mail.send_new_buddy_waiting(user, coordinators)):
        try:
            send()
        except mail.MailError:
            pass  # the one failing does not keep the other from going


def _tell_owner(email: str) -> None:
    """Tell the owner of a known address that someone signed up with it (instead of a second account)."""
    user = get_user_by_email(email)
    if user is not None:
        mail.send_known_address(user)


def _branch_or_403(coordinator: User) -> Organisation:
    return access.require_municipal_coordinator(coordinator)


def list_buddies(coordinator: User, state: str | None = None):
    """Return a SELECT of the buddies of the coordinator's branch, by name; optionally of one state.

    :raise 403: unless a coordinator of a municipal branch (provinces and the nation see counts).
    """
    branch = _branch_or_403(coordinator)
    query = (sa.select(BuddyProfile).join(BuddyProfile.user)
             .where(subtree_clause(BuddyProfile.organisation_id, branch))
             .order_by(User.display_name, BuddyProfile.user_id))
    if state:
        query = query.where(BuddyProfile.state == state)
    return query


def with_vog_expiry(profile: BuddyProfile) -> BuddyProfile:
    """Set `vog_expires` on the profile (for the schema), per its organisation's setting."""
    org = db.session.get(Organisation, profile.organisation_id)
    profile.vog_expires = vog_expiry(profile.vog_date, get_setting(org, "vog_valid_years"))
    return profile


def get_buddy(coordinator: User, buddy_id) -> BuddyProfile:
    """Return a buddy's profile with its vetting steps; the read is logged.

    :raise 404: if the buddy is not in the coordinator's municipal branch.
    """
    sessions.begin_write()  # the read log writes
    profile = access.load_personal(coordinator, BuddyProfile, buddy_id)
    log_read(coordinator, profile.user_id, profile.organisation_id, "buddy_profile")
    db.session.commit()
    return _with_steps(profile)


def _with_steps(profile: BuddyProfile) -> BuddyProfile:
    profile.steps = list(db.session.scalars(
        sa.select(VettingStep).where(VettingStep.buddy_id == profile.user_id).order_by(VettingStep.at, VettingStep.id)))
    return with_vog_expiry(profile)


def check_transition(profile: BuddyProfile, to_state: str, vog_date: dt.date | None, today: dt.date) -> None:
    """Refuse a step the vetting path does not allow.

    :raise 409: for a step out of order; :raise 422: for a missing or wrong VOG date.
    """
    current = profile.state
    if current == "stopped":
        raise Conflict(_l("Dit maatje is gestopt; de begeleiding gaat niet verder."))
    if to_state == current:
        raise Conflict(_l("Dit maatje staat al in deze stap."))
    org = db.session.get(Organisation, profile.organisation_id)
    years = get_setting(org, "vog_valid_years")
    if vog_date is not None:
        if vog_date > today:
            raise ValidationError(errors={"vog_date": [_l("De datum van de VOG ligt niet in de toekomst.")]})
        if vog_expiry(vog_date, years) <= today:
            raise ValidationError(errors={"vog_date": [_l("Deze VOG is al verlopen.")]})
    if vog_date is not None and not (to_state == "vog_received" or (current == "paused" and to_state == "available")):
        raise ValidationError(errors={"vog_date": [_l("Een VOG-datum hoort bij de stap VOG ontvangen of bij hervatten.")]})
    if to_state in ("paused", "stopped"):
        return
    if current == "paused":
        if to_state != "available":
            raise Conflict(_l("Een gepauzeerd maatje kan alleen weer beschikbaar worden."))
        expires = vog_expiry(vog_date or profile.vog_date, years)
        if expires is None or expires <= today:
            raise Conflict(_l("Eerst een geldige VOG: vul de datum van de nieuwe VOG in."))
        return
    if PATH.index(to_state) != PATH.index(current) + 1:
        raise Conflict(_l("Deze stap kan nog niet: volg de volgorde aanmelding, kennismaking, VOG, training, beschikbaar."))
    if to_state == "vog_received" and vog_date is None:
        raise ValidationError(errors={"vog_date": [_l("Vul de datum van de VOG in.")]})


def add_step(coordinator: User, buddy_id, to_state: str, vog_date: dt.date | None = None, note: str = "",
             today: dt.date | None = None) -> BuddyProfile:
    """Move a buddy to the next vetting state, recorded with who and when.

    A VOG date is taken with the step vog_received, and with a resume from paused (a new VOG).

    :raise 404: outside the coordinator's branch.  :raise 409: a step the path does not allow.
    """
    today = today or dt.date.today()
    sessions.begin_write()
    profile = access.load_personal(coordinator, BuddyProfile, buddy_id, lock=True)
    check_transition(profile, to_state, vog_date, today)
    step = VettingStep(buddy_id=profile.user_id, from_state=profile.state, to_state=to_state,
                       by_id=coordinator.id, vog_date=vog_date, note=note)
    if vog_date is not None:
        profile.vog_date = vog_date
    profile.state = to_state
    db.session.add(step)
    db.session.commit()
    return _with_steps(profile)
