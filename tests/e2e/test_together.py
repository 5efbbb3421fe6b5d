"""Issue 10's pair screens in real Chromium: an activity logged offline (shown waiting, sent on
reconnect, seen by the other side), goals added, ticked and reached, the timeline, an MDT
buddy's hours and their print view; axe and 360 px screenshots in Dutch, Arabic and Tigrinya."""
import datetime as dt
import uuid

import pytest
from playwright.sync_api import expect

from backend.config import ROOT
from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_violations, log_in, speaks, wait_for_service_worker
from tests.matching.conftest import add_intake, add_profile

SCREENSHOTS = ROOT / "test-results" / "screenshots"


def amsterdam_today() -> dt.date:
    """Today in Amsterdam (the server's days), not the machine's UTC date."""
    from backend.amsterdam import amsterdam_day
    from backend.db import utcnow

    return amsterdam_day(utcnow())


def _user(app, user_id):
    from backend.accounts.models import User
    from backend.extensions import db

    return db.session.get(User, user_id)


@pytest.fixture
def pair(app, make_user, make_match):
    """Amal (newcomer) and Sanne (an MDT buddy: 80 hours from a month ago to in five months), active."""
    from backend.buddies.models import BuddyProfile
    from backend.extensions import db

    newcomer = make_user("newcomer", name="Amal Haddad")
    buddy = make_user("buddy", name="Sanne de Vries")
    add_intake(app, newcomer)
    add_profile(app, buddy, kind="mdt")
    today = amsterdam_today()
    with app.app_context():
        profile = db.session.get(BuddyProfile, buddy.id)
        profile.mdt_start, profile.mdt_end, profile.mdt_hours_target = today - dt.timedelta(days=30), today + dt.timedelta(days=150), 80
        db.session.commit()
    match = make_match(newcomer, buddy)
    return newcomer, buddy, str(match.id)


