"""Issue 9's screens in real Chromium: a proposal answered on the phone (offline too), approved by
the coordinator, then each party's page of the other; the coordinator's screens stay out of the
precache; axe and 360 px screenshots of every new screen in Dutch, Arabic and Tigrinya."""
import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import expect

from backend.config import ROOT
from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_violations, log_in, pick_date, wait_for_service_worker
from tests.matching.conftest import add_intake, add_profile, set_user

DIST = ROOT / "pwa" / "dist"
SCREENSHOTS = ROOT / "test-results" / "screenshots"


def propose(app, coordinator, newcomer, buddy):
    """The coordinator proposes the buddy (the matching service, as the propose route does)."""
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.matching import service

    with app.app_context():
        match = service.propose(db.session.get(User, coordinator.id), newcomer.id, buddy.id,
                                score={"total": 42, "parts": [{"code": "language", "points": 20, "text": "Spreken allebei Engels"}]})
        return str(match.id)


@pytest.fixture
def pair(app, make_user):
    """A coordinator of Utrecht, a newcomer with an intake, an available buddy who shares e-mail."""
    coordinator = make_user("coordinator", name="Fatima El Amrani")
    newcomer = make_user("newcomer", name="Amal Haddad")
    buddy = make_user("buddy", name="Sanne de Vries")
    add_intake(app, newcomer, languages=("ar", "en"), interests=("cooking", "sport"))
    add_profile(app, buddy, languages=("en", "nl"), interests=("sport", "music"))
    set_user(app, buddy, shares=["email"])
    set_user(app, newcomer, phone="+31612345678", shares=["phone"])
    return coordinator, newcomer, buddy


def test_coordinator_screens_are_built_apart_and_never_precached():
    """A newcomer's phone stores only its own screens; the coordinator's load when opened."""
    own = sorted(p.name for p in (DIST / "assets" / "coordinatie").iterdir())
    assert any(name.startswith("DashboardScreen-") for name in own)
    assert any(name.endswith(".css") for name in own)  # their styles go with them
    worker = (DIST / "sw.js").read_text()
    assert "coordinatie" not in worker
    assert [name for name in own if name in worker] == []
    # Every other chunk is precached, the match screen among them (answers work offline).
    chunks = sorted(p.name for p in (DIST / "assets").glob("*.js"))
    assert any(c.startswith("MatchScreen-") for c in chunks)
    assert [c for c in chunks if c not in worker] == []


def test_a_newcomer_cannot_open_coordinator_screens(page, pair):
    _, newcomer, _ = pair
    log_in(page, newcomer.email, PASSWORD)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto("/coordinatie")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    expect(page.get_by_role("navigation").get_by_role("link", name="Overzicht")).to_have_count(0)
    assert not [url for url in requested if "/coordinatie/" in url and url.endswith(".js")]


