"""The private feed: made, shown once, polled cheaply by calendar apps, stopped and renewed."""
import datetime as dt
from urllib.parse import urlsplit

import icalendar
import recurring_ical_events

from tests.calendar.conftest import AMSTERDAM, amsterdam, events_by_uid, parse


def test_no_feed_until_one_is_made(amal):
    response = amal.get("/api/calendar/feed")
    assert response.status_code == 200
    assert response.json == {"active": False, "created_at": None}


def test_the_url_in_the_answer_works_for_a_calendar_app_without_a_login(app, amal):
    response = amal.post("/api/calendar/feed")
    assert response.status_code == 201
    url = response.json["url"]
    assert url.startswith("http://localhost/api/calendar/feed/") and url.endswith(".ics")
    assert response.headers["Cache-Control"] == "no-store"
    status = amal.get("/api/calendar/feed").json
    assert status["active"] is True and status["created_at"] == response.json["created_at"]

    calendar_app = app.test_client()  # no cookie: the calendar app's server
    feed = calendar_app.get(urlsplit(url).path)
    calendar = parse(feed)
    assert str(calendar["x-wr-calname"]) == "Maatje"
    assert str(calendar["version"]) == "2.0"
    assert feed.headers["Cache-Control"] == "private, no-cache"


def test_the_url_uses_public_url_when_set(app, amal, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_URL", "https://maatje.example.org/")
    url = amal.post("/api/calendar/feed").json["url"]
    assert url.startswith("https://maatje.example.org/api/calendar/feed/")
    assert app.test_client().get(urlsplit(url).path).status_code == 200


def test_only_the_tokens_hash_is_stored(app, amal):
    from backend.calendar.models import CalendarFeed
    from backend.extensions import db

    url = amal.post("/api/calendar/feed").json["url"]
    token = urlsplit(url).path.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 43
    with app.app_context():
        row = db.session.get(CalendarFeed, amal.id)
    assert token not in row.token_hash and len(row.token_hash) == 64


def test_the_feed_shows_the_users_confirmed_held_and_cancelled_meetings(app, pair, amal, meetings):
    confirmed = meetings.add(pair.match, amsterdam(2027, 5, 4, 14, 30), place="Bibliotheek Neude, Utrecht")
    held = meetings.add(pair.match, amsterdam(2026, 10, 1), status="held", attended=["newcomer", "buddy"])
    cancelled = meetings.add(pair.match, amsterdam(2027, 5, 11), status="cancelled", sequence=1)
    proposed = meetings.add(pair.match, amsterdam(2027, 5, 18), status="proposed")
    declined = meetings.add(pair.match, None, status="declined")
    cancelled_unplanned = meetings.add(pair.match, None, status="cancelled")
    others = meetings.add(pair.other_match, amsterdam(2027, 5, 4))

    events = events_by_uid(parse(app.test_client().get(amal.new_feed())))

    assert set(events) == {f"{confirmed}@maatje", f"{held}@maatje", f"{cancelled}@maatje"}
    assert {f"{m}@maatje" for m in (proposed, declined, cancelled_unplanned, others)}.isdisjoint(events)
    event = events[f"{confirmed}@maatje"]
    assert str(event["summary"]) == "Afspraak met Sanne"
    assert str(event["location"]) == "Bibliotheek Neude, Utrecht"
    assert str(event["status"]) == "CONFIRMED"
    assert event.decoded("dtstart") == amsterdam(2027, 5, 4, 14, 30)
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=60)
    assert f"/maatje/{pair.match.id}/afspraak/{confirmed}" in str(event["description"])
    assert str(events[f"{cancelled}@maatje"]["status"]) == "CANCELLED"
    assert str(events[f"{held}@maatje"]["status"]) == "CONFIRMED"


def test_the_buddy_sees_the_newcomers_name_and_the_video_link(app, pair, sanne, meetings):
    video = "https://meet.jit.si/maatje-amal-sanne"
    meeting = meetings.add(pair.match, amsterdam(2027, 2, 2), place="", video_url=video)
    event = events_by_uid(parse(app.test_client().get(sanne.new_feed())))[f"{meeting}@maatje"]
    assert str(event["summary"]) == "Afspraak met Amal"
    assert str(event["url"]) == video
    assert video in str(event["description"])
    assert "location" not in event


def test_an_ended_match_leaves_the_feed(app, pair, amal, meetings):
    from backend.matching.service import end_match

    meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    assert len(parse(app.test_client().get(path)).walk("VEVENT")) == 1
    with app.app_context():
        end_match(pair.match.id)
    assert parse(app.test_client().get(path)).walk("VEVENT") == []


def test_no_notes_in_the_feed(app, pair, amal, meetings):
    proposal_note = "Neem je brief van de gemeente mee"
    reason = "Mijn dochter is ziek"
    held_note = "We hebben de brief samen gelezen"
    meetings.add(pair.match, amsterdam(2026, 9, 1), status="held", note=proposal_note, held_note=held_note,
                 attended=["newcomer"])
    cancelled = meetings.add(pair.match, amsterdam(2027, 1, 5), note=proposal_note)
    meetings.cancel(cancelled, reason=reason)
    body = app.test_client().get(amal.new_feed()).data
    unfolded = body.replace(b"\r\n ", b"").decode()
    for secret in (proposal_note, reason, held_note, "brief", "ziek"):
        assert secret not in unfolded


