"""One server-side session per signed-in device: listed, ended one by one, expired when idle."""
import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from tests.conftest import PASSWORD, AuthActions

PHONE_UA = ("Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/120.0.0.0 Mobile Safari/537.36")
LAPTOP_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0"


class Browser(AuthActions):
    """AuthActions with a User-Agent of its own, and the GET and DELETE of the sessions routes."""

    def __init__(self, client, user_agent="pytest"):
        super().__init__(client)
        self.user_agent = user_agent

    def login(self, email, password=PASSWORD):
        response = self._client.post("/api/auth/login", json={"email": email, "password": password},
                                     headers={"User-Agent": self.user_agent})
        self.csrf = response.json.get("csrf_token", self.csrf)
        return response

    def headers(self, **extra):
        return super().headers(**{"User-Agent": self.user_agent, **extra})

    def get(self, url):
        return self._client.get(url, headers=self.headers())

    def delete(self, url):
        return self._client.delete(url, headers=self.headers())


@pytest.fixture
def two_devices(app, make_user):
    """One user signed in on a phone and on a laptop (two browsers)."""
    user = make_user(email="a@example.org")
    phone, laptop = Browser(app.test_client(), PHONE_UA), Browser(app.test_client(), LAPTOP_UA)
    assert phone.login("a@example.org").status_code == 200
    assert laptop.login("a@example.org").status_code == 200
    return user, phone, laptop


def _set_last_seen(app, when):
    from backend.accounts.models import UserSession
    from backend.extensions import db

    with app.app_context():
        db.session.execute(sa.update(UserSession).values(last_seen_at=when))
        db.session.commit()


def _last_seen(app):
    from backend.accounts.models import UserSession
    from backend.extensions import db

    with app.app_context():
        return db.session.scalars(sa.select(UserSession.last_seen_at)).all()


def _pull(actions, client_id=None):
    body = {"client_id": str(client_id or uuid.uuid4()), "schema_version": 1}
    return actions.post("/api/sync/pull", json=body)


def _push(actions):
    mutation = {"mid": 1, "name": "profile.update", "args": {"locale": "en"}}
    return actions.post("/api/sync/push", json={"client_id": str(uuid.uuid4()), "schema_version": 1,
                                                "mutations": [mutation]})


