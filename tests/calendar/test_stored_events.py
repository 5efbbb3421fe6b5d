"""Each meeting's VEVENT is stored per side (calendar_events) with the key of what it shows, so a
feed from a fresh process (after a deploy, on another instance) reads it instead of writing it
again. A stored text is used only while its key is the one computed now, and only in the feed of
its own side."""
import datetime as dt
import uuid
from urllib.parse import urlsplit

import icalendar
import pytest
import recurring_ical_events
import sqlalchemy as sa
from flask_babel import force_locale

from backend.accounts.models import User
from backend.calendar import ics, service
from backend.calendar.models import CalendarEvent
from backend.db import utcnow
from backend.extensions import db as _db
from backend.meetings import service as meetings_service
from tests.calendar.conftest import amsterdam, events_by_uid, parse
from tests.matching.conftest import people, world  # noqa: F401  (fixtures)

BASE = "http://localhost/"  # the address the test client's requests come in on
PLANTED = (b"BEGIN:VEVENT\r\nUID:planted@maatje\r\nDTSTAMP:20270101T000000Z\r\n"
           b"DTSTART:20270504T080000Z\r\nSUMMARY:Uit de tabel\r\nEND:VEVENT\r\n")


@pytest.fixture
def poller(app):
    """A calendar app's server: no cookie, only the address."""
    return app.test_client()


@pytest.fixture(autouse=True)
def fresh_process():
    """Each test starts as a new process would: nothing written in memory yet."""
    ics._event.cache_clear()
    yield
    ics._event.cache_clear()


def stored(app, meeting_id) -> dict:
    """The stored events of a meeting: {side: (key, body)}."""
    with app.app_context():
        rows = _db.session.execute(sa.select(CalendarEvent.side, CalendarEvent.key, CalendarEvent.body)
                                   .where(CalendarEvent.meeting_id == meeting_id)).all()
        return {side: (key, body) for side, key, body in rows}


def plant(app, meeting_id, side, key, body=PLANTED) -> None:
    with app.app_context():
        _db.session.execute(sa.delete(CalendarEvent).where(CalendarEvent.meeting_id == meeting_id,
                                                           CalendarEvent.side == side))
        _db.session.add(CalendarEvent(meeting_id=meeting_id, side=side, key=key, body=body.decode()))
        _db.session.commit()


def key_now(app, user_id, meeting_id) -> str:
    """The key the feed of `user_id` computes for the meeting now."""
    with app.app_context():
        row = next(r for r in service.feed_rows(user_id) if r.id == meeting_id)
        return ics.event_key(row, service.feed_locale(_db.session.get(User, user_id).locale), BASE)


def vevents(body: bytes) -> list[bytes]:
    """The VEVENTs of a feed, as written (CRLF, folded)."""
    parts = body.split(b"BEGIN:VEVENT\r\n")[1:]
    return [b"BEGIN:VEVENT\r\n" + part.split(b"END:VEVENT\r\n")[0] + b"END:VEVENT\r\n" for part in parts]


# ---- the feed reads what is stored -------------------------------------------------------------


