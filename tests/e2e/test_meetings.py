"""Issue 10's meetings in real Chromium with two users: the buddy, offline, proposes a meeting
and logs an activity; the newcomer, online, sees both once the buddy reconnects and picks a
moment; the buddy sees it confirmed. Then both cancel offline: exactly one cancellation wins and
the other side reads a clear notice. Plus: 10:00 on the March day the clocks change is 10:00 on
a phone set to New York; axe-core on the new screens in Dutch and Arabic; 360 px screenshots."""
import datetime as dt
import uuid
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from backend.config import ROOT
from tests.e2e.conftest import axe_violations, log_in, pick_date, wait_for_service_worker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SCREENSHOTS = ROOT / "test-results" / "screenshots"


@pytest.fixture
def pair(make_user, make_match):
    newcomer = make_user("newcomer", name="Amal Haddad")
    buddy = make_user("buddy", name="Sanne de Vries")
    match = make_match(newcomer, buddy)
    return newcomer, buddy, str(match.id)


def open_match(page, match_id):
    """Open the partner's page once the first sync round has brought the match."""
    page.goto(f"/maatje/{match_id}")
    page.get_by_test_id("meetings-section").wait_for()
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)


def propose(page, match_id, moments, place):
    """Fill in the proposal form: (day, time) moments in Dutch time, a place; send."""
    page.get_by_test_id("propose-form").wait_for()
    for i, (day, time) in enumerate(moments):
        if i > 0:
            page.get_by_test_id("add-moment").click()
        pick_date(page, f"moment-{i}-day", day)
        page.get_by_test_id(f"moment-{i}-time").select_option(time)
    page.get_by_label("Waar spreken jullie af?").fill(place)
    page.get_by_test_id("propose-submit").click()
    page.get_by_test_id("meeting").wait_for()


def stored_meeting(app, meeting_id):
    from backend.extensions import db
    from backend.meetings.models import Meeting

    with app.app_context():
        meeting = db.session.get(Meeting, uuid.UUID(meeting_id))
        return SimpleNamespace(status=meeting.status, cancelled_by=meeting.cancelled_by,
                               cancel_reason=meeting.cancel_reason, slots=list(meeting.slots))


