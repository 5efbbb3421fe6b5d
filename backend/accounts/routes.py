"""Routes under /api/auth: log in and out, who am I, own profile, password."""
from flask import current_app, request
from flask.views import MethodView
from flask_login import login_required, login_user, logout_user
from flask_smorest import Blueprint

from backend.accounts import auth, service
from backend.accounts.schemas import LoginSchema, PasswordChangeSchema, ProfileUpdateSchema, SessionSchema
from backend.extensions import limiter

bp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Log in and out; the own account")


def _session_payload(user):
    return {"user": user, "csrf_token": auth.csrf_token()}


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _login_email_key():
    """Rate-limit key per account, so spreading guesses over addresses does not help."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return f"login-email:{str(email).strip().lower()}"


@bp.route("/login")
class Login(MethodView):
    decorators = [limiter.limit(_login_limit), limiter.limit(_login_limit, key_func=_login_email_key)]

    @bp.arguments(LoginSchema())
    @bp.response(200, SessionSchema)
    def post(self, data):
        """Log in with email and password; sets the session cookie."""
        user = service.authenticate(data["email"], data["password"])
        login_user(user)
        return _session_payload(user)


@bp.route("/logout")
class Logout(MethodView):
    @login_required
    @bp.response(204)
    def post(self):
        """Log out of this session."""
        logout_user()


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
    @login_required
    @bp.arguments(PasswordChangeSchema())
    @bp.response(200, SessionSchema)
    def post(self, data):
        """Change the own password; other sessions are logged out."""
        user = service.change_password(auth.me(), data["current_password"], data["new_password"])
        login_user(user)  # this session continues with the new generation
        return _session_payload(user)