def test_a_stored_event_with_the_current_key_is_used_as_it_is(app, poller, pair, amal, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    plant(app, meeting, "newcomer", key_now(app, pair.newcomer.id, meeting))

    body = poller.get(path).data
    assert vevents(body) == [PLANTED]  # verbatim: nothing was written by icalendar
    assert "Uit de tabel" in str(events_by_uid(icalendar.Calendar.from_ical(body))["planted@maatje"]["summary"])


def test_a_stale_key_is_written_again_and_stored(app, poller, pair, amal, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    plant(app, meeting, "newcomer", "0" * 64)

    body = poller.get(path).data
    assert b"planted" not in body
    event = events_by_uid(icalendar.Calendar.from_ical(body))[f"{meeting}@maatje"]
    assert str(event["summary"]) == "Afspraak met Sanne"
    key, text = stored(app, meeting)["newcomer"]
    assert key == key_now(app, pair.newcomer.id, meeting)
    assert vevents(body) == [text.encode()]  # what was sent is what is stored

    ics._event.cache_clear()  # another process: the same feed, from the table
    assert poller.get(path).data == body


def test_a_meeting_changed_outside_the_service_is_written_again(app, poller, pair, amal, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    poller.get(path)
    before = stored(app, meeting)["newcomer"]
    meetings.change(meeting, starts_at=amsterdam(2027, 5, 6, 15), sequence=1)

    event = events_by_uid(parse(poller.get(path)))[f"{meeting}@maatje"]
    assert event.decoded("dtstart") == amsterdam(2027, 5, 6, 15) and event["sequence"] == 1
    assert stored(app, meeting)["newcomer"] != before


def test_a_language_change_writes_the_feed_in_the_new_language(app, poller, pair, amal, meetings, monkeypatch):
    # Mark each text with the language it was written in, and check the Arabic words as well.
    real = ics._
    monkeypatch.setattr(ics, "_", lambda text, **kw: f"[{_current()}] " + real(text, **kw))
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    assert str(events_by_uid(parse(poller.get(path)))[f"{meeting}@maatje"]["summary"]) == "[nl] Afspraak met Sanne"
    with app.app_context():
        _db.session.get(User, pair.newcomer.id).locale = "ar"
        _db.session.commit()

    ics._event.cache_clear()  # a new process: only the table remembers, and its key is Dutch
    with app.test_request_context(), force_locale("ar"):
        arabic = "[ar] " + real("Afspraak met %(name)s", name="Sanne")
    assert arabic != "[ar] Afspraak met Sanne"  # the catalog has it
    response = poller.get(path)
    assert str(events_by_uid(parse(response))[f"{meeting}@maatje"]["summary"]) == arabic
    key, text = stored(app, meeting)["newcomer"]
    assert key == key_now(app, pair.newcomer.id, meeting)
    assert arabic in icalendar.Event.from_ical(text)["summary"]


def _current() -> str:
    from flask_babel import get_locale

    return str(get_locale())


def test_a_new_format_writes_every_event_again(app, poller, pair, amal, meetings, monkeypatch):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    poller.get(path)
    plant(app, meeting, "newcomer", key_now(app, pair.newcomer.id, meeting))
    monkeypatch.setattr(ics, "FORMAT", ics.FORMAT + 1)  # a deploy that words the events otherwise
    assert b"planted" not in poller.get(path).data


def test_the_event_of_the_other_side_or_another_pair_is_never_used(app, poller, pair, amal, meetings):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    theirs = meetings.add(pair.other_match, amsterdam(2027, 5, 4))
    path = amal.new_feed()
    key = key_now(app, pair.newcomer.id, meeting)
    plant(app, meeting, "buddy", key)  # Sanne's side, with the key Amal's feed computes
    plant(app, theirs, "newcomer", key)  # Olena's meeting

    body = poller.get(path).data
    assert b"planted" not in body
    assert set(events_by_uid(icalendar.Calendar.from_ical(body))) == {f"{meeting}@maatje"}
    assert stored(app, meeting)["buddy"] == (key, PLANTED.decode())  # Sanne's row left alone


def test_a_failure_to_store_never_fails_the_feed(app, poller, pair, amal, meetings, monkeypatch):
    meeting = meetings.add(pair.match, amsterdam(2027, 5, 4))
    path = amal.new_feed()

    def broken(values):
        raise sa.exc.OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(service, "_upsert", broken)
    response = poller.get(path)
    assert f"{meeting}@maatje" in events_by_uid(parse(response))
    assert stored(app, meeting) == {}
    monkeypatch.undo()
    assert poller.get(path).data == response.data  # written again, and stored this time
    assert set(stored(app, meeting)) == {"newcomer"}


# ---- the meetings service stores both sides' events ---------------------------------------------


def slot(days, hour=10):
    starts = (utcnow() + dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return {"starts_at": starts.isoformat(), "minutes": 60}


def feed_of(person) -> str:
    return urlsplit(person.post("/api/calendar/feed").json["url"]).path


def test_choose_reschedule_and_cancel_store_both_sides_events(app, poller, people, world, make_match):
    match = make_match(world.newcomer, world.buddy)
    amal, sanne = people.newcomer, people.buddy
    amal_path, sanne_path = feed_of(amal), feed_of(sanne)
    meeting = str(uuid.uuid4())
    first, later = slot(3), slot(6, 14)
    assert sanne.push("meeting.propose", id=meeting, match_id=str(match.id), slots=[first],
                      place="Bibliotheek")["status"] == "applied"
    assert stored(app, uuid.UUID(meeting)) == {}  # no time chosen: in no feed

    assert amal.push("meeting.choose", id=meeting, version=1, starts_at=first["starts_at"])["status"] == "applied"
    rows = stored(app, uuid.UUID(meeting))  # before any feed was read
    assert set(rows) == {"newcomer", "buddy"}
    assert f"Afspraak met {world.buddy.display_name}" in icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\n" + rows["newcomer"][1].encode() + b"END:VCALENDAR\r\n").walk("VEVENT")[0]["summary"]
    assert f"Afspraak met {world.newcomer.display_name}" in rows["buddy"][1].replace("\r\n ", "")
    for person_id, side, path in ((world.newcomer.id, "newcomer", amal_path), (world.buddy.id, "buddy", sanne_path)):
        assert rows[side][0] == key_now(app, person_id, uuid.UUID(meeting))  # the feed will use it
        ics._event.cache_clear()
        assert vevents(poller.get(path).data) == [rows[side][1].encode()]

    assert sanne.push("meeting.reschedule", id=meeting, version=2, slots=[later],
                      place="Bibliotheek")["status"] == "applied"
    assert stored(app, uuid.UUID(meeting)) == {}  # out of the calendars until a time is chosen
    assert amal.push("meeting.choose", id=meeting, version=3, starts_at=later["starts_at"])["status"] == "applied"
    assert "SEQUENCE:1" in stored(app, uuid.UUID(meeting))["buddy"][1]

    assert amal.push("meeting.cancel", id=meeting, version=4, reason="Ik ben ziek")["status"] == "applied"
    rows = stored(app, uuid.UUID(meeting))
    for side in ("newcomer", "buddy"):
        assert "STATUS:CANCELLED" in rows[side][1] and "SEQUENCE:2" in rows[side][1]
        assert "ziek" not in rows[side][1]
    ics._event.cache_clear()
    calendar = parse(poller.get(sanne_path))
    assert str(events_by_uid(calendar)[f"{meeting}@maatje"]["status"]) == "CANCELLED"
    assert len(recurring_ical_events.of(calendar).between((2020, 1, 1), (2030, 1, 1))) == 1


def test_the_stored_events_change_in_the_mutations_transaction(app, people, world, make_match, monkeypatch):
    match = make_match(world.newcomer, world.buddy)
    amal, sanne = people.newcomer, people.buddy
    meeting = str(uuid.uuid4())
    first = slot(3)
    sanne.push("meeting.propose", id=meeting, match_id=str(match.id), slots=[first], place="Bibliotheek")
    amal.push("meeting.choose", id=meeting, version=1, starts_at=first["starts_at"])
    before = stored(app, uuid.UUID(meeting))

    def later_failure(meeting):
        raise RuntimeError("a later step of the same mutation failed")

    monkeypatch.setattr(meetings_service, "MEETING_LISTENERS", [*meetings_service.MEETING_LISTENERS, later_failure])
    assert amal.push("meeting.cancel", id=meeting, version=2, reason="Ik ben ziek")["status"] == "rejected"
    assert stored(app, uuid.UUID(meeting)) == before  # undone with the cancel

    monkeypatch.undo()
    assert amal.push("meeting.cancel", id=meeting, version=2, reason="Ik ben ziek")["status"] == "applied"
    assert "STATUS:CANCELLED" in stored(app, uuid.UUID(meeting))["newcomer"][1]


def test_a_feed_from_stored_events_parses_with_both_parsers(app, poller, pair, amal, meetings):
    ids = [meetings.add(pair.match, amsterdam(2027, 3, day, 10), video_url="https://meet.jit.si/x" if day % 2 else "",
                        place="Wijkcentrum; De Leeuw, Vondellaan 22 — één lange plek met komma's, puntkomma's")
           for day in range(20, 31)]
    path = amal.new_feed()
    written = poller.get(path).data
    ics._event.cache_clear()
    again = poller.get(path)
    assert again.data == written  # the same bytes from the table
    calendar = parse(again)
    assert set(events_by_uid(calendar)) == {f"{m}@maatje" for m in ids}
    found = recurring_ical_events.of(calendar).at((2027, 3))
    assert len(found) == len(ids)
    # 29 March 2027: the clocks go forward; 10:00 stays 10:00 in Amsterdam.
    assert {e.decoded("dtstart").astimezone(amsterdam(2027, 3, 1).tzinfo).hour for e in found} == {10}
