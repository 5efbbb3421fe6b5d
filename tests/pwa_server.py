"""The real Flask app for the PWA's Vitest run, plus a test-only control blueprint.

`python -m tests.pwa_server` builds a fresh SQLite file (or uses DATABASE_URL), serves the app on
127.0.0.1 on a free port and prints the port. Vitest's globalSetup (pwa/tests/global-setup.ts)
starts it; the twin (pwa/src/api.testing.ts) talks to it. The blueprint lives under tests/ so
production can never register it: it only sets up data the way a feature would, never answers
a sync or profile request itself.
"""
import os
import shutil
import signal
import sys
import tempfile
import threading
import uuid
from pathlib import Path

import sqlalchemy as sa
from flask import Blueprint, jsonify, request
from werkzeug.serving import make_server

from backend import create_app, migrate
from backend.accounts import service as accounts
from backend.accounts.models import User
from backend.accounts.passwords import hash_password
from backend.config import TestConfig, database_url
from backend.extensions import db
from backend.matching import service as matching
from backend.orgs.service import get_by_code
from backend.sync import changes, maintenance
from backend.sync.models import SyncClient
from tests.conftest import clean_tables

control = Blueprint("pwa_test_control", __name__, url_prefix="/_test")


@control.post("/reset")
def reset():
    """Empty every table but the organisation tree (as after each pytest test)."""
    clean_tables(control.app)
    return "", 204


@control.post("/users")
def create_user():
    """Create a user with the given id, email, password, name, language and roles."""
    body = request.get_json()
    # The password is hashed directly: the tests' short passwords are not what is under test.
    user = User(
        id=uuid.UUID(body["id"]), email=accounts.normalise_email(body["email"]),
        password_hash=hash_password(body["password"]), display_name=body["display_name"],
        locale=body.get("locale"), availability=[],
    )
    user.roles = body.get("roles", [])
    db.session.add(user)
    db.session.flush()
    accounts.record_profile(user)
    db.session.commit()
    return jsonify(id=str(user.id), email=user.email, display_name=user.display_name,
                   locale=user.locale, roles=user.roles, organisation=None)


@control.post("/rows")
def record_rows():
    """Record puts ({entity, id, scope, data}) and deletes (data null) into the feed, as a feature would."""
    for row in request.get_json()["rows"]:
        if row.get("data") is None:
            changes.record_del(row["entity"], row["id"], row["scope"])
        else:
            changes.record_put(row["entity"], row["id"], row["scope"], row["data"])
    db.session.commit()
    return "", 204


@control.post("/matches")
def start_match():
    """Make an active match between two users; both then hold match:<id>."""
    body = request.get_json()
    match = matching.create_active_match(
        db.session.get(User, uuid.UUID(body["newcomer"])), db.session.get(User, uuid.UUID(body["buddy"])),
        get_by_code("GM0344"),
    )
    return jsonify(scope=f"match:{match.id}")


@control.post("/matches/<uuid:match_id>/end")
def end_match(match_id):
    """End a match: both sides lose its scope."""
    matching.end_match(match_id)
    return "", 204


@control.post("/expire-cursors")
def expire_cursors():
    """Run the tombstone clean-up with a horizon in the future: every cursor so far is too old."""
    return jsonify(maintenance.cleanup(days=-1))


@control.post("/clients/<uuid:client_id>/forget")
def forget_client(client_id):
    """Delete a client's record and ledger, as after restoring a backup older than the client."""
    db.session.execute(sa.delete(SyncClient).where(SyncClient.id == client_id))
    db.session.commit()
    return "", 204


@control.get("/profiles/<uuid:user_id>")
def profile(user_id):
    """Return a user's profile as stored."""
    user = db.session.get(User, user_id)
    return jsonify(accounts.profile_data(user) if user else None)


def build_app(folder: Path):
    """Create the app with TestConfig on a fresh database, with the control blueprint."""
    # As tests/conftest.py: DATABASE_URL if given, else a fresh SQLite file.
    uri = database_url() if os.environ.get("DATABASE_URL") else f"sqlite:///{folder / 'test.sqlite'}"

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = uri

    app = create_app(Config)
    app.register_blueprint(control)
    control.app = app
    with app.app_context():
        migrate.rebuild_for_tests()
    return app


def main():
    folder = Path(tempfile.mkdtemp(prefix="maatje-pwa-"))

    def stop(*_):
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(0)

    server = make_server("127.0.0.1", 0, build_app(folder), threaded=True)
    signal.signal(signal.SIGTERM, stop)
    # When Vitest goes away, even without a goodbye, our stdin closes: stop then too.
    threading.Thread(target=lambda: (sys.stdin.read(), stop()), daemon=True).start()
    print(server.server_port, flush=True)
    sys.stdout.close()  # only the port goes to the reader; the request log stays on stderr
    server.serve_forever()


if __name__ == "__main__":
    main()
