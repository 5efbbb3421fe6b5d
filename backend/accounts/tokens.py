"""Single-use secrets of an account: activation codes and password-reset links (AccountToken).

One mechanism for both: the plain secret is shown once (on the coordinator's screen, in a
mail) and only its SHA-256 hash is stored. Issuing a new secret of a kind ends the user's
older ones of that kind; redeeming one sets the password, ends every session and every other
open secret of the user, and starts a session on this device.

- activation code: 10 characters from an alphabet without the look-alikes 0/O, 1/I/L,
  shown as "K7QX-M4TZ-9P", valid 14 days. 31^10 (about 2^49) codes: with the rate limit on
  failed attempts (ACTIVATE_RATE_LIMIT) guessing one of the open codes takes ages.
- reset token: 32 random bytes (URL-safe), valid 1 hour, sent in a link by mail.
"""
import datetime as dt
import hashlib
import secrets
import uuid

import segno
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backend.accounts import passwords, sessions
from backend.accounts.models import AccountToken, User, UserSession
from backend.db import utcnow
from backend.errors import ValidationError
from backend.extensions import db

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: easy to read aloud and type
CODE_LENGTH = 10
GROUPS = (4, 4, 2)  # K7QX-M4TZ-9P
ACTIVATION_VALID = dt.timedelta(days=14)
RESET_VALID = dt.timedelta(hours=1)

INVALID_CODE = _l("Deze code klopt niet, is al gebruikt of is verlopen. Vraag je coördinator om een nieuwe code.")
INVALID_LINK = _l("Deze link klopt niet, is al gebruikt of is verlopen. Vraag een nieuwe link aan.")


def hash_secret(secret: str) -> str:
    """Return the stored form of a secret: the hex SHA-256 of its normalised text."""
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(text: str) -> str:
    """Return an activation code as typed, without case, spaces or dashes ('k7qx m4tz-9p' -> 'K7QXM4TZ9P')."""
    return "".join(c for c in (text or "").upper() if c.isalnum())


def format_code(code: str) -> str:
    """Return the code in groups for reading: 'K7QX-M4TZ-9P'."""
    parts, start = [], 0
    for size in GROUPS:
        parts.append(code[start:start + size])
        start += size
    return "-".join(parts)


def _end_open_tokens(user: User, kind: str | None = None) -> None:
    """End the user's unused secrets (of one kind, or all): they can no longer be redeemed."""
    query = sa.update(AccountToken).where(AccountToken.user_id == user.id, AccountToken.used_at.is_(None))
    if kind:
        query = query.where(AccountToken.kind == kind)
    db.session.execute(query.values(expires_at=utcnow()))


def _issue(user: User, kind: str, secret: str, valid: dt.timedelta, by: User | None) -> AccountToken:
    _end_open_tokens(user, kind)
    token = AccountToken(user_id=user.id, kind=kind, token_hash=hash_secret(secret),
                         created_by_id=by.id if by else None, expires_at=utcnow() + valid)
    db.session.add(token)
    db.session.flush()
    return token


def issue_activation_code(user: User, by: User | None) -> str:
    """Issue a new activation code for `user` and return it in groups ('K7QX-M4TZ-9P').

    Ends the user's older activation codes and every session of the user (a re-issued code
    is for someone who lost the password or the phone). No commit: the caller's transaction.
    """
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    _issue(user, "activation", code, ACTIVATION_VALID, by)
    db.session.execute(sa.delete(UserSession).where(UserSession.user_id == user.id))
    return format_code(code)


def activation_expiry(user: User):
    """Return when the user's open activation code expires (None if there is none)."""
    return db.session.scalar(
        sa.select(AccountToken.expires_at)
        .where(AccountToken.user_id == user.id, AccountToken.kind == "activation",
               AccountToken.used_at.is_(None), AccountToken.expires_at > utcnow())
        .order_by(AccountToken.created_at.desc()).limit(1))


def issue_reset_token(user: User) -> str:
    """Issue a password-reset secret for a link (valid 1 hour) and return it; older links end.

    No commit: the caller's transaction.
    """
    token = secrets.token_urlsafe(32)
    _issue(user, "reset", token, RESET_VALID, None)
    return token


def _redeem(kind: str, secret: str, password: str, field: str, invalid, locale: str | None,
            user_agent: str | None, replaces: uuid.UUID | None) -> User:
    """Set the password of the secret's user, use the secret up and start a session on this device.

    `replaces`: the session this browser's cookie held until now (maybe another user's): it ends.

    :raise 422: one message (under `field`) for an unknown, used or expired secret; the
        password rules under `password`.
    """
    sessions.begin_read()  # argon2 takes a while: no write lock meanwhile
    now = utcnow()
    token = db.session.scalar(sa.select(AccountToken).where(
        AccountToken.token_hash == hash_secret(secret), AccountToken.kind == kind))
    if token is None or token.used_at is not None or token.expires_at <= now:
        raise ValidationError(invalid, errors={field: [invalid]})
    user = db.session.get(User, token.user_id)
    problems = passwords.password_problems(password, user.email or user.username or "")
    if problems:
        raise ValidationError(errors={"password": problems})
    password_hash = passwords.hash_password(password)  # slow: before the write lock is taken
    token_id, user_id = token.id, user.id
    sessions.begin_write()
    # Only one redeem of a secret wins, however many arrive at once.
    used = db.session.execute(
        sa.update(AccountToken)
        .where(AccountToken.id == token_id, AccountToken.used_at.is_(None), AccountToken.expires_at > utcnow())
        .values(used_at=utcnow())).rowcount
    if not used:
        db.session.rollback()
        raise ValidationError(invalid, errors={field: [invalid]})
    user = db.session.get(User, user_id)
    user.password_hash = password_hash
    if locale:
        user.locale = locale
    _end_open_tokens(user)
    db.session.execute(sa.delete(UserSession).where((UserSession.user_id == user.id) | (UserSession.id == replaces)))
    sessions.add_session(user, user_agent)
    from backend.accounts.service import record_profile  # the locale may have changed
    record_profile(user)
    db.session.commit()
    return user


def redeem_activation(code: str, password: str, locale: str | None = None, user_agent: str | None = None,
                      replaces: uuid.UUID | None = None) -> User:
    """Activate an account with its code: set the password (and language) and log in on this device.

    The code may be typed in any case, with spaces or dashes.
    """
    return _redeem("activation", normalise_code(code), password, "code", INVALID_CODE, locale, user_agent, replaces)


def redeem_reset(token: str, password: str, user_agent: str | None = None, replaces: uuid.UUID | None = None) -> User:
    """Set a new password with a reset link's secret, end every session and log in on this device."""
    return _redeem("reset", (token or "").strip(), password, "token", INVALID_LINK, None, user_agent, replaces)


def activation_card(code: str, expires_at, locale: str | None = None) -> dict:
    """Return what a coordinator hands over (ActivationCodeSchema): the code, its expiry, the link
    PUBLIC_URL/activeren?lang=<the user's language>#<code> (the code in the fragment: browsers
    never send it to a server, so no log holds it; the screen opens in the newcomer's language)
    and that link as a QR code (an SVG made here, no outside service)."""
    from backend.mail.messages import app_url

    url = app_url("/activeren" + (f"?lang={locale}" if locale else "") + f"#{code}")
    return {"code": code, "expires_at": expires_at, "url": url,
            "qr_svg": segno.make(url, error="m").svg_inline(scale=4, title=code)}
