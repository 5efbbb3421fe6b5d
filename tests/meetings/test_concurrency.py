"""Two phones cancel the same meeting at the same moment, on two real connections: exactly one
cancel is applied, the other is `meeting_changed`. On PostgreSQL the meeting's row lock (SELECT
... FOR UPDATE before the version check) decides, on SQLite the write lock (BEGIN IMMEDIATE)."""
import threading
import uuid

import sqlalchemy as sa

import pytest

from backend.accounts.models import User
from backend.extensions import db
from backend.meetings import service
from tests.conftest import is_postgres
from tests.meetings.conftest import propose, server_row

pytestmark = pytest.mark.postgres


def at_once(*calls):
    """Run each call in its own thread, released together by a barrier; return their results."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait(timeout=30)
            results[i] = call()
        except Exception as err:  # surfaces in the caller's assertion, with its text
            results[i] = repr(err)

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_two_phones_cancelling_at_once_make_one_cancel(pair):
    for round_ in range(5):  # a few rounds: the threads really overlap in most of them
        meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
        results = at_once(*(lambda person=person: person.push("meeting.cancel", id=meeting_id, version=1,
                                                               reason=f"Ziek ({person.user.display_name})")
                            for person in (pair.newcomer, pair.buddy)))
        outcomes = sorted(r["code"] or r["status"] if isinstance(r, dict) else r for r in results)
        assert outcomes == ["applied", "meeting_changed"], results
        row = server_row(pair.app, meeting_id)
        winner = next(r for r in results if r["status"] == "applied")
        assert (row["status"], row["version"], row["sequence"]) == ("cancelled", 2, 1)
        assert row == winner["current"] == next(r for r in results if r["status"] == "rejected")["current"]


def waiting_for_a_lock(app) -> bool:
    """Whether another PostgreSQL connection waits for a row lock right now."""
    with app.app_context():
        with db.engine.connect() as conn:
            return bool(conn.scalar(sa.text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")))


def test_a_cancel_waits_for_the_uncommitted_one_and_then_loses(pair):
    """The first cancel holds the meeting's row and has not committed when the second push
    arrives: the second must wait for it and then see version 2, not apply on version 1."""
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    locked, started, results = threading.Event(), threading.Event(), {}

    def first():
        with pair.app.app_context():
            try:
                user = db.session.get(User, pair.world.newcomer.id)
                service.apply_cancel(user, {"id": uuid.UUID(meeting_id), "version": 1, "reason": "Eerst"})
                db.session.flush()
                locked.set()
                started.wait(30)
                for _ in range(3000):  # PostgreSQL: until the second really waits for the row (bounded)
                    if not is_postgres() or waiting_for_a_lock(pair.app):
                        break
                    threading.Event().wait(0.01)
                db.session.commit()
                results["first"] = "applied"
            finally:
                db.session.remove()

    def second():
        locked.wait(30)
        started.set()
        results["second"] = pair.buddy.push("meeting.cancel", id=meeting_id, version=1, reason="Tweede")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results["first"] == "applied"
    assert results["second"]["code"] == "meeting_changed", results
    assert results["second"]["message"] == str(service._other_won("cancel", "Amal"))
    row = server_row(pair.app, meeting_id)
    assert (row["cancel_reason"], row["cancelled_by"], row["version"]) == ("Eerst", "newcomer", 2)