def test_answer_offline_then_approval_then_each_others_page(new_context, app, pair):
    coordinator, newcomer, buddy = pair
    match_id = propose(app, coordinator, newcomer, buddy)

    # The newcomer sees the proposal on the home screen and says yes with no connection.
    phone = new_context()
    amal = phone.new_page()
    log_in(amal, newcomer.email, PASSWORD)
    wait_for_service_worker(amal)
    card = amal.get_by_test_id("offer-card")
    expect(card).to_contain_text("Voorstel: Sanne")
    expect(card).to_have_attribute("data-status", "proposed")
    card.click()
    amal.get_by_test_id("match").wait_for()
    assert amal.url.endswith(f"/maatje/{match_id}")
    expect(amal.get_by_role("heading", level=1)).to_have_text("Sanne")
    expect(amal.get_by_test_id("contact")).to_have_count(0)  # never contact details before active
    expect(amal.get_by_test_id("shared-languages")).to_have_text(re.compile(r"^(Engels|en)$"))
    expect(amal.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)
    phone.set_offline(True)
    amal.get_by_test_id("accept").click()
    status = amal.get_by_test_id("answer-status")
    expect(status).to_have_text("Je antwoord wordt verstuurd zodra je online bent.")
    expect(amal.get_by_test_id("match-status")).to_have_text("Je hebt ja gezegd. Nu wachten we op het antwoord van de ander.")
    amal.reload()  # still offline: the app and the pending answer come from the phone itself
    amal.get_by_test_id("match").wait_for()
    expect(amal.get_by_test_id("answer-status")).to_have_attribute("data-pending", "true")
    phone.set_offline(False)
    expect(amal.get_by_test_id("answer-status")).to_have_attribute("data-pending", "false", timeout=20_000)
    expect(amal.get_by_test_id("match-status")).to_have_text("Je hebt ja gezegd. Nu wachten we op het antwoord van de ander.")

    # The buddy says yes too: the pair waits for the coordinator.
    sanne = new_context().new_page()
    log_in(sanne, buddy.email, PASSWORD)
    sanne.get_by_test_id("offer-card").click()
    expect(sanne.get_by_role("heading", level=1)).to_have_text("Amal")
    sanne.get_by_test_id("accept").click()
    expect(sanne.get_by_test_id("match")).to_have_attribute("data-status", "agreed", timeout=20_000)

    # The coordinator approves on the match's page; its history says who did what.
    desk = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(desk, coordinator.email, PASSWORD)
    desk.get_by_role("navigation").get_by_role("link", name="Overzicht").wait_for()
    desk.goto(f"/coordinatie/koppelingen/{match_id}")
    expect(desk.get_by_role("heading", level=1)).to_have_text("Amal Haddad en Sanne de Vries")
    expect(desk.get_by_test_id("match-admin-status")).to_have_text("Beide akkoord")
    desk.get_by_test_id("action-approve").click()
    expect(desk.get_by_test_id("match-admin-status")).to_have_text("Actief")
    history = desk.get_by_test_id("match-history")
    expect(history.locator("li")).to_have_count(4)  # proposed, yes, yes, approved
    expect(history.locator("li").last).to_contain_text("Goedgekeurd")
    expect(history.locator("li").last).to_contain_text("door Fatima El Amrani")

    # Each now sees the other's page, with what the other chose to share.
    amal.reload()
    amal.get_by_test_id("match").wait_for()
    expect(amal.get_by_test_id("match")).to_have_attribute("data-status", "active", timeout=20_000)
    expect(amal.get_by_test_id("contact-email")).to_contain_text(buddy.email)
    expect(amal.get_by_test_id("contact-phone")).to_have_count(0)  # Sanne shares only her e-mail address
    amal.goto("/")
    expect(amal.get_by_test_id("offer-card")).to_contain_text("Jouw maatje: Sanne")
    sanne.reload()
    expect(sanne.get_by_test_id("match")).to_have_attribute("data-status", "active", timeout=20_000)
    expect(sanne.get_by_test_id("contact-phone")).to_contain_text("+31612345678")

    # Sanne also shares her phone number, from her own profile; Amal's page shows it after a sync.
    sanne.goto("/profiel")
    sanne.get_by_test_id("profile").wait_for()
    sanne.get_by_label("Telefoonnummer (mag je leeg laten)").fill("06 8765 4321")
    sanne.get_by_test_id("profile-shares").get_by_label("Mijn telefoonnummer").check()
    sanne.locator("form button[type=submit]").click()
    expect(sanne.locator(".form-status")).to_have_text(re.compile("^Opgeslagen"))
    wait_until_stored(app, buddy.id, phone="06 8765 4321")  # her phone has sent it (the badge may not have moved yet)
    amal.goto(f"/maatje/{match_id}")
    expect(amal.get_by_test_id("contact-phone")).to_contain_text("06 8765 4321", timeout=20_000)


def wait_until_stored(app, user_id, timeout=20, **fields):
    """Wait until the server holds these values for the user (a change a phone sends in the background)."""
    import time

    from backend.accounts.models import User
    from backend.extensions import db

    deadline = time.monotonic() + timeout
    while True:
        with app.app_context():
            user = db.session.get(User, user_id)
            if all(getattr(user, name) == value for name, value in fields.items()):
                return
        assert time.monotonic() < deadline, f"the server never stored {fields}"
        time.sleep(0.2)