def no_overflow(page):
    """Nothing wider than the phone: no sideways scrolling."""
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_activity_offline_goals_and_the_timeline(new_context, app, pair):
    newcomer, buddy, match_id = pair
    phone = new_context(viewport={"width": 360, "height": 800})
    sanne = phone.new_page()
    log_in(sanne, buddy.email, PASSWORD)
    wait_for_service_worker(sanne)
    sanne.goto(f"/maatje/{match_id}/activiteit/nieuw")
    sanne.get_by_test_id("log-activity").wait_for()
    tile = sanne.locator(".type-tile", has_text="Naar de bibliotheek")
    expect(tile).to_be_visible()  # the catalogue came
    expect(sanne.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)
    no_overflow(sanne)

    # Offline, the buddy writes down a library visit that Amal started.
    phone.set_offline(True)
    tile.click()
    sanne.locator("label[data-initiative=newcomer]").click()
    sanne.get_by_label("Hoe lang duurde het?").select_option("90")
    sanne.get_by_label("Een paar woorden erover (mag je leeg laten)").fill("Pasje aangevraagd")
    sanne.get_by_test_id("save-activity").click()
    expect(sanne.get_by_test_id("save-status")).to_have_text("Opgeslagen op je telefoon. Het wordt verstuurd zodra je online bent.")
    recent = sanne.get_by_test_id("activity")
    expect(recent).to_have_count(1)
    expect(recent).to_have_attribute("data-pending", "true")
    expect(recent).to_contain_text("wacht op verzending")

    # The timeline shows it waiting, still offline (the app comes from the phone itself).
    sanne.goto(f"/maatje/{match_id}/tijdlijn")
    item = sanne.locator("[data-testid=timeline-item][data-kind=activity]")
    expect(item).to_have_attribute("data-pending", "true")
    expect(item).to_contain_text("Naar de bibliotheek")
    expect(item).to_contain_text("Amal nam het initiatief")
    expect(item.get_by_test_id("waiting")).to_have_text("wacht op verzending")

    # Back online: sent, no longer waiting.
    phone.set_offline(False)
    expect(item).to_have_attribute("data-pending", "false", timeout=20_000)
    expect(item.get_by_test_id("waiting")).to_have_count(0)

    # Amal sees it on her phone, and the balance counts it as her initiative.
    amal = new_context(viewport={"width": 360, "height": 800}).new_page()
    log_in(amal, newcomer.email, PASSWORD)
    amal.goto(f"/maatje/{match_id}/tijdlijn")
    theirs = amal.locator("[data-testid=timeline-item][data-kind=activity]")
    expect(theirs).to_contain_text("Naar de bibliotheek")
    expect(theirs).to_contain_text("jij nam het initiatief")
    expect(theirs).to_contain_text("1 uur en 30 minuten")

    # Goals: the buddy adds one from the catalogue, a step, ticks it, marks the goal reached.
    sanne.goto(f"/maatje/{match_id}/doelen")
    sanne.get_by_test_id("goals").wait_for()
    form = sanne.get_by_test_id("add-goal")
    form.get_by_text("Taal", exact=True).click()
    form.get_by_label("Welk doel?").select_option("letters")
    sanne.get_by_test_id("goal-add").click()
    goal = sanne.get_by_test_id("goal")
    expect(goal).to_have_count(1)
    expect(goal).to_contain_text("Brieven en formulieren begrijpen")
    expect(goal.get_by_test_id("goal-level")).to_have_value("0")
    goal.get_by_test_id("step-text").fill("Een brief van de gemeente lezen")
    goal.get_by_test_id("step-add").click()
    expect(goal.get_by_test_id("step-tick")).to_have_count(1)
    goal.get_by_test_id("step-tick").check()
    expect(goal).to_contain_text("1 van 1 stappen gedaan")
    goal.get_by_test_id("goal-done").click()
    done = sanne.get_by_test_id("done-goals")
    expect(done.get_by_test_id("goal")).to_have_attribute("data-done", "true")
    expect(done).to_contain_text("Brieven en formulieren begrijpen")  # reached goals stay visible
    expect(sanne.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)

    # Amal's timeline shows the goal added and reached, newest first.
    amal.goto(f"/maatje/{match_id}/tijdlijn")
    expect(amal.locator("[data-testid=timeline-item][data-kind=goal_done]")).to_contain_text(
        "Doel bereikt: Brieven en formulieren begrijpen", timeout=20_000)
    kinds = amal.get_by_test_id("timeline-item").evaluate_all("els => els.map(e => e.dataset.kind)")
    assert kinds.index("goal_done") < kinds.index("goal_added")  # newest first
    expect(amal.locator("[data-testid=timeline-item][data-kind=milestone]").first).to_be_visible()
    expect(amal.get_by_test_id("timeline")).to_contain_text("Jullie koppeling begon")


def test_hours_page_and_its_print_view(new_context, app, pair):
    from backend.activities.models import Activity
    from backend.extensions import db

    newcomer, buddy, match_id = pair
    with app.app_context():
        for minutes, kind in ((120, "library"), (90, "cv"), (60, "market")):
            db.session.add(Activity(id=uuid.uuid4(), match_id=uuid.UUID(match_id), type=kind, domain="taal",
                                    day=amsterdam_today(), minutes=minutes, initiative="both", note="", logged_by="buddy"))
        db.session.commit()
    context = new_context(bypass_csp=True, viewport={"width": 360, "height": 800})
    sanne = context.new_page()
    log_in(sanne, buddy.email, PASSWORD)
    sanne.goto("/uren")
    expect(sanne.get_by_test_id("hours-words")).to_have_text("Je hebt 4,5 van de 80 uur gedaan.")
    expect(sanne.get_by_test_id("hours-entries").locator("tbody tr")).to_have_count(3)
    expect(sanne.get_by_test_id("hours-period")).to_contain_text("Diensttijd:")
    expect(sanne.get_by_test_id("print")).to_be_visible()
    expect(sanne.get_by_test_id("print-title")).to_be_hidden()
    no_overflow(sanne)
    assert axe_violations(sanne) == []

    # On paper: no navigation, no buttons; a title with the buddy's name and a line to sign.
    sanne.emulate_media(media="print")
    expect(sanne.get_by_role("navigation")).to_be_hidden()
    expect(sanne.get_by_test_id("print")).to_be_hidden()
    expect(sanne.get_by_test_id("print-title")).to_have_text("Urenoverzicht maatschappelijke diensttijd van Sanne de Vries")
    expect(sanne.get_by_test_id("signature")).to_be_visible()
    colour = sanne.evaluate("() => getComputedStyle(document.body).color")
    assert colour == "rgb(0, 0, 0)"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    sanne.screenshot(path=str(SCREENSHOTS / "together-hours-print-nl.png"), full_page=True)
    sanne.emulate_media(media="screen")

    # Offline, the page shows the last copy with its date (the app shell comes from the worker's cache).
    wait_for_service_worker(sanne)
    context.set_offline(True)
    sanne.reload()
    expect(sanne.get_by_test_id("hours-offline")).to_contain_text("Je bent offline.")
    expect(sanne.get_by_test_id("hours-words")).to_have_text("Je hebt 4,5 van de 80 uur gedaan.")


