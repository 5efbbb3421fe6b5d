"""Two coordinators at the same moment, on two real connections: capacity and the newcomer's one
open match hold (issue 9, item 7). Threads meet at a barrier and then call the service at once;
on PostgreSQL the buddy's profile row lock (SELECT ... FOR UPDATE) and the partial unique index
decide, on SQLite the write lock (BEGIN IMMEDIATE) does. The outcome must be the same on both."""
import threading

import pytest
import sqlalchemy as sa

from backend.accounts.models import User
from backend.errors import Conflict
from backend.extensions import db
from backend.matching import service
from backend.matching.models import OPEN, Match
from tests.matching.conftest import add_intake, add_profile

pytestmark = pytest.mark.postgres


def at_once(app, *calls):
    """Run each call in its own thread, app context and connection, released together; return
    "ok" or "409" per call."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        with app.app_context():
            try:
                barrier.wait(timeout=30)
                call()
                outcomes[i] = "ok"
            except Conflict:
                outcomes[i] = "409"
            except Exception as err:  # surfaces in the assertion below, with its text
                outcomes[i] = repr(err)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return sorted(outcomes)


def user(user_id):
    return db.session.get(User, user_id)


def open_matches(app, **where):
    with app.app_context():
        query = sa.select(Match).where(Match.status.in_(OPEN)).filter_by(**where)
        return db.session.scalars(query).all()


def test_two_proposals_for_one_buddy_place_at_most_capacity(app, world, make_user):
    second_coordinator = make_user("coordinator", name="Tweede")
    calls = [lambda: service.propose(user(world.coordinator.id), world.newcomer.id, world.buddy.id),
             lambda: service.propose(user(second_coordinator.id), world.newcomer2.id, world.buddy.id)]
    assert at_once(app, *calls) == ["409", "ok"]
    assert len(open_matches(app, buddy_id=world.buddy.id)) == 1  # capacity 1


def test_two_proposals_for_one_newcomer_leave_one_open_match(app, world, make_user):
    second_coordinator = make_user("coordinator", name="Tweede")
    calls = [lambda: service.propose(user(world.coordinator.id), world.newcomer.id, world.buddy.id),
             lambda: service.propose(user(second_coordinator.id), world.newcomer.id, world.buddy2.id)]
    assert at_once(app, *calls) == ["409", "ok"]
    assert len(open_matches(app, newcomer_id=world.newcomer.id)) == 1


def test_two_approvals_never_exceed_the_buddys_capacity(app, world, make_user):
    """Two agreed matches of one buddy, whose capacity went down from 2 to 1 meanwhile: two
    coordinators approving at once activate only one."""
    third = make_user("newcomer", name="Derde")
    add_intake(app, third)
    popular = make_user("buddy", name="Populair")
    add_profile(app, popular, capacity=2)
    with app.app_context():
        coordinator = user(world.coordinator.id)
        ids = []
        for newcomer in (world.newcomer, third):
            match = service.propose(coordinator, newcomer.id, popular.id)
            service.apply_accept(user(newcomer.id), match.id)
            service.apply_accept(user(popular.id), match.id)
            db.session.commit()
            ids.append(match.id)
        from backend.buddies.models import BuddyProfile
        db.session.get(BuddyProfile, popular.id).capacity = 1
        db.session.commit()
    second_coordinator = make_user("coordinator", name="Tweede")
    calls = [lambda: service.approve(user(world.coordinator.id), ids[0]),
             lambda: service.approve(user(second_coordinator.id), ids[1])]
    assert at_once(app, *calls) == ["409", "ok"]
    statuses = sorted(m.status for m in open_matches(app, buddy_id=popular.id))
    assert statuses == ["active", "agreed"]