def test_decline_with_a_reason_from_the_catalogue(new_context, app, pair):
    coordinator, newcomer, buddy = pair
    match_id = propose(app, coordinator, newcomer, buddy)
    page = new_context().new_page()
    log_in(page, buddy.email, PASSWORD)
    page.goto(f"/maatje/{match_id}")
    page.get_by_test_id("decline").click()
    reason = page.get_by_label("Waarom niet? (mag je leeg laten)")
    if reason.locator("option").count() > 1:  # the catalogue has loaded
        reason.select_option("distance")
    page.get_by_label("Toelichting (mag je leeg laten)").fill("Te ver met de bus")
    page.get_by_test_id("confirm-decline").click()
    expect(page.get_by_test_id("match")).to_have_attribute("data-status", "declined", timeout=20_000)
    from backend.extensions import db
    from backend.matching.models import Match, MatchEvent
    import sqlalchemy as sa

    with app.app_context():
        event = db.session.scalars(sa.select(MatchEvent).where(MatchEvent.match_id == uuid.UUID(match_id))
                                   .order_by(MatchEvent.seq.desc())).first()
        assert (event.action, event.note) == ("decline", "Te ver met de bus")
        assert db.session.get(Match, uuid.UUID(match_id)).buddy_answer == "declined"


def choice_kept(page, lang):
    """Wait until the language choice is the stored profile's too: between the push and the next
    pull the phone's copy still holds the old language, and a page opened then would switch back."""
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)
    page.reload()
    page.get_by_test_id("profile").wait_for()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_test_id("language-picker")).to_have_value(lang)


def _world(app, make_user, screen):
    """Set up what `screen` shows; return (who logs in, the address, the screen's test id)."""
    coordinator, newcomer, buddy = (make_user("coordinator", name="Fatima El Amrani"),
                                    make_user("newcomer", name="Amal Haddad"),
                                    make_user("buddy", name="Sanne de Vries"))
    add_intake(app, newcomer)
    add_profile(app, buddy, capacity=2)
    other = make_user("buddy", name="Lotte Mulder")
    add_profile(app, other, languages=("ar", "nl"), interests=("cooking",), kind="mdt")
    waiting = make_user("newcomer", name="Olena Kovalenko")
    add_intake(app, waiting, languages=("uk",), interests=("music",))
    if screen in ("partner", "ended"):
        from backend.accounts.models import User
        from backend.extensions import db
        from backend.matching.service import create_active_match, end_match
        from backend.orgs.service import get_by_code

        set_user(app, buddy, shares=["email"])
        with app.app_context():
            match = create_active_match(db.session.get(User, newcomer.id), db.session.get(User, buddy.id),
                                        get_by_code("GM0344"))
            if screen == "ended":
                end_match(match.id, reason="completed")
                return newcomer, f"/maatje/{match.id}", "evaluate-form"
            return newcomer, f"/maatje/{match.id}", "contact"
    match_id = propose(app, coordinator, newcomer, buddy)
    return {
        "home-proposal": (newcomer, "/", "offer-card"),
        "proposal": (newcomer, f"/maatje/{match_id}", "answer"),
        "match-admin": (coordinator, f"/coordinatie/koppelingen/{match_id}", "match-history"),
        "suggestions": (coordinator, f"/coordinatie/nieuwkomers/{waiting.id}/suggesties", "suggestion"),
        "waiting-list": (coordinator, "/coordinatie/wachtlijst", "pairs"),
        "coordinator-home": (coordinator, "/", "to-dashboard"),
    }[screen]


SCREENS = ["home-proposal", "proposal", "partner", "ended", "match-admin", "suggestions", "waiting-list", "coordinator-home"]


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("screen", SCREENS)
def test_every_new_screen_at_360px_has_no_axe_violations(new_context, app, make_user, screen, lang):
    """A screenshot of each for review in test-results/screenshots/; axe-core finds nothing."""
    user, path, testid = _world(app, make_user, screen)
    page = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()  # axe is injected inline
    log_in(page, user.email, PASSWORD)
    page.goto("/profiel")
    page.get_by_test_id("language-picker").select_option(lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    # The language change is sent first: a read that logs itself (suggestions) must not meet that
    # write on SQLite (a GET that writes fails at once on a locked database: see the report).
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)
    choice_kept(page, lang)
    page.goto(path)
    page.get_by_test_id(testid).first.wait_for()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"matching-{screen}-{lang}-360.png"))
    assert axe_violations(page) == []


