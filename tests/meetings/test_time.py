"""Meeting times: stored in UTC, shown in Europe/Amsterdam whatever the season; the past is refused."""
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.meetings import service
from backend.meetings.models import Meeting
from tests.conftest import is_postgres
from tests.meetings.conftest import propose, server_row, slot, synced_row

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = dt.timezone.utc


@pytest.mark.parametrize("day,utc_hour", [
    (dt.date(2027, 3, 28), 8),   # the last Sunday of March: summer time since 02:00 (UTC+2)
    (dt.date(2027, 10, 31), 9),  # the last Sunday of October: winter time since 03:00 (UTC+1)
])
def test_ten_oclock_in_amsterdam_on_a_clock_change_day(pair, day, utc_hour):
    pair.clock.now = dt.datetime(2027, 3, 1, 12, tzinfo=UTC)
    ten = dt.datetime.combine(day, dt.time(10), tzinfo=AMSTERDAM)
    meeting_id, result = propose(pair.newcomer, pair.match_id, pair.clock,
                                 slots=[{"starts_at": ten.isoformat(), "minutes": 60}])
    assert result["status"] == "applied", result
    expected = dt.datetime.combine(day, dt.time(utc_hour), tzinfo=UTC)
    assert result["current"]["slots"][0]["starts_at"] == expected.isoformat()
    chosen = pair.buddy.push("meeting.choose", id=meeting_id, version=1, starts_at=ten.isoformat())
    assert chosen["status"] == "applied", chosen
    row = synced_row(pair.newcomer, meeting_id)
    assert row["starts_at"] == expected.isoformat() == f"{day.isoformat()}T0{utc_hour}:00:00+00:00"
    shown = dt.datetime.fromisoformat(row["starts_at"]).astimezone(AMSTERDAM)
    assert (shown.date(), shown.hour, shown.minute) == (day, 10, 0)
    with pair.app.app_context():  # the column holds that instant: a query in UTC finds it
        found = db.session.scalar(sa.select(Meeting.id).where(Meeting.starts_at == expected))
        assert str(found) == meeting_id


def test_the_row_is_in_utc_whatever_the_database_sessions_time_zone(pair):
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    with pair.app.app_context():
        if is_postgres():
            db.session.execute(sa.text("SET TIME ZONE 'America/New_York'"))
        meeting = db.session.get(Meeting, uuid.UUID(meeting_id))
        row = service.meeting_data(meeting)
        db.session.rollback()
    assert row["created_at"].endswith("+00:00") and row["slots"][0]["starts_at"].endswith("+00:00")
    assert row == server_row(pair.app, meeting_id)


@pytest.mark.parametrize("offset", [dt.timedelta(minutes=-1), dt.timedelta(0)])
def test_a_slot_a_minute_ago_or_right_now_is_refused(pair, offset):
    starts = pair.clock.now + offset
    result = pair.newcomer.push("meeting.propose", id=str(uuid.uuid4()), match_id=pair.match_id, place="Bieb",
                                slots=[slot(pair.clock, 3), {"starts_at": starts.isoformat(), "minutes": 30}])
    assert (result["status"], result["code"]) == ("rejected", "slot_in_past")
    assert result["message"] == str(service.SLOT_IN_PAST)


def test_a_slot_a_minute_ahead_is_fine(pair):
    result = pair.newcomer.push("meeting.propose", id=str(uuid.uuid4()), match_id=pair.match_id, place="Bieb",
                                slots=[slot(pair.clock, 1 / 60)])
    assert result["status"] == "applied", result


def test_choosing_a_slot_that_has_meanwhile_passed_is_refused(pair):
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock, slots=[slot(pair.clock, 2), slot(pair.clock, 5)])
    slots = server_row(pair.app, meeting_id)["slots"]
    pair.clock.advance(hours=2)  # the first slot starts now: too late to pick it
    late = pair.buddy.push("meeting.choose", id=meeting_id, version=1, starts_at=slots[0]["starts_at"])
    assert (late["status"], late["code"], late["message"]) == ("rejected", "slot_in_past",
                                                              str(service.CHOSEN_SLOT_PASSED))
    assert late["current"]["status"] == "proposed"
    fine = pair.buddy.push("meeting.choose", id=meeting_id, version=1, starts_at=slots[1]["starts_at"])
    assert fine["status"] == "applied" and fine["current"]["starts_at"] == slots[1]["starts_at"]
