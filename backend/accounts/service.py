"""Account services: each function is one unit of work and owns its commit (unless it says otherwise)."""
import re

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backend.accounts import passwords, sessions, tokens
from backend.accounts.models import User, UserSession
from backend.errors import Forbidden, NotFound, Unauthorized, ValidationError
from backend.extensions import db
from backend.orgs.service import is_within
from backend.push import service as push
from backend.sync import changes

USERNAME = re.compile(r"^[a-z0-9.-]{3,40}$")
WRONG_CREDENTIALS = _l("Dit e-mailadres of deze gebruikersnaam en dit wachtwoord horen niet bij elkaar.")
# Organisations whose coordinators see counts, never a person (orgs/access.can_read_personal).
OVERSEEING_KINDS = ("province", "national")

# Verifying against a dummy hash keeps a wrong email as slow as a wrong password.
_DUMMY_HASH = None


def _dummy_hash():
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = passwords.hash_password("not-a-real-password")
    return _DUMMY_HASH


def normalise_email(email: str) -> str:
    """Return the email as stored: trimmed and lower-case."""
    return email.strip().lower()


def get_user_by_email(email: str):
    """Return the user with this email, or None."""
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def normalise_username(username: str) -> str:
    """Return the username as stored: trimmed and lower-case."""
    return username.strip().lower()


def username_problems(username: str) -> list:
    """Return why a (normalised) username cannot be used; [] if it can."""
    if not USERNAME.match(username):
        return [_l("Een gebruikersnaam heeft 3 tot 40 tekens: kleine letters, cijfers, punt of streepje.")]
    if db.session.scalar(sa.select(User.id).where(User.username == username)):
        return [_l("Deze gebruikersnaam is al in gebruik.")]
    return []


def get_user_by_login(login: str):
    """Return the user with this e-mail address (it has an @) or username (any case), or None."""
    login = login.strip().lower()
    if not login:
        return None
    column = User.email if "@" in login else User.username
    return db.session.scalar(sa.select(User).where(column == login))


def authenticate(login: str, password: str) -> User:
    """Return the user for these credentials: an e-mail address or a username, and the password.

    :raise 401: if the account is unknown, has no password yet (not activated) or the password
        is wrong (one message for all, equally slow).
    """
    sessions.begin_read()  # argon2 takes a while: no write lock meanwhile
    user = get_user_by_login(login)
    if user is None or not user.password_hash:
        passwords.verify_password(_dummy_hash(), password)
        raise Unauthorized(WRONG_CREDENTIALS)
    if not passwords.verify_password(user.password_hash, password):
        raise Unauthorized(WRONG_CREDENTIALS)
    if passwords.needs_rehash(user.password_hash):
        password_hash = passwords.hash_password(password)
        sessions.begin_write()
        user.password_hash = password_hash
        db.session.commit()
    return user


def create_user(email, password, display_name, roles, organisation=None, locale=None) -> User:
    """Create a user with a checked password."""
    problems = passwords.password_problems(password, email)
    if problems:
        raise ValidationError(errors={"password": problems})
    user = _add_user(normalise_email(email), None, passwords.hash_password(password), display_name, roles,
                     organisation, locale)
    db.session.commit()
    return user


def _add_user(email, username, password_hash, display_name, roles, organisation, locale) -> User:
    """Add a user and its synced profile row, in the caller's transaction."""
    user = User(email=email, username=username, password_hash=password_hash, display_name=display_name,
                organisation=organisation, locale=locale, availability=[])
    user.roles = roles
    db.session.add(user)
    db.session.flush()
    record_profile(user)
    return user


def create_pending_user(display_name, username, roles, organisation, locale, email=None) -> User:
    """Create an account without a password (intake): it logs in only once activated with a code.

    The username is stored lower-case. No commit: the caller (the intake) owns the transaction;
    issue the code with tokens.issue_activation_code(user, by) in the same one.

    :raise 422: if the username (or e-mail address) is malformed or taken.
    """
    username = normalise_username(username or "")
    problems = username_problems(username)
    if problems:
        raise ValidationError(errors={"username": problems})
    if email:
        email = normalise_email(email)
        if get_user_by_email(email):
            raise ValidationError(errors={"email": [_l("Dit e-mailadres is al in gebruik.")]})
    # No password yet (""): authenticate() refuses it like a wrong one.
    return _add_user(email or None, username, "", display_name, roles, organisation, locale)