def test_intake_activation_in_arabic_proposal_offline_answer_approval(new_context, app, make_user):
    """The issue's whole path: the coordinator's intake shows the code, the newcomer's phone
    activates in Arabic, the coordinator proposes a suggested buddy, the newcomer says yes offline,
    the buddy says yes, the coordinator approves, and both see each other's page."""
    coordinator = make_user("coordinator", name="Fatima El Amrani")
    buddy = make_user("buddy", name="Sanne de Vries")
    add_profile(app, buddy, languages=("en", "nl"), interests=("cooking", "music"))
    set_user(app, buddy, shares=["email"])

    # Intake on a laptop: every choice from the catalogues; the code and its QR code at the end.
    desk = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(desk, coordinator.email, PASSWORD)
    desk.get_by_role("navigation").get_by_role("link", name="Overzicht").click()
    desk.get_by_test_id("dashboard").wait_for()
    desk.get_by_test_id("new-intake").click()
    desk.get_by_test_id("intake").wait_for()
    desk.get_by_label("Naam", exact=True).fill("Amal Haddad")
    desk.get_by_label("Gebruikersnaam").fill("amal.haddad")
    desk.get_by_label("Taal van de app voor de nieuwkomer").select_option("ar")
    desk.get_by_label("Categorie").select_option("permit_holder")
    languages = desk.get_by_test_id("intake-languages")
    languages.get_by_label("Arabisch").check()
    languages.get_by_label("Engels").check()
    desk.get_by_label("Niveau Nederlands").select_option("A1")
    desk.get_by_test_id("intake-interests").get_by_label("Koken").check()
    desk.get_by_test_id("intake-save").click()
    expect(desk.get_by_test_id("intake-consents").locator(".field-error")).to_be_visible()  # privacy first
    desk.get_by_test_id("intake-consents").get_by_label("Privacyverklaring").check()
    desk.get_by_test_id("intake-save").click()
    desk.get_by_test_id("intake-saved").wait_for()
    expect(desk.get_by_test_id("intake-username")).to_have_text("amal.haddad")
    expect(desk.get_by_test_id("activation-qr")).to_be_visible()
    desk.wait_for_function("() => document.querySelector('[data-testid=activation-qr]').naturalWidth > 0")  # the SVG drew
    code = desk.get_by_test_id("activation-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", code)

    # The newcomer's own phone: the activation screen in Arabic, the typed code, a password.
    phone = new_context()
    amal = phone.new_page()
    amal.goto("/activeren?lang=ar")
    amal.get_by_test_id("activate").wait_for()
    expect(amal.locator("html")).to_have_attribute("dir", "rtl")
    amal.locator("#activation-code").fill(code)
    amal.locator("#new-password").fill("zon-over-de-vecht")
    amal.locator("#repeat-password").fill("zon-over-de-vecht")
    amal.get_by_test_id("activate-form").locator("button[type=submit]").click()
    amal.get_by_test_id("home").wait_for()
    expect(amal.locator("html")).to_have_attribute("lang", "ar")
    wait_for_service_worker(amal)

    # The coordinator opens the suggestions and proposes the buddy, with the score's explanation.
    desk.get_by_test_id("to-suggestions").click()
    desk.get_by_test_id("suggestions").wait_for()
    expect(desk.get_by_role("heading", level=1)).to_have_text("Maatjes voor Amal Haddad")
    row = desk.get_by_test_id("suggestion").filter(has_text="Sanne de Vries")
    expect(row.get_by_test_id("score-parts")).to_contain_text("Engels")
    row.get_by_test_id("propose").click()
    desk.get_by_test_id("match-admin").wait_for()
    expect(desk.get_by_test_id("match-admin-status")).to_have_text("Voorgesteld")
    match_id = desk.url.rsplit("/", 1)[1]

    # The proposal reaches the phone; the newcomer says yes with no connection, and it is sent later.
    amal.reload()
    card = amal.get_by_test_id("offer-card")
    expect(card).to_have_attribute("data-status", "proposed", timeout=20_000)
    card.click()
    amal.get_by_test_id("match").wait_for()
    assert amal.url.endswith(f"/maatje/{match_id}")
    expect(amal.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)
    phone.set_offline(True)
    amal.get_by_test_id("accept").click()
    expect(amal.get_by_test_id("answer-status")).to_have_attribute("data-pending", "true")
    phone.set_offline(False)
    expect(amal.get_by_test_id("answer-status")).to_have_attribute("data-pending", "false", timeout=20_000)

    # The buddy says yes; the coordinator approves.
    sanne = new_context().new_page()
    log_in(sanne, buddy.email, PASSWORD)
    sanne.get_by_test_id("offer-card").click()
    sanne.get_by_test_id("accept").click()
    expect(sanne.get_by_test_id("match")).to_have_attribute("data-status", "agreed", timeout=20_000)
    desk.reload()
    expect(desk.get_by_test_id("match-admin-status")).to_have_text("Beide akkoord")
    desk.get_by_test_id("action-approve").click()
    expect(desk.get_by_test_id("match-admin-status")).to_have_text("Actief")

    # Both see each other's page: Amal sees what Sanne shares; Sanne sees Amal, who shares nothing.
    amal.reload()
    expect(amal.get_by_test_id("match")).to_have_attribute("data-status", "active", timeout=20_000)
    expect(amal.get_by_role("heading", level=1)).to_have_text("Sanne")
    expect(amal.get_by_test_id("contact-email")).to_contain_text(buddy.email)
    sanne.reload()
    expect(sanne.get_by_test_id("match")).to_have_attribute("data-status", "active", timeout=20_000)
    expect(sanne.get_by_role("heading", level=1)).to_have_text("Amal")
    expect(sanne.get_by_test_id("contact")).to_contain_text("deelt geen contactgegevens")


