"""Session login (flask-login) and the CSRF rule of DESIGN section 5."""
import functools
import hmac
import secrets
import uuid
from typing import NamedTuple

import sqlalchemy as sa
from flask import g, request, session
from flask_babel import lazy_gettext as _l
from flask_login import UserMixin, current_user

from backend.accounts.models import User
from backend.errors import Forbidden, Unauthorized
from backend.extensions import db, login

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Login has no session yet; its JSON-only body already stops cross-site forms.
CSRF_EXEMPT_ENDPOINTS = {"auth.Login"}


def init_login(app):
    """Wire flask-login to the User table and the API's JSON errors."""
    app.before_request(check_csrf)


class SessionUser(UserMixin):
    """Who the session belongs to: read with one light query on every request.

    Checking a session must not cost a full User row (the up-to-date sync pull is mostly
    this check); views that need the row call me().
    """

    def __init__(self, id, session_gen, locale):
        self.id, self.session_gen, self.locale = id, session_gen, locale

    def get_id(self) -> str:
        return f"{self.id}.{self.session_gen}"


_users = User.__table__.c
_SESSION_USER = sa.select(_users.id, _users.session_gen, _users.locale).where(
    _users.id == sa.bindparam("id")
)


class Claim(NamedTuple):
    """Who a session cookie says is logged in, before the users row confirms it."""

    user_id: uuid.UUID
    session_gen: int


def parse_session_id(session_id: str | None) -> Claim | None:
    """Parse flask-login's session id 'uuid.generation' (SessionUser.get_id); None if malformed."""
    user_id, _, gen = (session_id or "").partition(".")
    try:
        return Claim(uuid.UUID(user_id), int(gen))
    except ValueError:
        return None


@login.user_loader
def load_user(session_id: str):
    """Load the user of a session id 'uuid.generation'; a stale generation is logged out."""
    claim = parse_session_id(session_id)
    if claim is None:
        return None
    row = db.session.execute(_SESSION_USER, {"id": claim.user_id}).first()
    if row is None or row.session_gen != claim.session_gen:
        return None
    return SessionUser(*row)


def session_claim() -> Claim:
    """Return the unconfirmed claim of the session cookie, for a view that confirms it itself.

    The sync pull checks the generation against the users row inside its one SQL statement,
    instead of flask-login's separate query (bench/http_pull.py). Any other view uses
    login_required and current_user.

    :raise 401: if the session holds no login.
    """
    claim = parse_session_id(session.get("_user_id"))
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


def me():
    """Return the logged-in User row itself (services get real objects, not a proxy)."""
    user = current_user._get_current_object()
    if isinstance(user, SessionUser):
        if "me" not in g:
            g.me = db.session.get(User, user.id)
        user = g.me
    return user


def csrf_token() -> str:
    """Return this session's CSRF token, creating it once."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf():
    """Refuse unsafe requests of a logged-in session that lack the session's X-CSRF-Token.

    Reads the session cookie only: the user row is loaded later, by the view that needs it.
    """
    if request.method not in UNSAFE_METHODS or request.endpoint in CSRF_EXEMPT_ENDPOINTS:
        return
    if "_user_id" not in session:  # flask-login's key: no login, nothing to forge
        return
    sent = request.headers.get("X-CSRF-Token", "")
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(sent, expected):
        raise Forbidden(_l("Het beveiligingstoken ontbreekt of klopt niet. Laad de app opnieuw."))
