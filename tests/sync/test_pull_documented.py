"""The pull answer is built by hand for speed: real answers must match the published spec."""
import pytest

from backend.extensions import db
from backend.matching.service import end_match
from backend.sync import changes
from tests.sync.helpers import Device, assert_documented, expire_one_tombstone
from tests.sync.test_scopes import login_device


def test_from_scratch_and_paged_answers_match_the_spec(app, auth, amal):
    with app.app_context():
        for i in range(5):
            changes.record_put("note", f"n{i}", f"user:{amal.id}", {"text": f"nummer {i}", "n": i})
        db.session.commit()
        changes.record_del("note", "n0", f"user:{amal.id}")
        db.session.commit()
    pages = Device(auth).pull(limit=2)  # Device validates every page against the spec
    assert len(pages) >= 3 and pages[0]["has_more"] is True
    assert {c["op"] for p in pages for c in p["changes"]} == {"put"}  # a snapshot sends no tombstones


def test_feed_with_a_delete_matches_the_spec(app, auth, amal):
    device = Device(auth)
    device.pull()
    with app.app_context():
        changes.record_put("note", "n1", f"user:{amal.id}", {"text": "x"})
        db.session.commit()
        changes.record_del("note", "n1", f"user:{amal.id}")
        db.session.commit()
    ops = [c["op"] for p in device.pull() for c in p["changes"]]
    assert ops == ["del"]


def test_reset_answer_matches_the_spec(app, device, amal):
    device.pull()
    expire_one_tombstone(app, amal.id)
    assert device.pull()[0]["reset"] is True


def test_drop_scope_answer_matches_the_spec(app, make_user, make_match):
    newcomer = make_user("newcomer", email="n@example.org")
    buddy = make_user("buddy", email="b@example.org")
    match = make_match(newcomer, buddy)
    device = login_device(app, "n@example.org")
    device.pull()
    with app.app_context():
        end_match(match.id)
    assert device.pull()[0]["drop_scope"] == [f"match:{match.id}"]


def test_the_check_catches_a_drifted_answer(client, amal, auth):
    """The guard itself: an answer with a renamed or missing field does not pass."""
    body = Device(auth).pull()[0]
    drifted = {**body, "more": body["has_more"]}
    del drifted["has_more"]
    with pytest.raises(AssertionError):
        assert_documented(client, "PullResponse", drifted)
    with pytest.raises(AssertionError):
        assert_documented(client, "PullResponse", {**body, "changes": [{"op": "put", "entity": "x"}]})