def test_two_phones_plan_a_meeting_offline_and_one_cancellation_wins(new_context, app, pair):
    newcomer, buddy, match_id = pair
    today = dt.datetime.now(AMSTERDAM).date()
    first_day, second_day = (today + dt.timedelta(days=9)).isoformat(), (today + dt.timedelta(days=10)).isoformat()

    # The buddy's phone has the app and the match, then loses its connection.
    sanne_phone = new_context(viewport={"width": 360, "height": 800})
    sanne = sanne_phone.new_page()
    log_in(sanne, buddy.email, PASSWORD)
    wait_for_service_worker(sanne)
    sanne.goto(f"/maatje/{match_id}/activiteit/nieuw")
    expect(sanne.locator(".type-tile", has_text="Naar de bibliotheek")).to_be_visible()  # the catalogue came
    open_match(sanne, match_id)
    expect(sanne.get_by_test_id("meetings-section")).to_contain_text("Jullie hebben nog geen afspraak gepland.")
    sanne_phone.set_offline(True)

    # Offline, she proposes two moments: the meeting shows at once, waiting to be sent.
    sanne.get_by_test_id("new-meeting").click()
    propose(sanne, match_id, [(first_day, "10:00"), (second_day, "19:30")], "Bibliotheek Utrecht")
    meeting_id = sanne.url.rsplit("/", 1)[1]
    expect(sanne.get_by_test_id("meeting")).to_have_attribute("data-pending", "true")
    expect(sanne.get_by_test_id("meeting-pending")).to_have_text("Je wijziging wordt verstuurd zodra je online bent.")
    expect(sanne.get_by_test_id("meeting-words")).to_have_text("Jij hebt deze momenten voorgesteld. Amal kiest er één.")
    expect(sanne.get_by_test_id("slot")).to_have_count(2)
    expect(sanne.get_by_test_id("meeting-ics")).to_have_count(0)  # only for a confirmed meeting, online
    log_activity_offline(sanne, match_id)
    sanne.goto(f"/maatje/{match_id}")  # the app and her waiting changes come from the phone itself
    card = sanne.get_by_test_id("meeting-card")
    expect(card).to_have_attribute("data-pending", "true")
    expect(card).to_contain_text("Wacht op antwoord")

    # The newcomer is online; the buddy reconnects and her changes reach the server.
    amal_phone = new_context()
    amal = amal_phone.new_page()
    log_in(amal, newcomer.email, PASSWORD)
    sanne_phone.set_offline(False)
    expect(sanne.get_by_test_id("meeting-card")).to_have_attribute("data-pending", "false", timeout=20_000)
    expect(sanne.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)
    assert stored_meeting(app, meeting_id).status == "proposed"

    # The newcomer sees both: the activity on their timeline...
    amal.goto(f"/maatje/{match_id}/tijdlijn")
    done = amal.locator("[data-testid=timeline-item][data-kind=activity]")
    expect(done).to_contain_text("Naar de bibliotheek", timeout=20_000)
    expect(done).to_contain_text("jij nam het initiatief")

    # ...and the proposal on her buddy's page, where she picks the second moment.
    open_match(amal, match_id)
    choose = amal.get_by_test_id("meetings-to-choose")
    expect(choose).to_contain_text("Sanne stelt een afspraak voor. Kies een moment.")
    choose.get_by_test_id("meeting-card").click()
    amal.get_by_test_id("meeting").wait_for()
    expect(amal.get_by_test_id("meeting-words")).to_have_text("Sanne stelt deze momenten voor. Kies er één.")
    expect(amal.get_by_test_id("meeting-place")).to_have_text("Bibliotheek Utrecht")
    amal.get_by_test_id("choose-slot").nth(1).click()
    expect(amal.get_by_test_id("meeting")).to_have_attribute("data-status", "confirmed")
    expect(amal.get_by_test_id("meeting-words")).to_have_text("Afgesproken. Jij hebt dit moment gekozen.")
    expect(amal.get_by_test_id("meeting")).to_have_attribute("data-pending", "false", timeout=20_000)
    expect(amal.get_by_test_id("meeting-when")).to_contain_text("19:30")
    expect(amal.get_by_test_id("meeting-ics")).to_have_attribute("href", f"/api/calendar/meetings/{meeting_id}.ics")

    # The buddy sees it confirmed, as the next meeting on Amal's page.
    sanne.reload()
    next_meeting = sanne.get_by_test_id("next-meeting")
    expect(next_meeting).to_contain_text("Afgesproken", timeout=20_000)
    expect(next_meeting).to_contain_text("19:30")
    next_meeting.get_by_test_id("meeting-card").click()
    expect(sanne.get_by_test_id("meeting-words")).to_have_text("Afgesproken. Amal heeft dit moment gekozen.")
    expect(sanne.get_by_test_id("meeting")).to_have_attribute("data-pending", "false")

    amal.goto(f"/maatje/{match_id}/afspraak/{meeting_id}")
    amal.get_by_test_id("meeting").wait_for()

    # Both cancel while offline; each phone shows its own cancellation, waiting.
    amal.goto(f"/maatje/{match_id}/afspraak/{meeting_id}")
    amal.get_by_test_id("meeting").wait_for()
    for page, phone, reason in ((sanne, sanne_phone, "Mijn fiets is kapot"), (amal, amal_phone, "Ik ben ziek")):
        phone.set_offline(True)
        page.get_by_test_id("cancel").click()
        page.get_by_test_id("confirm-cancel").click()  # no reason yet: the form asks for one
        expect(page.get_by_test_id("cancel-form")).to_contain_text("Schrijf kort waarom je afzegt.")
        page.get_by_test_id("meeting-text").fill(reason)
        page.get_by_test_id("confirm-cancel").click()
        expect(page.get_by_test_id("meeting")).to_have_attribute("data-status", "cancelled")
        expect(page.get_by_test_id("meeting-words")).to_have_text("Jij hebt deze afspraak afgezegd.")
        expect(page.get_by_test_id("meeting-pending")).to_have_text("Je wijziging wordt verstuurd zodra je online bent.")

    # Both reconnect, the newcomer first: hers is the cancellation that counts.
    amal_phone.set_offline(False)
    expect(amal.get_by_test_id("meeting")).to_have_attribute("data-pending", "false", timeout=20_000)
    sanne_phone.set_offline(False)
    expect(sanne.get_by_test_id("meeting")).to_have_attribute("data-pending", "false", timeout=20_000)
    stored = stored_meeting(app, meeting_id)
    assert (stored.status, stored.cancelled_by, stored.cancel_reason) == ("cancelled", "newcomer", "Ik ben ziek")
    expect(sanne.get_by_test_id("meeting-words")).to_have_text("Amal heeft deze afspraak afgezegd.")
    expect(sanne.get_by_test_id("cancel-reason")).to_have_text("Ik ben ziek")
    expect(amal.get_by_test_id("meeting-words")).to_have_text("Jij hebt deze afspraak afgezegd.")

    # The buddy, whose cancellation came second, reads what happened.
    sanne.goto("/meldingen")
    expect(sanne.get_by_text("Amal had deze afspraak al afgezegd.")).to_be_visible(timeout=20_000)
    amal.goto("/meldingen")
    amal.get_by_role("heading", level=1).wait_for()
    expect(amal.get_by_text("had deze afspraak al afgezegd")).to_have_count(0)


