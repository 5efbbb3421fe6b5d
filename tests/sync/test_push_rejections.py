"""One bad mutation never wedges a phone's queue; a database outage answers 503 and advances nothing."""
import logging
import sqlite3
import threading
import uuid

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.sync import registry
from backend.sync.models import SyncClient, SyncLedger
from tests.conftest import is_postgres


@pytest.fixture
def test_mutation():
    """Register a test-only mutation `test.run` whose handler (and args check) the test supplies."""
    import marshmallow as ma

    behaviour = {"check": lambda data: data}

    class Args(ma.Schema):
        @ma.pre_load
        def check(self, data, **kwargs):
            return behaviour["check"](data)

    @registry.mutation("test.run", Args())
    def run(user, args):
        return behaviour["handler"](user, args)

    yield behaviour
    registry.MUTATIONS.pop("test.run")


def stored_state(app, client_id):
    """Return (last_mutation_id or None, ledger rows) as committed in the database."""
    with app.app_context():
        last = db.session.scalar(sa.select(SyncClient.last_mutation_id).where(SyncClient.id == uuid.UUID(client_id)))
        ledger = db.session.execute(sa.select(SyncLedger.mid, SyncLedger.status, SyncLedger.code)
                                    .where(SyncLedger.client_id == uuid.UUID(client_id)).order_by(SyncLedger.mid)).all()
        return last, [tuple(row) for row in ledger]


def test_lone_surrogate_is_rejected_and_the_queue_moves_on(app, device, amal):
    bad = device.mutation("profile.update", display_name="Amal \ud800")  # valid JSON: "\ud800"
    good = device.mutation("profile.update", display_name="Amal H.")
    body = device.push(bad, good).json
    assert [(r["status"], r["code"]) for r in body["results"]] == [("rejected", "invalid_args"), ("applied", None)]
    unstorable = ["Deze tekst bevat tekens die we niet kunnen opslaan."]
    assert body["results"][0]["errors"] == {"args": {"display_name": unstorable}}
    assert body["last_mutation_id"] == 2
    again = device.push(bad).json["results"][0]
    assert again["status"] == "duplicate" and again["code"] == "invalid_args"
    device.pull()
    assert device.entities("profile")[str(amal.id)]["display_name"] == "Amal H."
    assert [n["code"] for n in device.entities("notice").values()] == ["invalid_args"]


def test_unexpected_error_in_a_handler_is_a_server_error_rejection(app, device, amal, test_mutation, caplog):
    def broken(user, args):
        user.display_name = "Half written"
        db.session.flush()
        raise RuntimeError("a bug")

    test_mutation["handler"] = broken
    first, second = device.mutation("test.run"), device.mutation("profile.update", display_name="Next")
    with caplog.at_level(logging.ERROR):
        response = device.auth.post("/api/sync/push", json={
            "client_id": device.client_id, "schema_version": 1, "mutations": [first, second]},
            headers={"X-Request-Id": "req-4711"})
    assert response.status_code == 200 and response.headers["X-Request-Id"] == "req-4711"
    results = response.json["results"]
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "server_error"), ("applied", None)]
    assert "a bug" not in results[0]["message"] and results[0]["message"]
    assert any("req-4711" in r.getMessage() and "test.run" in r.getMessage() for r in caplog.records)
    assert stored_state(app, device.client_id) == (2, [(1, "rejected", "server_error"), (2, "applied", None)])
    device.pull()
    assert device.entities("profile")[str(amal.id)]["display_name"] == "Next"
    assert [n["code"] for n in device.entities("notice").values()] == ["server_error"]
    assert device.push(first).json["results"][0]["status"] == "duplicate"


def test_a_bug_in_an_args_check_is_a_server_error_rejection(app, device, test_mutation):
    def broken(data):
        raise TypeError("a bug in a validator")

    test_mutation["check"] = broken
    body = device.push(device.mutation("test.run"), device.mutation("profile.update", display_name="Next")).json
    assert [(r["status"], r["code"]) for r in body["results"]] == [("rejected", "server_error"), ("applied", None)]
    assert stored_state(app, device.client_id)[0] == 2


# A malformed entry: what it looks like, and what the push answers for it (docs/sync.md, Push).
MALFORMED = [
    ({"mid": 1, "name": "profile." + "x" * 70, "args": {}}, "invalid_args"),
    ({"mid": 1, "name": 42, "args": {}}, "invalid_args"),
    ({"mid": 1, "name": "profile.update", "args": ["display_name"]}, "invalid_args"),
    ({"mid": 1, "name": "profile.update", "args": {}, "extra": True}, "invalid_args"),
    ({"mid": 1, "args": {}}, "invalid_args"),
    ({"mid": 1, "name": "profile.update"}, "invalid_args"),
]


