"""Session login (flask-login) and the CSRF rule of DESIGN section 5."""
import hmac
import secrets
import uuid

from flask import request, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from backend.errors import Forbidden, Unauthorized
from backend.extensions import db, login

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Login has no session yet; its JSON-only body already stops cross-site forms.
CSRF_EXEMPT_ENDPOINTS = {"auth.Login"}


def init_login(app):
    """Wire flask-login to the User table and the API's JSON errors."""
    app.before_request(check_csrf)


@login.user_loader
def load_user(session_id: str):
    """Load the user of a session id 'uuid.generation'; a stale generation is logged out."""
    from backend.accounts.models import User

    user_id, _, gen = session_id.partition(".")
    try:
        user = db.session.get(User, uuid.UUID(user_id))
    except ValueError:
        return None
    if user is None or str(user.session_gen) != gen:
        return None
    return user


@login.unauthorized_handler
def unauthorized():
    """Answer 401 in the error shape; the API never redirects."""
    raise Unauthorized()


def me():
    """Return the logged-in User itself, not flask-login's proxy (services get real objects)."""
    return current_user._get_current_object()


def csrf_token() -> str:
    """Return this session's CSRF token, creating it once."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf():
    """Refuse unsafe requests of a logged-in session that lack the session's X-CSRF-Token."""
    if request.method not in UNSAFE_METHODS or request.endpoint in CSRF_EXEMPT_ENDPOINTS:
        return
    if not current_user.is_authenticated:
        return
    sent = request.headers.get("X-CSRF-Token", "")
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(sent, expected):
        raise Forbidden(_l("Het beveiligingstoken ontbreekt of klopt niet. Laad de app opnieuw."))
