"""Order is commit order: a transaction that took a lower seq can never commit after a pull
that handed out a cursor past it. Runs on SQLite and on PostgreSQL (two real connections)."""
import threading
import time

from sqlalchemy import event
from sqlalchemy.orm import Session

from backend.extensions import db
from backend.sync import changes
from tests.sync.helpers import Device


def test_a_late_commit_is_never_skipped_by_a_pull(app, auth, make_user):
    user = make_user(email="a@example.org")
    auth.login("a@example.org")
    device = Device(auth)
    device.pull()
    scope = f"user:{user.id}"
    a_has_seq, release_a, b_done = threading.Event(), threading.Event(), threading.Event()
    errors = []

    with app.app_context():
        session_a, session_b = Session(bind=db.engine), Session(bind=db.engine)

        @event.listens_for(session_a, "before_commit")
        def hold_a_open(session):
            # Runs after the engine took A's seq: A now holds it, uncommitted.
            a_has_seq.set()
            release_a.wait(timeout=30)

        def write(session, key, done=None):
            try:
                changes.record_put("note", key, scope, {"by": key}, session=session)
                session.commit()
            except Exception as exc:  # surfaced by the assertions below
                errors.append(exc)
            finally:
                session.close()
                if done:
                    done.set()

        thread_a = threading.Thread(target=write, args=(session_a, "A"))
        thread_a.start()
        assert a_has_seq.wait(timeout=30)
        thread_b = threading.Thread(target=write, args=(session_b, "B", b_done))
        thread_b.start()
        time.sleep(0.5)
        # B cannot take a higher seq and commit first: it waits for A's lock.
        assert not b_done.is_set(), "B committed while A held a lower seq"
        in_between = device.pull()
        assert [c["id"] for p in in_between for c in p["changes"]] == []
        release_a.set()
        thread_a.join(timeout=30)
        thread_b.join(timeout=30)
    assert errors == []
    pages = device.pull()
    got = [(c["id"], c["seq"]) for p in pages for c in p["changes"]]
    assert [key for key, _ in got] == ["A", "B"], got
    assert got[0][1] < got[1][1]
