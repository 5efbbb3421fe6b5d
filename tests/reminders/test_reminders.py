"""`flask --app backend reminders`: 24 hours and 1 hour before a confirmed meeting, both people
get a notice and a push on each device, each exactly once; the time is written in Amsterdam."""
import datetime as dt

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.matching.models import Match
from backend.meetings.models import Meeting
from backend.push.models import PushSubscription
from backend.reminders import service
from backend.sync.models import SyncChange
from tests.reminders.helpers import add_device, add_meeting, amsterdam, reminder_notices

H = dt.timedelta(hours=1)
MIN = dt.timedelta(minutes=1)


@pytest.fixture
def pair(make_user, make_match):
    newcomer = make_user("newcomer", email="amal@example.org", name="Amal Haddad")
    buddy = make_user("buddy", email="sanne@example.org", name="Sanne de Vries")
    return newcomer, buddy, make_match(newcomer, buddy)


def pushes(push_service, *devices):
    return [payload for device in devices for _, payload in push_service.to(device)]


@pytest.mark.parametrize("day", ["2027-03-28", "2027-10-31"])  # the days the clocks change
def test_each_reminder_reaches_both_people_once_and_every_device_once(pair, push_service, day, ctx):
    newcomer, buddy, match = pair
    meeting = add_meeting(match, amsterdam(f"{day}T10:00"))
    start = meeting.starts_at
    phone, tablet, buddy_phone = push_service.device(), push_service.device(), push_service.device()
    add_device(newcomer, phone)
    add_device(newcomer, tablet)
    add_device(buddy, buddy_phone)

    # Before the 24-hour window: nothing.
    assert service.run(start - 24 * H - MIN)["notices"] == 0
    assert push_service.received == []

    counts = service.run(start - 24 * H)
    assert (counts["notices"], counts["pushes"]) == (2, 3)
    for device in (phone, tablet, buddy_phone):
        [payload] = pushes(push_service, device)
        assert payload["url"] == f"/maatje/{match.id}/afspraak/{meeting.id}"
        assert payload["tag"] == f"meeting-{meeting.id}"
        assert payload["title"] == "Herinnering aan je afspraak"
    assert pushes(push_service, phone)[0]["body"] == "Morgen om 10:00: afspraak met Sanne."
    assert pushes(push_service, buddy_phone)[0]["body"] == "Morgen om 10:00: afspraak met Amal."

    # Again within the window, and just before the next one: nothing new.
    for later in (start - 24 * H, start - 23 * H, start - H - MIN):
        assert service.run(later)["notices"] == 0
    assert len(push_service.received) == 3

    counts = service.run(start - H)
    assert (counts["notices"], counts["pushes"]) == (2, 3)
    assert [p["body"] for p in pushes(push_service, phone)] == [
        "Morgen om 10:00: afspraak met Sanne.", "Over een uur, om 10:00: afspraak met Sanne."]
    for later in (start - 30 * MIN, start - MIN, start, start + H):
        assert service.run(later)["notices"] == 0
    assert len(push_service.received) == 6

    link = f"/maatje/{match.id}/afspraak/{meeting.id}"
    assert [(n.kind, n.message, n.link) for n in reminder_notices(newcomer)] == [
        ("reminder", "Morgen om 10:00: afspraak met Sanne.", link),
        ("reminder", "Over een uur, om 10:00: afspraak met Sanne.", link)]
    assert [n.message for n in reminder_notices(buddy)] == [
        "Morgen om 10:00: afspraak met Amal.", "Over een uur, om 10:00: afspraak met Amal."]


def test_a_reminder_on_the_day_itself_says_today(pair, push_service, ctx):
    newcomer, buddy, match = pair
    meeting = add_meeting(match, amsterdam("2027-05-12T20:00"))
    service.run(amsterdam("2027-05-12T08:00"))  # 12 hours before: the "24h" reminder, late
    assert [n.message for n in reminder_notices(newcomer)] == ["Vandaag om 20:00: afspraak met Sanne."]
    assert meeting.starts_at.astimezone(dt.timezone.utc).hour == 18


def test_the_notice_lives_in_the_users_own_scope_not_the_pairs(pair, ctx):
    newcomer, buddy, match = pair
    meeting = add_meeting(match, amsterdam("2027-05-12T10:00"))
    service.run(meeting.starts_at - 2 * H)
    scopes = db.session.scalars(sa.select(SyncChange.scope).where(SyncChange.entity == "notice")).all()
    assert sorted(scopes) == sorted([f"user:{newcomer.id}", f"user:{buddy.id}"])
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SyncChange)
                             .where(SyncChange.scope == f"match:{match.id}")) == 0


