"""One meeting as a .ics file to add to a calendar by hand: only for the pair itself."""
import uuid

import icalendar

from tests.calendar.conftest import amsterdam, events_by_uid
from tests.web.test_errors import assert_error_shape


def test_the_pair_downloads_a_meeting_as_an_attachment(pair, amal, sanne, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 10, 31, 10), minutes=45, note="Neem je paspoort mee")
    for person, other in ((amal, "Sanne"), (sanne, "Amal")):
        response = person.get(f"/api/calendar/meetings/{meeting}.ics")
        assert response.status_code == 200
        assert response.mimetype == "text/calendar"
        assert response.headers["Content-Disposition"] == 'attachment; filename="maatje-2027-10-31.ics"'
        calendar = icalendar.Calendar.from_ical(response.data)
        assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
        event = events_by_uid(calendar)[f"{meeting}@maatje"]
        assert str(event["summary"]) == f"Afspraak met {other}"
        assert event.decoded("dtstart") == amsterdam(2027, 10, 31, 10)
        assert event.decoded("dtend") == amsterdam(2027, 10, 31, 10, 45)
        assert "paspoort" not in response.data.decode()


def test_a_cancelled_meeting_downloads_as_cancelled(pair, amal, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 3, 28, 10))
    meetings.cancel(meeting)
    event = icalendar.Calendar.from_ical(amal.get(f"/api/calendar/meetings/{meeting}.ics").data).walk("VEVENT")[0]
    assert (str(event["status"]), event["sequence"]) == ("CANCELLED", 1)


def test_another_pairs_meeting_is_a_404(pair, amal, lotte, meetings):
    theirs = meetings.add(pair.other_match, amsterdam(2027, 5, 4))
    mine = meetings.add(pair.match, amsterdam(2027, 5, 4))
    assert lotte.get(f"/api/calendar/meetings/{theirs}.ics").status_code == 200
    assert_error_shape(amal.get(f"/api/calendar/meetings/{theirs}.ics"), 404)
    assert_error_shape(lotte.get(f"/api/calendar/meetings/{mine}.ics"), 404)
    assert_error_shape(amal.get(f"/api/calendar/meetings/{uuid.uuid4()}.ics"), 404)


def test_a_meeting_of_an_ended_match_is_a_404(app, pair, amal, meetings):
    from backend.matching.service import end_match

    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    with app.app_context():
        end_match(pair.match.id)
    assert_error_shape(amal.get(f"/api/calendar/meetings/{meeting}.ics"), 404)


def test_a_meeting_without_a_chosen_time_is_a_409_that_says_why(pair, amal, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4), status="proposed")
    body = assert_error_shape(amal.get(f"/api/calendar/meetings/{meeting}.ics"), 409)
    assert "nog geen vaste tijd" in body["message"]


def test_the_meeting_ics_needs_a_login(app, pair, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    assert_error_shape(app.test_client().get(f"/api/calendar/meetings/{meeting}.ics"), 401)
