"""Calendar apps poll the feed: an unchanged feed is a 304 without a body, a change (a cancel, a new
meeting, another name, another language) is a new ETag; a stopped or renewed-away address is a 404."""
from urllib.parse import urlsplit

import pytest

from backend.accounts.models import User
from backend.extensions import db as _db
from tests.calendar.conftest import amsterdam, events_by_uid, parse
from tests.web.test_concurrency import server  # noqa: F401 (a fixture: a live server)
from tests.web.test_errors import assert_error_shape


@pytest.fixture
def poller(app):
    """A calendar app's server: no cookie, only the address."""
    return app.test_client()


def test_same_etag_is_a_304_without_a_body(poller, pair, amal, meetings):
    meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    first = poller.get(path)
    etag = first.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"')

    again = poller.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag
    assert again.headers["Cache-Control"] == "private, no-cache"
    assert poller.get(path, headers={"If-None-Match": "W/" + etag}).status_code == 304  # a proxy made it weak
    assert poller.get(path, headers={"If-None-Match": '"something-else"'}).status_code == 200
    assert poller.get(path).data == first.data


def test_cancel_marks_the_event_cancelled_raises_sequence_and_changes_the_etag(poller, pair, amal, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    before = poller.get(path)
    event = events_by_uid(parse(before))[f"{meeting}@maatje"]
    assert (str(event["status"]), event["sequence"]) == ("CONFIRMED", 0)

    meetings.cancel(meeting)

    assert poller.get(path, headers={"If-None-Match": before.headers["ETag"]}).status_code == 200
    after = poller.get(path)
    assert after.headers["ETag"] != before.headers["ETag"]
    event = events_by_uid(parse(after))[f"{meeting}@maatje"]
    assert (str(event["status"]), event["sequence"]) == ("CANCELLED", 1)
    assert event.decoded("last-modified") >= events_by_uid(parse(before))[f"{meeting}@maatje"].decoded("last-modified")


def test_a_rescheduled_meeting_keeps_its_uid_and_raises_sequence(poller, pair, amal, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    etag = poller.get(path).headers["ETag"]
    meetings.change(meeting, starts_at=amsterdam(2027, 5, 6, 15), sequence=1)
    response = poller.get(path, headers={"If-None-Match": etag})
    event = events_by_uid(parse(response))[f"{meeting}@maatje"]
    assert event["sequence"] == 1
    assert event.decoded("dtstart") == amsterdam(2027, 5, 6, 15)


@pytest.mark.parametrize("change", ["new meeting", "partner renamed", "language", "match ended"])
def test_what_the_feed_shows_changes_the_etag(app, poller, pair, amal, meetings, change):
    meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    etag = poller.get(path).headers["ETag"]
    with app.app_context():
        if change == "new meeting":
            meetings.add(pair.match, amsterdam(2027, 6, 4))
        elif change == "partner renamed":
            _db.session.get(User, pair.buddy.id).display_name = "Sanne de Vries"
        elif change == "language":
            _db.session.get(User, pair.newcomer.id).locale = "ar"
        else:
            from backend.matching.service import end_match

            end_match(pair.match.id)
        _db.session.commit()
    response = poller.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.headers["ETag"] != etag
    if change == "partner renamed":
        assert "Afspraak met Sanne de Vries" in response.data.decode()


def test_another_users_change_leaves_the_etag(poller, pair, amal, meetings):
    path = amal.new_feed()
    etag = poller.get(path).headers["ETag"]
    meetings.add(pair.other_match, amsterdam(2027, 6, 4))
    assert poller.get(path, headers={"If-None-Match": etag}).status_code == 304


def test_a_stopped_feed_is_a_404(poller, amal):
    path = amal.new_feed()
    assert poller.get(path).status_code == 200
    response = amal.delete("/api/calendar/feed")
    assert response.status_code == 204
    assert amal.get("/api/calendar/feed").json == {"active": False, "created_at": None}
    gone = poller.get(path)
    assert gone.status_code == 404
    assert_error_shape(gone, 404)
    assert amal.delete("/api/calendar/feed").status_code == 204  # stopping twice is fine


def test_a_renewed_feed_ends_the_old_address(poller, amal):
    old = amal.new_feed()
    new = amal.new_feed()
    assert new != old
    assert poller.get(old).status_code == 404
    assert poller.get(new).status_code == 200


def test_each_user_has_their_own_feed(poller, pair, amal, sanne, lotte, meetings):
    meetings.add(pair.match, amsterdam(2027, 5, 4))
    meetings.add(pair.other_match, amsterdam(2027, 5, 5))
    amal_path, sanne_path, lotte_path = amal.new_feed(), sanne.new_feed(), lotte.new_feed()
    assert poller.get(amal_path).status_code == 200  # renewing is per user: the others' still work
    assert "Afspraak met Sanne" in poller.get(amal_path).data.decode()
    assert "Afspraak met Amal" in poller.get(sanne_path).data.decode()
    lotte_feed = poller.get(lotte_path).data.decode()
    assert "Afspraak met Olena" in lotte_feed and "Amal" not in lotte_feed


@pytest.mark.parametrize("token", ["x", "a" * 43, "a" * 500, "%00", "..%2f..%2fetc"])
def test_unknown_tokens_are_a_404(poller, amal, token):
    amal.new_feed()
    response = poller.get(f"/api/calendar/feed/{token}.ics")
    assert response.status_code == 404
    assert_error_shape(response, 404)


def test_the_feed_routes_need_a_login_and_the_csrf_token(app, amal):
    anonymous = app.test_client()
    for method in ("GET", "POST", "DELETE"):
        assert anonymous.open("/api/calendar/feed", method=method).status_code == 401
    no_csrf = amal.auth._client
    assert no_csrf.post("/api/calendar/feed").status_code == 403
    assert no_csrf.delete("/api/calendar/feed").status_code == 403
    assert amal.get("/api/calendar/feed").json["active"] is False


def test_the_feed_address_is_never_compressed(amal, monkeypatch):
    from backend.web import compression

    monkeypatch.setattr(compression, "MIN_SIZE", 0)  # any JSON answer would be compressed
    assert amal.get("/api/calendar/feed", headers={"Accept-Encoding": "gzip"}).headers["Content-Encoding"] == "gzip"
    response = amal.post("/api/calendar/feed", headers={"Accept-Encoding": "br, gzip"})
    assert response.status_code == 201 and "Content-Encoding" not in response.headers
    assert urlsplit(response.json["url"]).path.endswith(".ics")


def test_two_renewals_at_once_leave_exactly_one_working_address(app, amal, server, monkeypatch):  # noqa: F811
    """Two phones of one user tap "new address" at the same moment: both get an answer, one address works."""
    from concurrent.futures import ThreadPoolExecutor

    from backend.extensions import limiter
    from tests.web.test_concurrency import Session

    monkeypatch.setattr(limiter, "enabled", False)  # three logins of one account from 127.0.0.1

    phones = [Session(server, amal.user.email) for _ in range(2)]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda phone: phone.until_done("POST", "/api/calendar/feed", {}), phones))
    assert [status for status, _ in answers] == [201, 201]
    poller = app.test_client()
    working = [poller.get(urlsplit(body["url"]).path).status_code for _, body in answers]
    assert sorted(working) == [200, 404]
