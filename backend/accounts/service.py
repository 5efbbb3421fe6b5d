"""Account services: each function is one unit of work and owns its commit."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backend.accounts import passwords, sessions
from backend.accounts.models import User, UserSession
from backend.errors import Unauthorized, ValidationError
from backend.extensions import db
from backend.sync import changes

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


def authenticate(email: str, password: str) -> User:
    """Return the user for these credentials.

    :raise 401: if the email is unknown or the password wrong (one message for both).
    """
    sessions.begin_read()  # argon2 takes a while: no write lock meanwhile
    user = get_user_by_email(email)
    if user is None:
        passwords.verify_password(_dummy_hash(), password)
        raise Unauthorized(_l("Dit e-mailadres en wachtwoord horen niet bij elkaar."))
    if not passwords.verify_password(user.password_hash, password):
        raise Unauthorized(_l("Dit e-mailadres en wachtwoord horen niet bij elkaar."))
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
    user = User(
        email=normalise_email(email),
        password_hash=passwords.hash_password(password),
        display_name=display_name,
        organisation=organisation,
        locale=locale,
        availability=[],
    )
    user.roles = roles
    db.session.add(user)
    db.session.flush()
    record_profile(user)
    db.session.commit()
    return user


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
    db.session.execute(sa.delete(UserSession).where(UserSession.user_id == user.id))
    sessions.add_session(user, user_agent)
    db.session.commit()
    return user


def profile_data(user: User) -> dict:
    """Return the synced 'profile' row of a user."""
    return {
        "id": str(user.id),
        "display_name": user.display_name,
        "locale": user.locale,
        "availability": user.availability or [],
    }


def record_profile(user: User) -> None:
    """Put the user's profile row into the change feed of their own scope."""
    changes.record_put("profile", user.id, f"user:{user.id}", profile_data(user))


def apply_profile_update(user: User, fields: dict) -> None:
    """Merge the given profile fields into the user (no commit: callers own the transaction)."""
    for name in ("display_name", "locale", "availability"):
        if name in fields:
            setattr(user, name, fields[name])
    record_profile(user)


def update_profile(user: User, fields: dict) -> User:
    """Update the own profile (name, language, availability) and commit."""
    apply_profile_update(user, fields)
    db.session.commit()
    return user


# Stand-in until acct9's version is merged (the lead takes acct9's): the account a coordinator's
# intake makes for a newcomer, without a password until it is activated. No commit: the caller's.
def create_pending_user(display_name, username, roles, organisation, locale, email=None) -> User:
    """Create a user who has no password yet (activated later with a code)."""
    user = User(email=normalise_email(email) if email else None, username=username, password_hash="",
                display_name=display_name, organisation=organisation, locale=locale, availability=[])
    user.roles = roles
    db.session.add(user)
    db.session.flush()
    record_profile(user)
    return user