def test_after_logout_the_old_cookie_gets_401_everywhere(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    cookie = client.get_cookie("session").value
    assert _pull(auth).status_code == 200 and _push(auth).status_code == 200
    assert auth.logout().status_code == 204
    client.set_cookie("session", cookie)  # a copy of the cookie kept from before the logout
    assert client.get("/api/auth/me").status_code == 401
    assert _pull(auth).status_code == 401
    assert _push(auth).status_code == 401


def test_logging_out_one_device_leaves_the_other_signed_in(two_devices):
    _, phone, laptop = two_devices
    assert laptop.logout().status_code == 204
    assert phone.get("/api/auth/me").status_code == 200
    assert _pull(phone).status_code == 200
    assert laptop.get("/api/auth/me").status_code == 401


def test_sessions_are_listed_with_the_current_one_marked(two_devices):
    _, phone, laptop = two_devices
    listed = phone.get("/api/auth/sessions")
    assert listed.status_code == 200
    assert sorted(s["device"] for s in listed.json) == ["Chrome · Android", "Firefox · Windows"]
    assert [s["current"] for s in listed.json] == [False, True]  # newest first: the laptop's
    assert [s["device"] for s in listed.json if s["current"]] == ["Chrome · Android"]
    for session in listed.json:
        assert set(session) == {"id", "device", "created_at", "last_seen_at", "current"}
        dt.datetime.fromisoformat(session["created_at"])
    from_laptop = laptop.get("/api/auth/sessions").json
    assert [s["device"] for s in from_laptop if s["current"]] == ["Firefox · Windows"]


def test_ending_another_device_signs_it_out(two_devices):
    _, phone, laptop = two_devices
    other = next(s for s in phone.get("/api/auth/sessions").json if not s["current"])
    assert phone.delete(f"/api/auth/sessions/{other['id']}").status_code == 204
    assert laptop.get("/api/auth/me").status_code == 401
    assert _pull(laptop).status_code == 401
    assert [s["current"] for s in phone.get("/api/auth/sessions").json] == [True]


def test_ending_the_current_session_signs_this_device_out(two_devices):
    _, phone, laptop = two_devices
    mine = next(s for s in phone.get("/api/auth/sessions").json if s["current"])
    assert phone.delete(f"/api/auth/sessions/{mine['id']}").status_code == 204
    assert phone.get("/api/auth/me").status_code == 401
    assert laptop.get("/api/auth/me").status_code == 200


def test_another_users_session_or_an_unknown_id_is_404(app, two_devices, make_user):
    _, phone, laptop = two_devices
    make_user(email="b@example.org")
    stranger = Browser(app.test_client())
    stranger.login("b@example.org")
    theirs = phone.get("/api/auth/sessions").json[0]["id"]
    for session_id in (theirs, str(uuid.uuid4())):
        response = stranger.delete(f"/api/auth/sessions/{session_id}")
        assert response.status_code == 404 and response.json["code"] == 404 and response.json["message"]
    assert phone.get("/api/auth/me").status_code == 200 and laptop.get("/api/auth/me").status_code == 200


def test_sessions_need_a_login(client):
    assert client.get("/api/auth/sessions").status_code == 401
    assert client.delete(f"/api/auth/sessions/{uuid.uuid4()}").status_code == 401


def test_a_password_change_ends_the_other_sessions_only(two_devices):
    _, phone, laptop = two_devices
    old_csrf = phone.csrf
    response = phone.post("/api/auth/password", json={"current_password": PASSWORD, "new_password": "a-new-long-password"})
    assert response.status_code == 200
    assert response.json["csrf_token"] != old_csrf  # this device has a new session
    phone.csrf = response.json["csrf_token"]
    assert phone.get("/api/auth/me").status_code == 200
    assert _pull(phone).status_code == 200
    assert laptop.get("/api/auth/me").status_code == 401
    assert _pull(laptop).status_code == 401
    assert len(phone.get("/api/auth/sessions").json) == 1
    # The old token is no longer this session's.
    assert phone.post("/api/sync/pull", json={"client_id": str(uuid.uuid4()), "schema_version": 1},
                      headers={"X-CSRF-Token": old_csrf}).status_code == 403


def test_an_idle_session_expires(app, auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    days = app.config["SESSION_IDLE_DAYS"]
    _set_last_seen(app, dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days, minutes=1))
    assert client.get("/api/auth/me").status_code == 401
    assert _pull(auth).status_code == 401


def test_an_idle_session_expires_for_the_pull_too(app, auth, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    _set_last_seen(app, dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=app.config["SESSION_IDLE_DAYS"] + 1))
    assert _pull(auth).status_code == 401


@pytest.mark.parametrize("route", ["me", "pull"])
def test_an_active_session_is_kept_alive(app, auth, client, make_user, route):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    now = dt.datetime.now(dt.timezone.utc)
    _set_last_seen(app, now - dt.timedelta(days=app.config["SESSION_IDLE_DAYS"] - 1))
    response = client.get("/api/auth/me") if route == "me" else _pull(auth)
    assert response.status_code == 200
    assert "Expires=" in response.headers.get("Set-Cookie", "")  # the cookie's lifetime is renewed too
    (seen,) = _last_seen(app)
    assert seen >= now - dt.timedelta(minutes=1)  # bumped: a month from now it still works
    _set_last_seen(app, seen - dt.timedelta(days=2))  # two days later: past the first login's month
    assert client.get("/api/auth/me").status_code == 200


def test_a_fresh_session_is_not_written_on_every_request(app, auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    before = _last_seen(app)
    for _ in range(3):
        response = client.get("/api/auth/me")
        assert response.status_code == 200 and "Set-Cookie" not in response.headers
        assert _pull(auth).headers.get("Set-Cookie") is None
    assert _last_seen(app) == before


def test_the_session_cookie_survives_a_browser_restart(app, auth, make_user):
    make_user(email="a@example.org")
    cookie = auth.login("a@example.org").headers["Set-Cookie"]
    assert "Expires=" in cookie and "HttpOnly" in cookie
    expires = dt.datetime.strptime(cookie.split("Expires=")[1].split(";")[0], "%a, %d %b %Y %H:%M:%S GMT")
    assert expires - dt.datetime.now() > dt.timedelta(days=app.config["SESSION_IDLE_DAYS"])


def test_pull_needs_login_and_csrf(client, auth, make_user):
    make_user(email="a@example.org")
    body = {"client_id": str(uuid.uuid4()), "schema_version": 1}
    assert client.post("/api/sync/pull", json=body).status_code == 401  # not logged in
    auth.login("a@example.org")
    assert client.post("/api/sync/pull", json=body).status_code == 403  # logged in, no token
    assert auth.post("/api/sync/pull", json=body).status_code == 200


def test_a_tampered_cookie_is_not_a_login(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    good = client.get_cookie("session").value
    bad = good[:-2] + ("AA" if not good.endswith("AA") else "BB")  # same payload, broken signature
    client.set_cookie("session", bad)
    assert client.get("/api/auth/me").status_code == 401
    client.set_cookie("session", good)
    assert client.get("/api/auth/me").status_code == 200


def test_a_deleted_user_has_no_session(app, auth, client, make_user):
    from backend.accounts.models import User
    from backend.extensions import db

    user = make_user(email="a@example.org")
    auth.login("a@example.org")
    with app.app_context():
        db.session.delete(db.session.get(User, user.id))
        db.session.commit()
    assert client.get("/api/auth/me").status_code == 401
    assert _pull(auth).status_code == 401


def test_current_user_is_the_user_row_on_every_request(app, make_user):
    """A route that asks for a role works right after login and on later requests."""
    from flask_login import current_user, login_required

    from backend import create_app
    from backend.config import TestConfig
    from backend.extensions import db

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]

    fresh = create_app(Config)
    seen = []

    @login_required
    def probe():
        seen.append((type(current_user._get_current_object()).__name__, current_user.has_role("buddy")))
        return {}

    fresh.add_url_rule("/probe/roles", "probe_roles", probe)
    make_user("buddy", email="a@example.org")
    try:
        browser = Browser(fresh.test_client())
        browser.login("a@example.org")
        assert browser.get("/probe/roles").status_code == 200
        assert browser.get("/probe/roles").status_code == 200
    finally:
        with fresh.app_context():
            db.engine.dispose()
    assert seen == [("User", True), ("User", True)]


def test_renewing_sessions_under_concurrent_requests_never_fails(app, make_user, monkeypatch):
    """Every request renews last_seen_at here (SEEN_EVERY 0) while other devices log in and out:
    no write meets a request's read snapshot ("database is locked")."""
    from concurrent.futures import ThreadPoolExecutor

    from backend.accounts import sessions

    monkeypatch.setattr(sessions, "SEEN_EVERY", dt.timedelta(0))
    make_user(email="a@example.org")
    browsers = [Browser(app.test_client()) for _ in range(4)]
    for browser in browsers:
        browser.login("a@example.org")

    def work(args):
        browser, i = args
        if i % 3 == 0:
            newcomer = Browser(app.test_client())
            codes = (newcomer.login("a@example.org").status_code, newcomer.get("/api/auth/sessions").status_code,
                     newcomer.logout().status_code)
            return 200 if codes == (200, 200, 204) else codes
        if i % 3 == 1:
            return _pull(browser).status_code
        return browser.get("/api/auth/me").status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = list(pool.map(work, [(browsers[i % 4], i) for i in range(60)]))
    assert codes == [200] * 60


@pytest.mark.parametrize("user_agent, label", [
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.1 Mobile/15E148 Safari/604.1", "Safari · iPhone"),
    ("Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 "
     "Chrome/115.0.0.0 Mobile Safari/537.36", "Samsung Internet · Android"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
     "Safari/537.36 Edg/120.0.0.0", "Edge · Windows"),
    ("curl/8.4.0", "Onbekend apparaat"),
])
def test_the_device_is_named_from_its_browser(app, make_user, user_agent, label):
    make_user(email="a@example.org")
    browser = Browser(app.test_client(), user_agent)
    browser.login("a@example.org")
    assert [s["device"] for s in browser.get("/api/auth/sessions").json] == [label]


def test_a_cookie_from_before_device_sessions_is_asked_to_log_in(auth, client, make_user):
    """A cookie of the former kind ('<user id>.<generation>') is no login: 401, not 403."""
    user = make_user(email="a@example.org")
    with client.session_transaction() as cookie:
        cookie["_user_id"] = f"{user.id}.0"
    assert client.get("/api/auth/me").status_code == 401
    assert _pull(auth).status_code == 401
    assert _push(auth).status_code == 401


def test_ending_all_sessions_logs_out_every_device(app, two_devices):
    from backend.accounts import sessions
    from backend.accounts.models import User
    from backend.extensions import db

    user, phone, laptop = two_devices
    with app.app_context():
        sessions.end_all_sessions(db.session.get(User, user.id))
    assert phone.get("/api/auth/me").status_code == 401
    assert laptop.get("/api/auth/me").status_code == 401
    assert _pull(phone).status_code == 401


def test_logging_in_over_a_session_ends_it(app, two_devices, make_user):
    """Another login in the same browser overwrites its cookie: the session it named is over."""
    _, phone, laptop = two_devices
    make_user(email="b@example.org")
    old_cookie = laptop._client.get_cookie("session").value
    assert laptop.login("b@example.org").status_code == 200  # B logs in on A's laptop
    devices = phone.get("/api/auth/sessions").json
    assert [s["device"] for s in devices] == ["Chrome · Android"]  # A's list: the phone only
    laptop._client.set_cookie("session", old_cookie)
    assert laptop.get("/api/auth/me").status_code == 401


@pytest.mark.parametrize("action", ["login", "password"])
def test_checking_a_password_does_not_hold_the_write_lock(app, auth, make_user, monkeypatch, action):
    """Argon2 takes a while; meanwhile other requests must be able to write (SQLite has one lock)."""
    from backend.accounts import passwords
    from backend.extensions import db

    make_user(email="a@example.org")
    auth.login("a@example.org")
    verify, written = passwords.verify_password, []

    def verify_while_another_request_writes(password_hash, password):
        with db.engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:  # fail fast instead of waiting (straight on the driver: no transaction yet)
                conn.connection.dbapi_connection.execute("PRAGMA busy_timeout = 200")
            conn = conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                conn.execute(sa.text("UPDATE sync_state SET purged_seq = purged_seq"))
            conn.invalidate()  # not back into the pool with the short timeout
        written.append(True)
        return verify(password_hash, password)

    monkeypatch.setattr(passwords, "verify_password", verify_while_another_request_writes)
    if action == "login":
        assert auth.login("a@example.org").status_code == 200
    else:
        response = auth.post("/api/auth/password", json={"current_password": PASSWORD,
                                                         "new_password": "a-new-long-password"})
        assert response.status_code == 200
    assert written


def test_the_cleanup_command_deletes_idle_sessions_only(app, make_user):
    """A lost phone's session row goes away on its own: `flask --app backend accounts cleanup`."""
    from backend.accounts.models import UserSession
    from backend.extensions import db

    make_user(email="a@example.org")
    make_user(email="b@example.org")
    idle, active = Browser(app.test_client()), Browser(app.test_client())
    idle.login("a@example.org")
    _set_last_seen(app, dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=app.config["SESSION_IDLE_DAYS"] + 1))
    active.login("b@example.org")
    result = app.test_cli_runner().invoke(args=["accounts", "cleanup"])
    assert result.exit_code == 0 and "removed 1 idle sessions" in result.output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(UserSession)) == 1
    assert active.get("/api/auth/me").status_code == 200
