"""The shared authorization checks: who coordinates what, and who reads personal data."""
import pytest

from backend.accounts.models import User
from backend.errors import Forbidden, NotFound
from backend.extensions import db as _db
from backend.orgs import access
from backend.orgs.service import get_by_code


@pytest.fixture
def users(make_user, app):
    made = {
        "newcomer": make_user("newcomer", org="GM0344"),
        "buddy": make_user("buddy", org="GM0344"),
        "utrecht": make_user("coordinator", org="GM0344"),
        "amsterdam": make_user("coordinator", org="GM0363"),
        "province": make_user("coordinator", org="PV26"),
        "nation": make_user("coordinator", org="NL"),
        "orphan": make_user("coordinator", org=None),
    }
    with app.app_context():  # made first: the factory writes in a context of its own
        yield {who: _db.session.get(User, user.id) for who, user in made.items()}
        _db.session.remove()


@pytest.mark.parametrize("who, is_coordinator", [
    ("newcomer", False), ("buddy", False), ("utrecht", True), ("amsterdam", True),
    ("province", True), ("nation", True), ("orphan", False),
])
def test_require_coordinator(users, who, is_coordinator):
    if is_coordinator:
        assert access.require_coordinator(users[who]) is users[who]
        assert access.coordinator_scope(users[who]) is users[who].organisation
    else:
        with pytest.raises(Forbidden):
            access.require_coordinator(users[who])
        with pytest.raises(Forbidden):
            access.coordinator_scope(users[who])


def test_anonymous_is_no_coordinator(ctx):
    with pytest.raises(Forbidden):
        access.require_coordinator(None)
    assert access.can_read_personal(None, get_by_code("GM0344")) is False


@pytest.mark.parametrize("who, org, personal, acts", [
    ("utrecht", "GM0344", True, True),      # own branch
    ("utrecht", "GM0363", False, False),    # another municipality
    ("utrecht", "PV26", False, False),      # never upwards
    ("amsterdam", "GM0344", False, False),
    ("province", "GM0344", False, True),    # counts yes, names no
    ("province", "GM0363", False, False),   # another province
    ("nation", "GM0344", False, True),
    ("newcomer", "GM0344", False, False),
    ("buddy", "GM0344", False, False),
])
def test_personal_data_only_for_the_own_municipal_branch(users, who, org, personal, acts):
    organisation = get_by_code(org)
    assert access.can_read_personal(users[who], organisation) is personal
    assert access.can_act_on(users[who], organisation) is acts


def test_require_personal_answers_404_outside_and_403_for_non_coordinators(users):
    utrecht = get_by_code("GM0344")
    access.require_personal(users["utrecht"], utrecht)  # no error
    for who in ("amsterdam", "province", "nation"):
        with pytest.raises(NotFound):
            access.require_personal(users[who], utrecht)
    with pytest.raises(Forbidden):
        access.require_personal(users["buddy"], utrecht)


def test_only_municipal_coordinators_hold_a_branch(users):
    assert access.require_municipal_coordinator(users["utrecht"]).code == "GM0344"
    for who in ("province", "nation", "newcomer"):
        with pytest.raises(Forbidden):
            access.require_municipal_coordinator(users[who])