def _open_first(page, path, row):
    page.goto(path)
    page.get_by_test_id(row).first.click()


# Coordinator screens on the demo data: who logs in, how to get there, what shows it is whole.
DEMO_SCREENS = {
    "dashboard": ("coordinator@demo.maatje.nl", lambda p: p.goto("/coordinatie"), "waiting-newcomer"),
    "dashboard-province": ("province@demo.maatje.nl", lambda p: p.goto("/coordinatie"), "branch-row"),
    "intake": ("coordinator@demo.maatje.nl", lambda p: p.goto("/coordinatie/nieuwkomers/nieuw"), "intake-consents"),
    "newcomer": ("coordinator@demo.maatje.nl", lambda p: _open_first(p, "/coordinatie", "waiting-newcomer"), "intake-facts"),
    "buddies": ("coordinator@demo.maatje.nl", lambda p: p.goto("/coordinatie/maatjes"), "buddy-row"),
    "buddy": ("coordinator@demo.maatje.nl", lambda p: (_open_first(p, "/coordinatie", "to-vet-state"),
                                                      p.get_by_test_id("buddy-row").first.click()), "next-step"),
    "agreed-match": ("coordinator@demo.maatje.nl", lambda p: p.goto("/coordinatie"), "proposal-row"),
    "reads": ("coordinator@demo.maatje.nl", lambda p: (_open_first(p, "/coordinatie", "waiting-newcomer"),
                                                      p.get_by_test_id("intake-facts").wait_for(),
                                                      p.goto("/coordinatie/inzage")), "read-row"),
}


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("screen", list(DEMO_SCREENS))
def test_every_coordinator_screen_at_360px_has_no_axe_violations(new_context, demo, screen, lang):
    email, go, testid = DEMO_SCREENS[screen]
    page = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()
    log_in(page, email)
    page.goto("/profiel")
    page.get_by_test_id("language-picker").select_option(lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)
    choice_kept(page, lang)
    go(page)
    if screen == "agreed-match":
        page.get_by_test_id("proposal-row").filter(has=page.locator("[data-status=agreed]")).first.click()
        testid = "action-approve"
    page.get_by_test_id(testid).first.wait_for()
    if screen == "intake":
        expect(page.get_by_test_id("intake-languages").locator("input")).not_to_have_count(0)  # the catalogue came
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"coordinator-{screen}-{lang}-360.png"))
    assert axe_violations(page) == []


def test_offline_the_coordinator_screens_say_they_need_a_connection(new_context, demo):
    context = new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, "coordinator@demo.maatje.nl")
    wait_for_service_worker(page)
    page.goto("/coordinatie")
    page.get_by_test_id("waiting-newcomer").first.wait_for()
    nav = page.get_by_role("navigation")
    nav.get_by_role("link", name="Start").click()
    page.get_by_test_id("home").wait_for()
    context.set_offline(True)
    nav.get_by_role("link", name="Overzicht").click()  # its code is loaded already: its data is not there
    expect(page.get_by_test_id("needs-connection")).to_contain_text("Dit scherm heeft een internetverbinding nodig")
    page.reload()  # the app itself opens offline; the overview is not stored on the device
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^(Overzicht|Dit scherm kon niet laden)$"))
    expect(page.locator("main")).to_contain_text("verbinding")
    page.goto("/")
    page.get_by_test_id("home").wait_for()  # the coordinator's own home screen still opens
    context.set_offline(False)
    page.goto("/coordinatie")
    page.get_by_test_id("waiting-newcomer").first.wait_for()


