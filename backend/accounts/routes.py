"""Routes under /api/auth: log in and out, who am I, own profile, password, own devices."""
from flask import current_app, request, session
from flask.views import MethodView
from flask_login import login_required, login_user, logout_user
from flask_smorest import Blueprint

from backend.accounts import auth, service, sessions
from backend.accounts.schemas import (
    DeviceSessionSchema, LoginSchema, PasswordChangeSchema, ProfileUpdateSchema, SessionSchema,
)
from backend.extensions import limiter
from backend.web import compression

bp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Log in and out; the own account")


def _session_payload(user):
    compression.carries_secret()  # the CSRF token: never compressed (BREACH)
    return {"user": user, "csrf_token": auth.csrf_token(user.session_id)}


def _sign_in(user):
    """Put this device's session into the cookie, kept across browser restarts."""
    login_user(user)
    session.permanent = True


def _sign_out():
    """Drop the login from the cookie (the browser deletes an emptied one)."""
    logout_user()
    session.clear()


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _password_limit():
    return current_app.config["PASSWORD_RATE_LIMIT"]


def _login_email_key():
    """Rate-limit key per account, so spreading guesses over addresses does not help."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return f"login-email:{str(email).strip().lower()}"


def _password_user_key():
    """Rate-limit key per user of the session (the cookie's claim: the view checks it)."""
    claim = auth.parse_claim(session.get("_user_id"))
    return f"password-user:{claim.user_id if claim else ''}"


def _failed_login(response) -> bool:
    return response.status_code == 401


def _wrong_current_password(response) -> bool:
    """Only guesses count: a weak new password means the current one was right."""
    body = response.get_json(silent=True) if response.status_code == 422 else None
    return isinstance(body, dict) and "current_password" in (body.get("errors") or {})


@bp.route("/login")
class Login(MethodView):
    # Failures only, with a longer wait after each round (LOGIN_RATE_LIMIT).
    decorators = [limiter.limit(_login_limit, deduct_when=_failed_login),
                  limiter.limit(_login_limit, key_func=_login_email_key, deduct_when=_failed_login)]

    @bp.arguments(LoginSchema())
    @bp.response(200, SessionSchema)
    def post(self, data):
        """Log in with email and password; sets the session cookie."""
        user = service.authenticate(data["email"], data["password"])
        previous = auth.parse_claim(session.get("_user_id"))
        sessions.start_session(user, request.user_agent.string, replaces=previous and previous.session_id)
        _sign_in(user)
        return _session_payload(user)


@bp.route("/logout")
class Logout(MethodView):
    @login_required
    @bp.response(204)
    def post(self):
        """Log out of this session; the other devices stay logged in."""
        sessions.log_out(auth.me())
        _sign_out()


@bp.route("/me")
class Me(MethodView):
    @login_required
    @bp.response(200, SessionSchema)
    def get(self):
        """Return the logged-in user and the CSRF token."""
        return _session_payload(auth.me())

    @login_required
    @bp.arguments(ProfileUpdateSchema())
    @bp.response(200, SessionSchema)
    def patch(self, data):
        """Change the own name, language or availability."""
        return _session_payload(service.update_profile(auth.me(), data))


@bp.route("/password")
class Password(MethodView):
    decorators = [limiter.limit(_password_limit, deduct_when=_wrong_current_password),
                  limiter.limit(_password_limit, key_func=_password_user_key, deduct_when=_wrong_current_password)]

    @login_required
    @bp.arguments(PasswordChangeSchema())
    @bp.response(200, SessionSchema)
    def post(self, data):
        """Change the own password; other sessions are logged out, this one gets a new CSRF token."""
        user = service.change_password(auth.me(), data["current_password"], data["new_password"],
                                       request.user_agent.string)
        _sign_in(user)  # the cookie now names this device's new session
        return _session_payload(user)


@bp.route("/sessions")
class Sessions(MethodView):
    @login_required
    @bp.response(200, DeviceSessionSchema(many=True))
    def get(self):
        """List the devices the own account is signed in on, newest first."""
        return sessions.list_sessions(auth.me())


@bp.route("/sessions/<uuid:session_id>")
class SessionById(MethodView):
    @login_required
    @bp.response(204)
    def delete(self, session_id):
        """End a session of the own account: that device is logged out (this one too)."""
        user = auth.me()
        sessions.end_session(user, session_id)
        if session_id == user.session_id:
            _sign_out()
