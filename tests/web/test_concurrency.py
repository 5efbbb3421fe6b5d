"""Overlapping requests on a real server: no "database is locked" 500, no lost change (issue 7, item 8)."""
import http.cookiejar
import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from backend.accounts.models import User
from backend.extensions import db, limiter
from backend.sync.models import SyncClient, SyncLedger
from tests.conftest import PASSWORD, is_postgres
from tests.sync.helpers import Device
from tests.sync.test_push_rejections import hold_the_write_lock, impatient  # noqa: F401 (a fixture)

THREADS = 6
ROUNDS = 10


@pytest.fixture
def server(app):
    """Serve the app on a free port with a thread per request, as `flask run` does."""
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(10)


class Session:
    """One logged-in browser: its own cookies and CSRF token, real HTTP."""

    def __init__(self, base, email):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        status, body, _ = self.send("POST", "/api/auth/login", {"email": email, "password": PASSWORD})
        assert status == 200, body
        self.csrf = body["csrf_token"]
        self.statuses = []

    def send(self, method, path, body):
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), method=method,
                                         headers={"Content-Type": "application/json",
                                                  "X-CSRF-Token": getattr(self, "csrf", "")})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, json.loads(response.read()), response.headers
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null"), error.headers

    def until_done(self, method, path, body):
        """Send until the answer is not a 503 (the phone retries later); return the last answer."""
        for _ in range(50):
            status, answer, headers = self.send(method, path, body)
            self.statuses.append((status, headers.get("Retry-After")))
            if status != 503:
                return status, answer
            time.sleep(float(headers["Retry-After"]) / 10)
        raise AssertionError("still 503 after 50 tries")


def test_overlapping_profile_changes_and_first_pushes_lose_nothing(app, server, make_user, monkeypatch):
    monkeypatch.setattr(limiter, "enabled", False)  # every thread logs in from 127.0.0.1
    emails = [make_user(email=f"hammer{i}@example.org").email for i in range(THREADS)]
    pushed = {}  # client id -> display name sent

    def work(email):
        session = Session(server, email)
        for i in range(ROUNDS):
            status, answer = session.until_done("PATCH", "/api/auth/me", {"display_name": f"{email} p{i}"})
            assert status == 200, answer
            client_id = str(uuid.uuid4())  # a first push on a new client, as a fresh install does
            name = f"{email} s{i}"
            mutation = {"mid": 1, "name": "profile.update", "args": {"display_name": name}}
            status, answer = session.until_done("POST", "/api/sync/push", {
                "client_id": client_id, "schema_version": 1, "mutations": [mutation]})
            assert status == 200, answer
            assert [r["status"] for r in answer["results"]] == ["applied"], answer
            pushed[client_id] = name
        return session.statuses

    with ThreadPoolExecutor(THREADS) as pool:
        statuses = [s for done in pool.map(work, emails) for s in done]
    server_errors = [s for s in statuses if s[0] >= 500 and not (s[0] == 503 and s[1])]
    assert server_errors == []
    with app.app_context():
        names = dict(db.session.execute(sa.select(User.email, User.display_name).where(User.email.in_(emails))).all())
        assert names == {email: f"{email} s{ROUNDS - 1}" for email in emails}  # each user's last change
        ledger = db.session.execute(sa.select(SyncLedger.client_id, SyncLedger.mid, SyncLedger.status)).all()
        assert sorted((str(c), m, s) for c, m, s in ledger) == sorted((c, 1, "applied") for c in pushed)
        lasts = db.session.scalars(sa.select(SyncClient.last_mutation_id)).all()
        assert len(lasts) == len(pushed) == THREADS * ROUNDS and set(lasts) == {1}


def test_reads_never_wait_for_a_writer(app, auth, make_user, impatient):  # noqa: F811
    """GET requests and the pull begin deferred: a writer holding the lock does not hold them up."""
    make_user(email="reader@example.org", name="Reader")
    auth.login("reader@example.org")
    device = Device(auth)
    assert device.push(device.mutation("profile.update", display_name="Mine")).status_code == 200
    release = hold_the_write_lock(app, device.client_id)
    try:
        me = auth._client.get("/api/auth/me")
        pull = device.pull_page()
        write = auth.patch("/api/auth/me", json={"display_name": "Blocked"})
    finally:
        release()
    assert me.status_code == 200 and pull.status_code == 200
    if not is_postgres():  # SQLite has one write lock for the whole file (PostgreSQL locks rows)
        assert write.status_code == 503 and write.headers["Retry-After"] == "1"
