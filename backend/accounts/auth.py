"""Session login (flask-login, one accounts.sessions row per device) and the CSRF rule of DESIGN section 5."""
import functools
import hmac
import uuid
from typing import NamedTuple

from flask import current_app, request, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from backend.accounts import sessions
from backend.accounts.models import User
from backend.errors import Forbidden, Unauthorized
from backend.extensions import login

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Login (and its kin: activation, reset) has no session yet; its JSON-only body already stops
# cross-site forms.
CSRF_EXEMPT_ENDPOINTS = {"auth.Login", "auth.Activate", "auth.PasswordReset", "auth.PasswordResetConfirm",
                         "buddies.Signup"}  # the public sign-up acts on no session


class Claim(NamedTuple):
    """Who a session cookie says is logged in, before the user_sessions row confirms it."""

    user_id: uuid.UUID
    session_id: uuid.UUID


@functools.lru_cache(maxsize=4096)  # the same cookie on every request of a device: parse it once
def parse_claim(value: str | None) -> Claim | None:
    """Parse flask-login's '_user_id' ('<user id>.<session id>', User.get_id); None if malformed."""
    user_id, _, session_id = (value or "").partition(".")
    try:
        return Claim(uuid.UUID(user_id), uuid.UUID(session_id))
    except ValueError:
        return None


@login.user_loader
def load_user(value: str) -> User | None:
    """Load the User of a live session; a session that was ended or is idle too long is no login."""
    claim = parse_claim(value)
    return sessions.load_user(*claim) if claim else None


def session_claim() -> Claim:
    """Return the unconfirmed claim of the session cookie, for a view that confirms it itself.

    The sync pull checks the session row inside its one SQL statement, instead of
    flask-login's separate query (docs/sync.md, "What a pull costs"). Any other view uses
    login_required and current_user.

    :raise 401: if the session holds no login.
    """
    claim = parse_claim(session.get("_user_id"))
    if claim is None:
        raise Unauthorized()
    return claim


def claim_required(view):
    """login_required for a view that confirms session_claim() itself: 401 before anything else."""

    @functools.wraps(view)
    def decorated(*args, **kwargs):
        session_claim()
        return view(*args, **kwargs)

    return decorated


@login.unauthorized_handler
def unauthorized():
    """Answer 401 in the error shape; the API never redirects."""
    raise Unauthorized()


def me() -> User:
    """Return the logged-in User itself rather than flask-login's proxy (services get real objects)."""
    return current_user._get_current_object()


@functools.lru_cache(maxsize=4096)  # asked on every unsafe request of a device
def _derive_token(key: str | bytes, session_id: uuid.UUID) -> str:
    key = key.encode() if isinstance(key, str) else key
    return hmac.digest(key, b"csrf:" + session_id.bytes, "sha256").hex()


def csrf_token(session_id: uuid.UUID, key: str | bytes | None = None) -> str:
    """Return the CSRF token of a session: derived from its id, so it needs no storage."""
    return _derive_token(key or current_app.secret_key, session_id)


def check_csrf():
    """Refuse unsafe requests of a logged-in session that lack the session's X-CSRF-Token.

    Reads the session cookie only: whether the session is still live is checked later, by
    the view (login_required, or the pull's statement).
    """
    if request.method not in UNSAFE_METHODS or request.endpoint in CSRF_EXEMPT_ENDPOINTS:
        return
    claim = parse_claim(session.get("_user_id"))  # flask-login's key
    if claim is None:  # no login (or a cookie from before user_sessions): nothing to forge, 401 later
        return
    # Compared as bytes: compare_digest refuses a str with non-ASCII characters (a 500).
    sent = request.headers.get("X-CSRF-Token", "").encode("utf-8", "surrogatepass")
    if not _token_matches(sent, claim.session_id):
        raise Forbidden(_l("Het beveiligingstoken ontbreekt of klopt niet. Laad de app opnieuw."))


def _token_matches(sent: bytes, session_id: uuid.UUID) -> bool:
    """Tell whether `sent` is the session's token under the secret key or a fallback key (rotation)."""
    for key in (current_app.secret_key, *(current_app.config.get("SECRET_KEY_FALLBACKS") or ())):
        if hmac.compare_digest(sent, csrf_token(session_id, key).encode()):
            return True
    return False
