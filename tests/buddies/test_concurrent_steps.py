"""Two coordinators record the same vetting step at the same moment: one wins, the other hears 409."""
import threading

import sqlalchemy as sa

from backend.buddies.models import BuddyProfile, VettingStep
from tests.people_factories import make_buddy  # noqa: F401
from tests.web.test_concurrency import Session, server  # noqa: F401 (a fixture)


def test_the_same_step_twice_at_once_is_recorded_once(app, server, make_user, make_buddy):  # noqa: F811
    buddy = make_buddy(state="signed_up")
    sessions = [Session(server, make_user("coordinator", org="GM0344").email) for _ in range(2)]
    barrier = threading.Barrier(len(sessions))
    answers = []

    def step(session):
        barrier.wait()
        answers.append(session.until_done("POST", f"/api/buddies/{buddy}/steps", {"to_state": "intake_done"})[0])

    threads = [threading.Thread(target=step, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(answers) == [200, 409]
    with app.app_context():
        from backend.extensions import db

        assert db.session.get(BuddyProfile, buddy).state == "intake_done"
        steps = db.session.scalars(sa.select(VettingStep.to_state).where(VettingStep.buddy_id == buddy)).all()
        assert sorted(steps) == ["intake_done", "signed_up"]