def test_lines_are_folded_at_75_octets_with_crlf(app, pair, amal, meetings):
    long_place = "Wijkcentrum De Leeuw, Vondellaan 22, 3521 GJ Utrecht (ingang aan de achterkant) — تعال"
    meetings.add(pair.match, amsterdam(2027, 4, 1), place=long_place)
    body = app.test_client().get(amal.new_feed()).data
    assert body.endswith(b"END:VCALENDAR\r\n")
    lines = body.split(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long place was folded
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(event["location"]) == long_place


def test_an_independent_parser_finds_the_events_between_two_dates(app, pair, amal, meetings):
    may = meetings.add(pair.match, amsterdam(2027, 5, 4, 14, 30))
    june = meetings.add(pair.match, amsterdam(2027, 6, 8, 9, 15), minutes=90)
    meetings.add(pair.match, amsterdam(2027, 9, 1))
    calendar = icalendar.Calendar.from_ical(app.test_client().get(amal.new_feed()).data)

    found = recurring_ical_events.of(calendar).between(dt.date(2027, 5, 1), dt.date(2027, 7, 1))

    assert {str(e["uid"]): e["dtstart"].dt for e in found} == {
        f"{may}@maatje": amsterdam(2027, 5, 4, 14, 30),
        f"{june}@maatje": amsterdam(2027, 6, 8, 9, 15),
    }
    june_event = next(e for e in found if str(e["uid"]) == f"{june}@maatje")
    assert june_event["dtend"].dt == amsterdam(2027, 6, 8, 10, 45)


def test_a_meeting_at_ten_stays_at_ten_on_both_daylight_saving_days(app, pair, amal, meetings):
    march = meetings.add(pair.match, amsterdam(2027, 3, 28, 10))  # clocks go forward at 02:00
    october = meetings.add(pair.match, amsterdam(2027, 10, 31, 10))  # clocks go back at 03:00
    body = app.test_client().get(amal.new_feed()).data
    assert b"DTSTART;TZID=Europe/Amsterdam:20270328T100000" in body
    assert b"DTSTART;TZID=Europe/Amsterdam:20271031T100000" in body
    calendar = icalendar.Calendar.from_ical(body)

    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = events_by_uid(calendar)
    for meeting, utc_hour in ((march, 8), (october, 9)):
        start = events[f"{meeting}@maatje"].decoded("dtstart")
        assert (start.hour, start.minute) == (10, 0)
        assert start.tzinfo is not None and start.utcoffset() is not None
        assert start.astimezone(dt.timezone.utc).hour == utc_hour
    found = recurring_ical_events.of(calendar).between(dt.date(2027, 3, 28), dt.date(2027, 3, 29))
    assert [(e["dtstart"].dt.hour, e["dtstart"].dt.astimezone(dt.timezone.utc).hour) for e in found] == [(10, 8)]
    found = recurring_ical_events.of(calendar).between(dt.date(2027, 10, 31), dt.date(2027, 11, 1))
    assert [(e["dtstart"].dt.hour, e["dtstart"].dt.astimezone(dt.timezone.utc).hour) for e in found] == [(10, 9)]


def test_the_vtimezone_itself_agrees_with_the_tz_database(app, pair, amal, meetings):
    """A calendar app that does not know the name Europe/Amsterdam reads the VTIMEZONE instead."""
    meetings.add(pair.match, amsterdam(2027, 3, 28))
    calendar = icalendar.Calendar.from_ical(app.test_client().get(amal.new_feed()).data)
    own = calendar.walk("VTIMEZONE")[0].to_tz()
    for year in range(2026, 2038):
        for month, day in ((3, 1), (3, 31), (10, 1), (10, 31), (12, 24)):
            for hour in (0, 1, 2, 3, 10, 23):
                utc = dt.datetime(year, month, day, hour, tzinfo=dt.timezone.utc)
                assert utc.astimezone(own).utcoffset() == utc.astimezone(AMSTERDAM).utcoffset(), utc
    # The instants of the changes themselves: 01:00 UTC on the last Sundays.
    for instant in (dt.datetime(2027, 3, 28, 0, 59), dt.datetime(2027, 3, 28, 1, 0),
                    dt.datetime(2027, 10, 31, 0, 59), dt.datetime(2027, 10, 31, 1, 0)):
        utc = instant.replace(tzinfo=dt.timezone.utc)
        assert utc.astimezone(own).utcoffset() == utc.astimezone(AMSTERDAM).utcoffset(), utc


def test_a_meeting_across_the_night_the_clocks_go_forward_lasts_as_long_as_planned(app, pair, amal, meetings):
    """01:30 + 60 minutes on 28 March 2027 is 03:30 local time: 02:00-03:00 does not exist that night."""
    meeting = meetings.add(pair.match, amsterdam(2027, 3, 28, 1, 30), minutes=60)
    event = events_by_uid(parse(app.test_client().get(amal.new_feed())))[f"{meeting}@maatje"]
    assert event.decoded("dtend") == amsterdam(2027, 3, 28, 3, 30)
    utc = dt.timezone.utc  # (Python subtracts two times of one zone by their wall clocks)
    assert event.decoded("dtend").astimezone(utc) - event.decoded("dtstart").astimezone(utc) == dt.timedelta(hours=1)