def log_activity_offline(page, match_id):
    """The buddy, offline, writes down a library visit that the newcomer started (the activities
    screen of branch actpwa); it shows at once, waiting to be sent."""
    page.goto(f"/maatje/{match_id}/activiteit/nieuw")
    page.get_by_test_id("log-activity").wait_for()
    page.locator(".type-tile", has_text="Naar de bibliotheek").click()
    page.locator("label[data-initiative=newcomer]").click()
    page.get_by_label("Hoe lang duurde het?").select_option("90")
    page.get_by_test_id("save-activity").click()
    expect(page.get_by_test_id("save-status")).to_have_text("Opgeslagen op je telefoon. Het wordt verstuurd zodra je online bent.")
    expect(page.get_by_test_id("activity")).to_have_attribute("data-pending", "true")


def test_the_propose_form_says_what_is_wrong_and_works_in_arabic(new_context, app, pair):
    newcomer, buddy, match_id = pair
    phone = new_context(viewport={"width": 360, "height": 800})
    page = phone.new_page()
    log_in(page, newcomer.email, PASSWORD)
    open_match(page, match_id)
    page.get_by_test_id("new-meeting").click()
    page.get_by_test_id("propose-form").wait_for()
    yesterday = (dt.datetime.now(AMSTERDAM).date() - dt.timedelta(days=1)).isoformat()
    # A moment in the past and no place: both said, nothing queued.
    past_choosable = yesterday[:4] == dt.datetime.now(AMSTERDAM).date().isoformat()[:4]  # not on 1 January
    if past_choosable:
        pick_date(page, "moment-0-day", yesterday)
    page.get_by_test_id("moment-0-time").select_option("10:00")
    page.get_by_test_id("propose-submit").click()
    expect(page.get_by_test_id("propose-form")).to_contain_text("Vul een plek in of een videolink.")
    if past_choosable:
        expect(page.get_by_test_id("moment-0-error")).to_have_text("Dit moment is al voorbij. Kies een moment in de toekomst.")
    # The night the clocks go forward has no 02:30.
    pick_date(page, "moment-0-day", "2027-03-28")
    page.get_by_test_id("moment-0-time").select_option("02:30")
    page.get_by_label("Of een videolink (mag je leeg laten)").fill("https://meet.jit.si/maatje-amal-sanne")
    page.get_by_test_id("propose-submit").click()
    expect(page.get_by_test_id("moment-0-error")).to_have_text(
        "Deze tijd bestaat niet: die nacht gaat de klok een uur vooruit. Kies een andere tijd.")
    assert page.url.endswith("/afspraak/nieuw")


