"""Routes under /api/auth (log in and out, activate, reset the password, who am I, own profile,
password, own devices) and /api/accounts (a coordinator's work on the accounts of the branch)."""
from flask import current_app, request, session
from flask.views import MethodView
from flask_login import login_required, login_user, logout_user
from flask_smorest import Blueprint

from backend import mail
from backend.accounts import auth, service, sessions, tokens
from backend.accounts.schemas import (
    ActivateSchema, ActivationCodeSchema, DeviceSessionSchema, LoginSchema, PasswordChangeSchema,
    PasswordResetRequestSchema, PasswordResetSchema, ProfileUpdateSchema, SessionSchema,
)
from backend.extensions import limiter
from backend.mail.messages import app_url
from backend.web import compression

bp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Log in and out; the own account")
accounts_bp = Blueprint("accounts", __name__, url_prefix="/api/accounts",
                        description="A coordinator's work on the accounts of the own branch")


def _session_payload(user):
    compression.carries_secret()  # the CSRF token: never compressed (BREACH)
    return {"user": user, "csrf_token": auth.csrf_token(user.session_id)}


def _sign_in(user):
    """Put this device's session into the cookie, kept across browser restarts."""
    login_user(user)
    session.permanent = True


def _cookie_session():
    """Return the session this browser's cookie names (maybe another user's; maybe none)."""
    claim = auth.parse_claim(session.get("_user_id"))
    return claim.session_id if claim else None


def _sign_out():
    """Drop the login from the cookie (the browser deletes an emptied one)."""
    logout_user()
    session.clear()


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _password_limit():
    return current_app.config["PASSWORD_RATE_LIMIT"]


def _reset_address_limit():
    return current_app.config["RESET_RATE_LIMIT_ADDRESS"]


def _reset_email_limit():
    return current_app.config["RESET_RATE_LIMIT_EMAIL"]


def _body_field(*names) -> str:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return ""
    value = next((body[n] for n in names if isinstance(body.get(n), str) and body[n].strip()), "")
    return value.strip().lower()[:254]


def _login_account_key():
    """Rate-limit key per account (by e-mail address or username alike), so spreading guesses
    over addresses or over the two names of an account does not help."""
    login = _body_field("login", "email")
    user = service.get_user_by_login(login) if login else None
    return f"login-account:{user.id if user else login}"


def _reset_email_key():
    return f"reset-email:{_body_field('email')}"


def _password_user_key():
    """Rate-limit key per user of the session (the cookie's claim: the view checks it)."""
    claim = auth.parse_claim(session.get("_user_id"))
    return f"password-user:{claim.user_id if claim else ''}"


def _failed_login(response) -> bool:
    return response.status_code == 401


def _failed_redeem(response) -> bool:
    """A wrong, used or expired code or link (not a password that breaks the rules)."""
    body = response.get_json(silent=True) if response.status_code == 422 else None
    errors = (body or {}).get("errors") or {} if isinstance(body, dict) else {}
    return "code" in errors or "token" in errors


def _wrong_current_password(response) -> bool:
    """Only guesses count: a weak new password means the current one was right."""
    body = response.get_json(silent=True) if response.status_code == 422 else None
    return isinstance(body, dict) and "current_password" in (body.get("errors") or {})


@bp.route("/login")
class Login(MethodView):
    # Failures only, with a longer wait after each round (LOGIN_RATE_LIMIT).
    decorators = [limiter.limit(_login_limit, deduct_when=_failed_login),
                  limiter.limit(_login_limit, key_func=_login_account_key, deduct_when=_failed_login)]

    @bp.arguments(LoginSchema())
    @bp.response(200, SessionSchema)
    def post(self, data):
        """Log in with an e-mail address or username (`login`; older clients send `email`) and
        the password; sets the session cookie. An account that was never activated cannot log in."""
        user = service.authenticate(data["login"], data["password"])
        previous = auth.parse_claim(session.get("_user_id"))
        sessions.start_session(user, request.user_agent.string, replaces=previous and previous.session_id)
        _sign_in(user)
        return _session_payload(user)


@bp.route("/activate")
class Activate(MethodView):
    # Failed codes only, per address, like the login.
    decorators = [limiter.limit(_login_limit, deduct_when=_failed_redeem)]

    @bp.arguments(ActivateSchema())
    @bp.response(200, SessionSchema)
    def post(self, data):
        """Activate an account with the code from the coordinator: choose a password (and the
        language); logs in on this device like the login. The code works once, for 14 days."""
        user = tokens.redeem_activation(data["code"], data["password"], data.get("locale"), request.user_agent.string,
                                        replaces=_cookie_session())
        _sign_in(user)
        return _session_payload(user)


@bp.route("/password-reset")
class PasswordReset(MethodView):
    # Every request counts (the answer is always the same): per address and per e-mail address.
    decorators = [limiter.limit(_reset_address_limit),
                  limiter.limit(_reset_email_limit, key_func=_reset_email_key)]

    @bp.arguments(PasswordResetRequestSchema())
    @bp.response(202)
    def post(self, data):
        """Ask for a link to choose a new password, sent by mail (valid 1 hour, once).

        Always 202, whether or not an account has this address. People without e-mail ask
        their coordinator for a new activation code.
        """
        issued = service.request_password_reset(data["email"])
        if issued:  # after the commit: a mail failure is logged and does not undo the link
            user, token = issued
            mail.send_password_reset(user, app_url(f"/wachtwoord-herstellen#{token}"))


@bp.route("/password-reset/confirm")
class PasswordResetConfirm(MethodView):
    decorators = [limiter.limit(_login_limit, deduct_when=_failed_redeem)]

    @bp.arguments(PasswordResetSchema())
    @bp.response(200, SessionSchema)
    def post(self, data):
        """Choose a new password with the link's secret: every session ends, this device logs in."""
        user = tokens.redeem_reset(data["token"], data["password"], request.user_agent.string, replaces=_cookie_session())
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


@accounts_bp.route("/<uuid:user_id>/activation-code")
class ActivationCode(MethodView):
    @login_required
    @accounts_bp.response(201, ActivationCodeSchema)
    def post(self, user_id):
        """Make a new activation code for a newcomer or buddy of the own branch (coordinators).

        The user's older codes and every session end: for a first activation, a lost password
        or a lost phone. Show the code, the link or the QR code once; it works for 14 days.
        """
        user, code, expires_at = service.reissue_activation_code(auth.me(), user_id)
        compression.carries_secret()
        return tokens.activation_card(code, expires_at, user.locale)
