"""The agenda screen in real Chromium: make a calendar feed, the address it shows works in a calendar
app (parsed by two parsers), renew and stop it (each after a "yes"), offline it shows nothing;
360 px screenshots in Dutch, Arabic and Tigrinya, axe-core clean in Dutch and Arabic."""
import datetime as dt
import urllib.error
import urllib.request
import uuid
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from playwright.sync_api import expect

from backend.config import ROOT
from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_violations, log_in

SCREENSHOTS = ROOT / "test-results" / "screenshots"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def pair(app, make_user, make_match):
    """Amal and Sanne in an active match with one confirmed meeting (made as the meetings service would)."""
    from backend.extensions import db
    from backend.meetings.models import Meeting

    newcomer = make_user("newcomer", name="Amal")
    buddy = make_user("buddy", name="Sanne")
    match = make_match(newcomer, buddy)
    starts_at = dt.datetime(2027, 3, 28, 10, tzinfo=AMSTERDAM)
    with app.app_context():
        meeting = Meeting(id=uuid.uuid4(), match_id=match.id, status="confirmed", version=2, proposed_by="buddy",
                          slots=[{"starts_at": starts_at.isoformat(), "minutes": 60}], starts_at=starts_at,
                          minutes=60, place="Bibliotheek Neude", note="Neem je brief mee", last_action="choose",
                          last_actor="newcomer", decided_by="newcomer")
        db.session.add(meeting)
        db.session.commit()
        meeting_id = meeting.id
    return newcomer, buddy, meeting_id


def fetch(url):
    """GET the address as a calendar app's server does: no cookie. Returns (status, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def open_agenda_from_profile(page):
    page.goto("/profiel")
    page.get_by_test_id("profile").wait_for()
    page.get_by_test_id("profile-calendar-link").click()
    page.get_by_test_id("calendar").wait_for()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraken in je agenda")


def test_make_a_feed_subscribe_renew_and_stop(new_context, live_server, pair):
    newcomer, _, meeting_id = pair
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    log_in(page, newcomer.email, PASSWORD)
    open_agenda_from_profile(page)

    page.get_by_test_id("calendar-make").click()
    url = page.get_by_test_id("calendar-url").input_value()
    assert url.startswith(f"{live_server}/api/calendar/feed/") and url.endswith(".ics")
    expect(page.get_by_test_id("calendar-subscribe")).to_have_attribute("href", "webcal://" + url.split("://", 1)[1])
    page.get_by_test_id("calendar-copy").click()
    expect(page.get_by_test_id("calendar-address").get_by_role("status")).to_contain_text("Gekopieerd")
    assert page.evaluate("() => navigator.clipboard.readText()") == url

    status, body = fetch(url)
    assert status == 200
    calendar = icalendar.Calendar.from_ical(body)
    (event,) = recurring_ical_events.of(calendar).between(dt.date(2027, 3, 28), dt.date(2027, 3, 29))
    assert str(event["uid"]) == f"{meeting_id}@maatje"
    assert str(event["summary"]) == "Afspraak met Sanne"
    assert event["dtstart"].dt == dt.datetime(2027, 3, 28, 10, tzinfo=AMSTERDAM)
    assert b"brief" not in body

    # Coming back, the address is not shown again (the server keeps only its hash).
    page.reload()
    expect(page.get_by_test_id("calendar-active")).to_contain_text("Je hebt een agenda-adres sinds")
    expect(page.get_by_test_id("calendar-url")).to_have_count(0)

    # Renew: asks first; "no" changes nothing, "yes" gives a new address and ends the old one.
    page.get_by_test_id("calendar-renew").click()
    expect(page.get_by_test_id("calendar-confirm")).to_contain_text("Het oude adres werkt dan niet meer")
    page.get_by_role("button", name="Nee, terug").click()
    expect(page.get_by_test_id("calendar-confirm")).to_have_count(0)
    assert fetch(url)[0] == 200
    page.get_by_test_id("calendar-renew").click()
    page.get_by_test_id("calendar-confirm-yes").click()
    new_url = page.get_by_test_id("calendar-url").input_value()
    assert new_url != url
    assert fetch(url)[0] == 404
    assert fetch(new_url)[0] == 200

    # Stop: after a "yes" the address is a 404 and the screen offers to make one again.
    page.get_by_test_id("calendar-stop").click()
    expect(page.get_by_test_id("calendar-confirm")).to_contain_text("geen afspraken meer")
    page.get_by_test_id("calendar-confirm-yes").click()
    page.get_by_test_id("calendar-make").wait_for()
    expect(page.get_by_test_id("calendar-url")).to_have_count(0)
    assert fetch(new_url)[0] == 404


def test_offline_the_screen_needs_a_connection_and_shows_nothing_stale(new_context, pair):
    newcomer, _, _ = pair
    context = new_context()
    page = context.new_page()
    log_in(page, newcomer.email, PASSWORD)
    open_agenda_from_profile(page)
    page.get_by_test_id("calendar-make").click()
    page.get_by_test_id("calendar-url").wait_for()

    context.set_offline(True)
    expect(page.get_by_test_id("needs-connection")).to_contain_text("Dit kan alleen met internet")
    expect(page.get_by_test_id("calendar-url")).to_have_count(0)
    expect(page.get_by_test_id("calendar-make")).to_have_count(0)
    expect(page.get_by_test_id("calendar-renew")).to_have_count(0)

    context.set_offline(False)
    page.get_by_test_id("calendar-active").wait_for()  # asked again: the address exists, not shown again


def choose_language(page, lang):
    """Choose the app's language in the profile and wait until the stored profile holds it too."""
    page.goto("/profiel")
    page.get_by_test_id("language-picker").select_option(lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)
    page.reload()
    page.get_by_test_id("profile").wait_for()
    expect(page.locator("html")).to_have_attribute("lang", lang)


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
def test_the_agenda_screen_at_360px(new_context, pair, lang):
    """Screenshots for review in test-results/screenshots/; axe-core finds nothing (Dutch, Arabic)."""
    newcomer, _, _ = pair
    page = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()  # axe is injected inline
    log_in(page, newcomer.email, PASSWORD)
    choose_language(page, lang)
    page.goto("/agenda")
    page.get_by_test_id("calendar-make").click()
    page.get_by_test_id("calendar-url").wait_for()
    page.get_by_test_id("calendar-renew").click()  # the question is on screen too
    page.get_by_test_id("calendar-confirm").wait_for()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"calendar-agenda-{lang}-360.png"))
    if lang in ("nl", "ar"):
        assert axe_violations(page) == []
