"""notice.read through the sync API: own notices only, synced back as read, exactly once."""
import uuid

import pytest

from backend.extensions import db
from backend.notices.models import Notice
from backend.notices.service import add_notice


@pytest.fixture
def leave_notice(app):
    """Return a factory: leave_notice(user, code) -> the id of a new unread notice for that user."""

    def _leave(user, code="invalid_args"):
        with app.app_context():
            notice = add_notice(user.id, "rejected", code, "Deze wijziging bevat ongeldige gegevens.", "profile.update")
            db.session.commit()
            return str(notice.id)

    return _leave


def read_at(app, notice_id):
    with app.app_context():
        return db.session.get(Notice, uuid.UUID(notice_id)).read_at


def test_reading_own_notices_marks_them_read_and_syncs_the_rows(app, device, amal, leave_notice):
    first, second, kept = leave_notice(amal), leave_notice(amal), leave_notice(amal)
    device.pull()
    assert [n["read"] for n in device.entities("notice").values()] == [False, False, False]

    result = device.push(device.mutation("notice.read", ids=[first, second])).json["results"][0]
    assert result["status"] == "applied"
    assert sorted(result["current"]["read"]) == sorted([first, second])
    device.pull()
    shown = device.entities("notice")
    assert (shown[first]["read"], shown[second]["read"], shown[kept]["read"]) == (True, True, False)
    assert read_at(app, first) is not None and read_at(app, kept) is None


def test_another_users_notice_is_passed_over_and_stays_unread(app, device, amal, make_user, leave_notice):
    other = make_user("buddy", email="bram@example.org", name="Bram")
    theirs, mine = leave_notice(other), leave_notice(amal)
    result = device.push(device.mutation("notice.read", ids=[theirs, mine])).json["results"][0]
    assert result["status"] == "applied" and result["current"]["read"] == [mine]
    assert read_at(app, theirs) is None
    device.pull()
    assert theirs not in device.entities("notice")  # and it never reaches Amal's phone


def test_reading_again_changes_nothing(app, device, amal, leave_notice):
    notice = leave_notice(amal)
    device.push(device.mutation("notice.read", ids=[notice]))
    first_read = read_at(app, notice)
    device.pull()
    again = device.push(device.mutation("notice.read", ids=[notice])).json["results"][0]
    assert again["status"] == "applied" and again["current"]["read"] == []
    assert read_at(app, notice) == first_read
    assert device.pull()[0]["changes"] == []  # nothing new in the feed


@pytest.mark.parametrize("args", [{}, {"ids": []}, {"ids": ["not-a-uuid"]}, {"ids": "all"}])
def test_malformed_ids_are_rejected_as_invalid_args(device, amal, args):
    result = device.push({"mid": 1, "name": "notice.read", "args": args}).json["results"][0]
    assert result["status"] == "rejected" and result["code"] == "invalid_args"