@pytest.fixture
def new_york_phone(browser, live_server):
    """A phone whose own clock is set to New York (the fixture new_context is Amsterdam's)."""
    context = browser.new_context(base_url=live_server, locale="nl-NL", timezone_id="America/New_York",
                                  viewport={"width": 360, "height": 800})
    context.set_default_timeout(15_000)
    yield context
    context.close()


def test_ten_oclock_on_the_day_summer_time_starts_is_ten_oclock_on_a_phone_in_new_york(new_york_phone, new_context, app, pair):
    newcomer, buddy, match_id = pair
    page = new_york_phone.new_page()
    log_in(page, buddy.email, PASSWORD)
    assert page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone") == "America/New_York"
    open_match(page, match_id)
    page.get_by_test_id("new-meeting").click()
    propose(page, match_id, [("2027-03-28", "10:00"), ("2027-10-31", "10:00")], "Stadhuis")
    expect(page.get_by_test_id("meeting")).to_have_attribute("data-pending", "false", timeout=20_000)
    slots = page.get_by_test_id("slot")
    expect(slots.nth(0)).to_contain_text("zondag 28 maart 2027 om 10:00")
    expect(slots.nth(1)).to_contain_text("zondag 31 oktober 2027 om 10:00")
    meeting_id = page.url.rsplit("/", 1)[1]
    stored = stored_meeting(app, meeting_id)
    times = sorted(dt.datetime.fromisoformat(s["starts_at"]).astimezone(dt.UTC) for s in stored.slots)
    assert times == [dt.datetime(2027, 3, 28, 8, 0, tzinfo=dt.UTC), dt.datetime(2027, 10, 31, 9, 0, tzinfo=dt.UTC)]
    # The newcomer, in Amsterdam, sees the same times.
    other = new_context().new_page()
    log_in(other, newcomer.email, PASSWORD)
    other.goto(f"/maatje/{match_id}/afspraak/{meeting_id}")
    expect(other.get_by_test_id("slot").nth(0)).to_contain_text("zondag 28 maart 2027 om 10:00", timeout=20_000)


def add_meeting(app, proposer, match_id, days_ahead, choose_by=None):
    """A meeting proposed on the server (two moments, the first at 10:00 Dutch time), optionally
    chosen by the other side: what the phones then pull."""
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.meetings import service

    day = dt.datetime.now(AMSTERDAM).date() + dt.timedelta(days=days_ahead)
    first = dt.datetime.combine(day, dt.time(10, 0), AMSTERDAM)
    meeting_id = uuid.uuid4()
    with app.app_context():
        service.apply_propose(db.session.get(User, proposer.id), {
            "id": meeting_id, "match_id": uuid.UUID(match_id), "place": "Bibliotheek Utrecht, Oudegracht 167",
            "video_url": "https://meet.jit.si/maatje-amal-sanne", "note": "Neem je brief van de gemeente mee.",
            "slots": [{"starts_at": first, "minutes": 60}, {"starts_at": first + dt.timedelta(days=1, hours=9, minutes=30), "minutes": 90}],
        })
        if choose_by is not None:
            service.apply_choose(db.session.get(User, choose_by.id), {"id": meeting_id, "version": 1, "starts_at": first})
        db.session.commit()
    return str(meeting_id)