@pytest.mark.parametrize("entry, code", MALFORMED)
def test_a_malformed_mutation_is_rejected_on_its_own(app, device, entry, code):
    good = {"mid": 2, "name": "profile.update", "args": {"display_name": "Fine"}}
    response = device.push(entry, good)
    assert response.status_code == 200, response.json
    results = response.json["results"]
    assert [(r["mid"], r["status"], r["code"]) for r in results] == [(1, "rejected", code), (2, "applied", None)]
    assert results[0]["errors"] and results[0]["message"]
    assert stored_state(app, device.client_id)[0] == 2


@pytest.mark.parametrize("mid", [None, "1", 1.0, True, 0, -3, [1]])
def test_an_entry_without_a_usable_mid_stops_the_batch(app, device, mid):
    """Nothing can acknowledge it: what came before commits, it and what follows wait."""
    entry = {"name": "profile.update", "args": {"display_name": "Lost"}}
    if mid is not None:
        entry["mid"] = mid
    first = device.mutation("profile.update", display_name="Kept")
    after = {"mid": 2, "name": "profile.update", "args": {"display_name": "Never"}}
    body = device.push(first, entry, after).json
    assert [(r["mid"], r["status"]) for r in body["results"]] == [(1, "applied")]
    assert body["stopped"] == {"mid": None, "code": "invalid_mid", "expected": 2}
    assert body["last_mutation_id"] == 1 and stored_state(app, device.client_id)[0] == 1


def test_unknown_key_flood_in_args_is_a_bounded_rejection(device):
    args = {f"k{i}": i for i in range(10_000)}
    result = device.push({"mid": 1, "name": "profile.update", "args": args}).json["results"][0]
    assert result["status"] == "rejected" and result["code"] == "invalid_args"
    assert len(result["errors"]) == 20 and result["errors_omitted"] == 9_980
    assert all(v == ["Dit veld kennen we niet."] for v in result["errors"].values())


def test_the_connection_lost_mid_batch_is_503_and_nothing_advances(app, device, amal, test_mutation):
    """The database goes away under a handler (for real: the app's own connection is ended)."""
    def lose_the_connection(user, args):
        test_mutation["handler"] = lambda user, args: None  # the next try finds the database back
        connection = db.session.connection()
        if is_postgres():
            connection.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")
        else:
            connection.connection.dbapi_connection.close()
            connection.exec_driver_sql("SELECT 1")

    test_mutation["handler"] = lose_the_connection
    batch = [device.mutation("profile.update", display_name="Before"), device.mutation("test.run")]
    response = device.push(*batch)
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert response.json["message"] == "De dienst is even niet bereikbaar. Je wijzigingen blijven bewaard."
    assert stored_state(app, device.client_id) == (0, [])
    with app.app_context():
        assert db.session.get(type(amal), amal.id).display_name == "Amal"
    body = device.push(*batch).json  # the phone retries later: everything applies, once
    assert [r["status"] for r in body["results"]] == ["applied", "applied"]


@pytest.fixture
def impatient(app):
    """Make the app wait only 0.2 s for a lock (DB_LOCK_TIMEOUT), on every connection it takes."""
    def shorten(dbapi_connection, record, proxy):
        cursor = dbapi_connection.cursor()
        cursor.execute("SET lock_timeout = 200" if is_postgres() else "PRAGMA busy_timeout = 200")
        cursor.close()
        if is_postgres():
            dbapi_connection.commit()  # SET opened a transaction; the setting outlives it

    with app.app_context():
        engine = db.engine
        engine.dispose()
        sa.event.listen(engine, "checkout", shorten)
    yield
    sa.event.remove(engine, "checkout", shorten)
    engine.dispose()  # connections with the short timeout go; new ones get the configured one


def hold_the_write_lock(app, client_id):
    """Start a writer on another connection that holds the lock the push needs; return its release."""
    release, held = threading.Event(), threading.Event()

    def writer():
        if is_postgres():
            with app.app_context(), db.engine.connect() as conn:
                conn.execute(sa.select(SyncClient).where(SyncClient.id == uuid.UUID(client_id)).with_for_update())
                held.set()
                release.wait(10)
                conn.rollback()
        else:
            path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            held.set()
            release.wait(10)
            conn.execute("ROLLBACK")
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    held.wait(10)

    def done():
        release.set()
        thread.join(10)

    return done


def test_a_lock_held_past_the_timeout_is_503_and_nothing_advances(app, device, impatient):
    first = device.mutation("profile.update", display_name="One")
    assert device.push(first).status_code == 200  # the client exists: the push goes straight for its lock
    second = device.mutation("profile.update", display_name="Two")
    release = hold_the_write_lock(app, device.client_id)
    try:
        response = device.push(second)
    finally:
        release()
    assert response.status_code == 503 and response.headers["Retry-After"] == "1"
    assert set(response.json) == {"code", "status", "message"} and response.json["code"] == 503
    assert stored_state(app, device.client_id) == (1, [(1, "applied", None)])
    assert device.push(second).json["results"][0]["status"] == "applied"