def _history(app, match_id, newcomer, buddy):
    """A little life together, made by the services as the pair's phones would."""
    from backend.activities import service as activities
    from backend.extensions import db
    from backend.goals import service as goals

    mid = uuid.UUID(match_id)
    with app.app_context():
        amal, sanne = _user(app, newcomer.id), _user(app, buddy.id)
        today = amsterdam_today()
        for kind, who, initiative in (("library", amal, "newcomer"), ("cv", sanne, "buddy"), ("market", amal, "both"),
                                      ("conversation", sanne, "newcomer")):
            activities.apply_log(who, {"id": uuid.uuid4(), "match_id": mid, "type": kind, "day": today,
                                       "minutes": 60, "initiative": initiative, "note": ""})
        goals.apply_add(sanne, {"id": uuid.uuid4(), "match_id": mid, "domain": "werk", "code": "cv", "title": "",
                                "steps": [{"id": uuid.uuid4(), "text": "Voorbeelden zoeken"},
                                          {"id": uuid.uuid4(), "text": "Samen schrijven"}]})
        goals.apply_add(amal, {"id": uuid.uuid4(), "match_id": mid, "domain": "meedoen", "code": None,
                               "title": "Lid worden van de zwemclub", "steps": []})
        db.session.commit()


SCREENS = {
    "log-activity": ("/maatje/{match}/activiteit/nieuw", "log-activity", "buddy"),
    "goals": ("/maatje/{match}/doelen", "goal", "buddy"),
    "timeline": ("/maatje/{match}/tijdlijn", "timeline-item", "newcomer"),
    "hours": ("/uren", "hours-words", "buddy"),
}


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_together_screen_at_360px(new_context, app, pair, screen, lang):
    """A screenshot of each for review in test-results/screenshots/; no sideways scrolling; axe finds nothing."""
    newcomer, buddy, match_id = pair
    _history(app, match_id, newcomer, buddy)
    path, testid, who = SCREENS[screen]
    user = buddy if who == "buddy" else newcomer
    speaks(app, user, lang)
    page = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()  # axe is injected inline
    log_in(page, user.email, PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.goto(path.format(match=match_id))
    page.get_by_test_id(testid).first.wait_for()
    expect(page.locator("html")).to_have_attribute("lang", lang, timeout=15_000)
    if screen == "log-activity":
        expect(page.locator(".type-tile")).to_have_count(16)
    page.wait_for_load_state("networkidle")
    no_overflow(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"together-{screen}-{lang}-360.png"))
    assert axe_violations(page) == []


def test_a_paused_match_says_so_before_anything_is_written(new_context, app, pair):
    """The coordinator paused the pair: the log and goals screens say that nothing can be added now."""
    from backend.extensions import db
    from backend.matching.models import Match
    from backend.matching.service import publish_offers

    newcomer, buddy, match_id = pair
    with app.app_context():
        match = db.session.get(Match, uuid.UUID(match_id))
        match.status = "paused"
        publish_offers(match)
        db.session.commit()
    page = new_context(viewport={"width": 360, "height": 800}).new_page()
    log_in(page, buddy.email, PASSWORD)
    for path in (f"/maatje/{match_id}/activiteit/nieuw", f"/maatje/{match_id}/doelen"):
        page.goto(path)
        expect(page.get_by_test_id("paused")).to_have_text(
            "Jullie koppeling staat op pauze: je kunt nu niets toevoegen of wijzigen.", timeout=15_000)