def use_language(page, lang):
    """Choose the app's language in the profile and wait until the change is sent."""
    page.goto("/profiel")
    page.get_by_test_id("language-picker").select_option(lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)


SCREENS = ["meeting-to-choose", "meeting-confirmed", "meetings-section", "propose-errors"]


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("screen", SCREENS)
def test_every_meeting_screen_at_360px_has_no_axe_violations(new_context, app, pair, screen, lang):
    """A screenshot of each for review in test-results/screenshots/; axe-core finds nothing; no
    horizontal overflow at 360 px, right-to-left included."""
    newcomer, buddy, match_id = pair
    to_choose = add_meeting(app, buddy, match_id, 5)
    confirmed = add_meeting(app, buddy, match_id, 3, choose_by=newcomer)
    page = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()  # axe is injected inline
    log_in(page, newcomer.email, PASSWORD)
    use_language(page, lang)
    path, testid = {
        "meeting-to-choose": (f"/maatje/{match_id}/afspraak/{to_choose}", "choose-slot"),
        "meeting-confirmed": (f"/maatje/{match_id}/afspraak/{confirmed}", "meeting-ics"),
        "meetings-section": (f"/maatje/{match_id}", "next-meeting"),
        "propose-errors": (f"/maatje/{match_id}/afspraak/nieuw", "propose-form"),
    }[screen]
    page.goto(path)
    page.get_by_test_id(testid).first.wait_for()
    if screen == "propose-errors":
        page.get_by_test_id("add-moment").click()
        page.get_by_test_id("propose-submit").click()
        page.get_by_test_id("moment-1-error").wait_for()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "wider than the phone"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"meetings-{screen}-{lang}-360.png"))
    if lang in ("nl", "ar"):
        assert axe_violations(page) == []


def test_after_the_start_either_side_marks_the_meeting_held_with_who_came(new_context, app, pair):
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.meetings import service

    newcomer, buddy, match_id = pair
    start = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    meeting_id = uuid.uuid4()
    with app.app_context():  # proposed and chosen yesterday, for an hour ago
        service.apply_propose(db.session.get(User, buddy.id), {
            "id": meeting_id, "match_id": uuid.UUID(match_id), "place": "Station Utrecht", "video_url": "", "note": "",
            "slots": [{"starts_at": start, "minutes": 60}]}, now=start - dt.timedelta(days=1))
        service.apply_choose(db.session.get(User, newcomer.id), {"id": meeting_id, "version": 1, "starts_at": start},
                             now=start - dt.timedelta(hours=20))
        db.session.commit()
    page = new_context(viewport={"width": 360, "height": 800}).new_page()
    log_in(page, newcomer.email, PASSWORD)
    open_match(page, match_id)
    past = page.get_by_test_id("meetings-to-complete")
    expect(past).to_contain_text("Was de afspraak er? Vul in wie er was.")
    past.get_by_test_id("meeting-card").click()
    page.get_by_test_id("complete").click()
    page.get_by_test_id("attended-other").uncheck()  # Sanne did not come
    page.get_by_test_id("meeting-text").fill("Sanne was ziek, ik heb alleen de bibliotheek bekeken.")
    page.get_by_test_id("confirm-complete").click()
    expect(page.get_by_test_id("meeting")).to_have_attribute("data-status", "held")
    expect(page.get_by_test_id("meeting")).to_have_attribute("data-pending", "false", timeout=20_000)
    expect(page.get_by_test_id("meeting-words")).to_have_text("Deze afspraak is geweest. Jij hebt dat ingevuld.")
    expect(page.get_by_test_id("meeting")).to_contain_text("Jij was er, Sanne niet.")
    with app.app_context():
        from backend.meetings.models import Meeting

        held = db.session.get(Meeting, meeting_id)
        assert (held.status, list(held.attended), held.completed_by) == ("held", ["newcomer"], "newcomer")