def test_vetting_records_the_vog_with_its_date_and_who(new_context, app, make_user):
    coordinator = make_user("coordinator", name="Fatima El Amrani")
    buddy = make_user("buddy", name="Lotte Mulder")
    add_profile(app, buddy, state="intake_done", vog_days_ago=None)
    page = new_context().new_page()
    log_in(page, coordinator.email, PASSWORD)
    page.goto("/coordinatie/maatjes?stap=intake_done")
    page.get_by_test_id("buddy-row").filter(has_text="Lotte Mulder").click()
    page.get_by_test_id("next-step").wait_for()
    expect(page.get_by_test_id("buddy-state")).to_contain_text("Kennismaking gehad")
    expect(page.get_by_test_id("step-vog_received")).to_be_disabled()  # the VOG's date first
    vog_date = (dt.date.today() - dt.timedelta(days=28)).isoformat()
    pick_date(page, "vog-date", vog_date)
    page.get_by_label("Notitie (mag je leeg laten)").fill("Origineel gezien")
    page.get_by_test_id("step-vog_received").click()
    expect(page.get_by_test_id("buddy-state")).to_contain_text("VOG ontvangen")
    last = page.get_by_test_id("vetting-history").locator("li").last
    expect(last).to_contain_text("VOG ontvangen")
    expect(last).to_contain_text("door jou")
    expect(last).to_contain_text("Origineel gezien")
    expect(page.get_by_test_id("step-trained")).to_be_visible()  # the next step after this one


def test_a_party_ends_the_match_and_evaluates_it_asking_not_to_be_matched_again(new_context, app, pair):
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.matching.models import Match, MatchEvaluation
    from backend.matching.service import create_active_match
    from backend.orgs.service import get_by_code

    _, newcomer, buddy = pair
    with app.app_context():
        match_id = create_active_match(db.session.get(User, newcomer.id), db.session.get(User, buddy.id),
                                       get_by_code("GM0344")).id
    page = new_context().new_page()
    log_in(page, newcomer.email, PASSWORD)
    page.goto(f"/maatje/{match_id}")
    expect(page.get_by_test_id("match")).to_have_attribute("data-status", "active")
    page.get_by_test_id("end-open").click()
    expect(page.get_by_test_id("end-confirm")).to_be_disabled()  # a reason first
    page.get_by_label("Waarom stoppen jullie?").select_option("moved")
    page.get_by_test_id("end-confirm").click()
    expect(page.get_by_test_id("match")).to_have_attribute("data-status", "ended", timeout=20_000)
    expect(page.get_by_test_id("contact")).to_have_count(0)  # the other's details are gone with the match
    form = page.get_by_test_id("evaluate-form")
    form.get_by_label("4", exact=True).check()
    form.get_by_label("Wat wil je nog kwijt? (mag je leeg laten)").fill("Het klikte niet echt.")
    page.get_by_test_id("avoid").check()
    page.get_by_test_id("evaluate-send").click()
    expect(page.get_by_test_id("evaluated")).to_have_attribute("data-pending", "false", timeout=20_000)
    with app.app_context():
        assert db.session.get(Match, match_id).end_reason == "moved"
        evaluation = db.session.get(MatchEvaluation, (match_id, newcomer.id))
        assert (evaluation.rating, evaluation.comment, evaluation.avoid) == (4, "Het klikte niet echt.", True)


def test_the_branch_sees_who_read_whose_profile(new_context, demo):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, "coordinator@demo.maatje.nl")
    page.goto("/coordinatie")
    first = page.get_by_test_id("waiting-newcomer").first
    name = first.locator("bdi").first.inner_text()
    first.click()
    page.get_by_test_id("intake-facts").wait_for()
    page.goto("/coordinatie")
    page.get_by_test_id("to-reads").click()
    row = page.get_by_test_id("read-row").first
    expect(row).to_contain_text(f"Fatima El Amrani las de inschrijving van {name}")