@pytest.mark.parametrize("status", ["proposed", "cancelled", "declined", "held"])
def test_only_confirmed_meetings_are_reminded_of(pair, push_service, status, ctx):
    newcomer, _, match = pair
    add_device(newcomer, push_service.device())
    meeting = add_meeting(match, amsterdam("2027-05-12T10:00"), status=status)
    for moment in (meeting.starts_at - 24 * H, meeting.starts_at - H):
        assert service.run(moment)["notices"] == 0
    assert reminder_notices(newcomer) == [] and push_service.received == []


@pytest.mark.parametrize("status", ["paused", "ended"])
def test_a_paused_or_ended_pair_gets_no_reminders(pair, push_service, status, ctx):
    newcomer, _, match = pair
    add_device(newcomer, push_service.device())
    meeting = add_meeting(match, amsterdam("2027-05-12T10:00"))
    db.session.execute(sa.update(Match).where(Match.id == match.id).values(status=status))
    db.session.commit()
    assert service.run(meeting.starts_at - H)["notices"] == 0
    assert reminder_notices(newcomer) == [] and push_service.received == []


def test_a_cancelled_meeting_is_not_reminded_of_any_more(pair, push_service, ctx):
    newcomer, _, match = pair
    device = push_service.device()
    add_device(newcomer, device)
    meeting = add_meeting(match, amsterdam("2027-05-12T10:00"))
    service.run(meeting.starts_at - 24 * H)
    meeting.status = "cancelled"
    db.session.commit()
    service.run(meeting.starts_at - H)
    assert len(push_service.to(device)) == 1 and len(reminder_notices(newcomer)) == 1


def test_a_rescheduled_meeting_is_reminded_of_again(pair, push_service, ctx):
    newcomer, _, match = pair
    device = push_service.device()
    add_device(newcomer, device)
    meeting = add_meeting(match, amsterdam("2027-05-12T10:00"))
    service.run(meeting.starts_at - 20 * H)
    meeting.starts_at = amsterdam("2027-05-12T15:00").astimezone(dt.timezone.utc)
    meeting.sequence += 1
    db.session.commit()
    service.run(meeting.starts_at - 20 * H)
    assert [p["body"] for _, p in push_service.to(device)] == [
        "Morgen om 10:00: afspraak met Sanne.", "Morgen om 15:00: afspraak met Sanne."]


def test_a_device_the_push_service_calls_gone_is_forgotten_and_the_notice_still_comes(pair, push_service, ctx):
    newcomer, _, match = pair
    gone, kept = push_service.device(), push_service.device()
    add_device(newcomer, gone)
    add_device(newcomer, kept)
    push_service.answers[gone.endpoint.split(push_service.host)[1]] = 410
    meeting = add_meeting(match, amsterdam("2027-05-12T10:00"))
    counts = service.run(meeting.starts_at - H)
    assert (counts["pushes"], counts["push_failed"]) == (1, 1)
    assert db.session.scalars(sa.select(PushSubscription.endpoint)).all() == [kept.endpoint]
    assert len(reminder_notices(newcomer)) == 1


def test_words_and_time_follow_the_devices_language(make_user, make_match, push_service, ctx):
    newcomer = make_user("newcomer", email="amal@example.org", name="Amal", locale="ar")
    buddy = make_user("buddy", email="sanne@example.org", name="Sanne")
    match = make_match(newcomer, buddy)
    arabic, english = push_service.device(), push_service.device()
    add_device(newcomer, arabic, locale="ar")
    add_device(newcomer, english, locale="en")
    meeting = add_meeting(match, amsterdam("2027-10-31T10:00"))
    service.run(meeting.starts_at - H)
    [(_, ar)] = push_service.to(arabic)
    [(_, en)] = push_service.to(english)
    assert (ar["lang"], ar["dir"], en["lang"], en["dir"]) == ("ar", "rtl", "en", "ltr")
    assert "10:00 ص" in ar["body"]  # Babel, in Arabic, in Amsterdam time
    assert "10:00\u202fAM" in en["body"]
    [notice] = reminder_notices(newcomer)
    assert "10:00 ص" in notice.message  # the notice: in the user's saved language
    assert notice.msgid == "Over een uur, om %(time)s: afspraak met %(name)s."
    assert notice.params == {"time": "10:00 ص", "name": "Sanne"}


def test_a_meeting_far_ahead_or_past_is_left_alone(pair, ctx):
    newcomer, _, match = pair
    soon = add_meeting(match, amsterdam("2027-05-12T10:00"))
    add_meeting(match, amsterdam("2027-05-20T10:00"))
    add_meeting(match, amsterdam("2027-05-01T10:00"))
    assert service.run(soon.starts_at - 2 * H)["meetings"] == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Meeting)) == 3
