"""Fixtures: the app on the database of DATABASE_URL (default: a fresh SQLite file), a client,
login helpers and factories. Each test starts from an empty database plus the organisation tree."""
import os
import uuid

import pytest
import sqlalchemy as sa

from backend import create_app, migrate
from backend.config import TestConfig, database_url
from backend.extensions import db as _db, limiter

PASSWORD = "correct-horse-battery"
KEEP_TABLES = {"organisations", "alembic_version"}


@pytest.fixture(scope="session")
def database_uri(tmp_path_factory):
    if os.environ.get("DATABASE_URL"):
        return database_url()
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"


@pytest.fixture(scope="session")
def app(database_uri):
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = database_uri

    app = create_app(Config)
    with app.app_context():
        migrate.rebuild_for_tests()
    return app


@pytest.fixture(autouse=True)
def clean_db(request, app):
    """Empty every table but the reference data after each test."""
    yield
    clean_tables(app)


def clean_tables(app):
    """Delete every row except the organisation tree, and restart the feed sequence."""
    with app.app_context():
        _db.session.remove()
        with _db.engine.begin() as conn:
            for table in reversed(_db.metadata.sorted_tables):
                if table.name not in KEEP_TABLES and table.name != "sync_state":
                    conn.execute(table.delete())
            conn.execute(sa.text("UPDATE sync_state SET seq = 0, purged_seq = 0"))
        limiter.reset()


@pytest.fixture
def ctx(app):
    """An application context for calling services directly."""
    with app.app_context():
        yield
        _db.session.remove()


@pytest.fixture
def db(ctx):
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    """Return a factory: make_user(role="newcomer", org="GM0344", **overrides) -> User."""
    from backend.accounts import service
    from backend.orgs.service import get_by_code

    def _make_user(role="newcomer", org="GM0344", email=None, password=PASSWORD, locale=None, name=None):
        with app.app_context():
            user = service.create_user(
                email or f"{role}-{uuid.uuid4().hex[:8]}@example.org",
                password,
                name or role.title(),
                [role] if isinstance(role, str) else role,
                organisation=get_by_code(org) if org else None,
                locale=locale,
            )
            _db.session.refresh(user)
            _db.session.expunge(user)
            return user

    return _make_user


@pytest.fixture
def make_match(app):
    """Return a factory: make_match(newcomer, buddy, org="GM0344") -> Match (active)."""
    from backend.accounts.models import User
    from backend.matching.service import create_active_match
    from backend.orgs.service import get_by_code

    def _make_match(newcomer, buddy, org="GM0344"):
        with app.app_context():
            match = create_active_match(
                _db.session.get(User, newcomer.id), _db.session.get(User, buddy.id), get_by_code(org)
            )
            _db.session.refresh(match)
            _db.session.expunge(match)
            return match

    return _make_match


@pytest.fixture
def amal(auth, make_user):
    """A newcomer, Amal, logged in through `auth`."""
    user = make_user("newcomer", email="amal@example.org", name="Amal")
    auth.login("amal@example.org")
    return user


@pytest.fixture
def device(auth, amal):
    """A sync device of Amal's (tests/sync/helpers.py)."""
    from tests.sync.helpers import Device

    return Device(auth)


class AuthActions:
    """Log a test client in and out; remembers the CSRF token for unsafe requests."""

    def __init__(self, client):
        self._client = client
        self.csrf = None

    def login(self, email, password=PASSWORD):
        response = self._client.post("/api/auth/login", json={"email": email, "password": password})
        if response.status_code == 200:
            self.csrf = response.json["csrf_token"]
        return response

    def logout(self):
        return self._client.post("/api/auth/logout", headers=self.headers())

    def headers(self, **extra):
        return {"X-CSRF-Token": self.csrf or "", **extra}

    def post(self, url, json=None, **kw):
        return self._client.post(url, json=json, headers=self.headers(**kw.pop("headers", {})), **kw)

    def patch(self, url, json=None, **kw):
        return self._client.patch(url, json=json, headers=self.headers(**kw.pop("headers", {})), **kw)


@pytest.fixture
def auth(client):
    return AuthActions(client)


def is_postgres():
    return (os.environ.get("DATABASE_URL") or "").startswith("postgres")


class Inbox:
    """What a local SMTP server (aiosmtpd) received: parsed messages, in order of arrival."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted"

    def to(self, address):
        """Return the messages sent to this address (once those sent after an answer have gone)."""
        return [m for m in self.wait() if m["To"] == address]

    def wait(self):
        """Return every message, once the mails sent after an answer (mail.wait_sent) have gone."""
        from backend import mail

        mail.wait_sent()
        return self.messages


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_inbox(app):
    """A real SMTP server on a free local port; the app sends its mail there (MAIL_SECURITY=none)."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    saved = {k: app.config[k] for k in ("MAIL_SERVER", "MAIL_PORT", "MAIL_SECURITY", "PUBLIC_URL")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_SECURITY="none", PUBLIC_URL="https://maatje.test")
    try:
        yield inbox
    finally:
        from backend import mail

        mail.wait_sent()
        app.config.update(saved)
        controller.stop()