def may_issue_codes(coordinator: User, user: User) -> bool:
    """Tell whether `coordinator` may give `user` a new activation code.

    Only a coordinator of the user's own branch (not of a province or the nation, which see
    counts only), only for newcomers and buddies: never for another coordinator or an admin.
    """
    org = coordinator.organisation
    return (coordinator.has_role("coordinator") and org is not None and org.kind not in OVERSEEING_KINDS
            and is_within(user.organisation, org) and user.id != coordinator.id
            and not (user.has_role("coordinator") or user.has_role("admin")))


def reissue_activation_code(coordinator: User, user_id) -> tuple[User, str, object]:
    """Give a user of the coordinator's branch a new activation code: every session and older code ends.

    Returns (user, code, expires_at).

    :raise 403: if `coordinator` is no coordinator.
    :raise 404: if there is no such user in the coordinator's branch.
    """
    if not coordinator.has_role("coordinator"):
        raise Forbidden(_l("Alleen een coördinator kan een activeringscode maken."))
    sessions.begin_write()
    user = db.session.get(User, user_id)
    coordinator = db.session.get(User, coordinator.id)
    if user is None or not may_issue_codes(coordinator, user):
        raise NotFound()
    code = tokens.issue_activation_code(user, coordinator)
    expires_at = tokens.activation_expiry(user)
    db.session.commit()
    return user, code, expires_at


def request_password_reset(email: str):
    """Make a reset link's secret for the account of this e-mail address.

    Returns (user, token), or None when there is no such account (the caller answers the
    same either way). Older links of the user end.
    """
    sessions.begin_write()
    user = get_user_by_email(email)
    if user is None or not user.email:
        db.session.rollback()
        return None
    token = tokens.issue_reset_token(user)
    db.session.commit()
    return user, token


def change_password(user: User, current_password: str, new_password: str, user_agent: str | None) -> User:
    """Change the password and end every other session of this user.

    This device goes on in a new session (so with a new CSRF token): whoever may have copied
    the old cookie is logged out too.
    """
    sessions.begin_read()  # argon2 (twice) takes a while: no write lock meanwhile
    if not passwords.verify_password(user.password_hash, current_password):
        raise ValidationError(errors={"current_password": [_l("Dit is niet je huidige wachtwoord.")]})
    problems = passwords.password_problems(new_password, user.email)
    if problems:
        raise ValidationError(errors={"new_password": problems})
    password_hash = passwords.hash_password(new_password)  # slow: before the write lock is taken
    sessions.begin_write()
    user.password_hash = password_hash
    old_session = user.session_id
    sessions.add_session(user, user_agent)
    db.session.flush()
    push.move_to_session(old_session, user.session_id)  # this device keeps its reminders
    db.session.execute(sa.delete(UserSession).where(UserSession.user_id == user.id,
                                                    UserSession.id != user.session_id))
    db.session.commit()
    return user


def profile_data(user: User) -> dict:
    """Return the synced 'profile' row of a user."""
    return {
        "id": str(user.id),
        "display_name": user.display_name,
        "locale": user.locale,
        "availability": user.availability or [],
        "phone": user.phone,
        "shares": user.shares or [],
    }


def record_profile(user: User) -> None:
    """Put the user's profile row into the change feed of their own scope."""
    changes.record_put("profile", user.id, f"user:{user.id}", profile_data(user))


# Called as listener(user, changed field names) after a profile change, in its transaction:
# a feature that shows part of the profile to others (matching: the name, the shared contact
# details) keeps its own copies current. Registered by the feature (backend/<feature>/sync.py).
PROFILE_LISTENERS: list = []


def apply_profile_update(user: User, fields: dict) -> None:
    """Merge the given profile fields into the user (no commit: callers own the transaction)."""
    changed = set()
    for name in ("display_name", "locale", "availability", "phone", "shares"):
        if name in fields and getattr(user, name) != fields[name]:
            setattr(user, name, fields[name])
            changed.add(name)
    record_profile(user)
    if changed:
        db.session.flush()
        for listener in PROFILE_LISTENERS:
            listener(user, changed)


def update_profile(user: User, fields: dict) -> User:
    """Update the own profile (name, language, availability) and commit."""
    apply_profile_update(user, fields)
    db.session.commit()
    return user
