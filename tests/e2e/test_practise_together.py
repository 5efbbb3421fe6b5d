"""Practising phrases together in real Chromium: the newcomer turns it on on her phone; the buddy,
offline, rates three phrases and ends the session; back online, the newcomer's practice home counts
the three and the pair's page shows the activity. Without consent the buddy learns only where the
newcomer turns it on. A coordinator adds a branch phrase and the newcomer's practice has it.
axe-core in Dutch and Arabic, 360 px screenshots in Dutch, Arabic and Tigrinya. Needs the phrase
catalogues (pwa/public/content/<lang>.json, made by `make catalogs`) in the built app."""
import json
import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from backend.config import ROOT
from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_violations, log_in, speaks, wait_for_service_worker

SCREENSHOTS = ROOT / "test-results" / "screenshots"


@pytest.fixture(autouse=True)
def catalogues(app):
    """Practice has nothing to show without the phrase catalogues in the built app."""
    for lang in ("nl", "ar", "ti"):
        if not (Path(app.config["PWA_DIST"]) / "content" / f"{lang}.json").exists():
            pytest.fail(f"No phrase catalogue content/{lang}.json in the built PWA: run `make catalogs` and build.")


def catalogue(app, lang="nl"):
    return json.loads((Path(app.config["PWA_DIST"]) / "content" / f"{lang}.json").read_text())


@pytest.fixture
def pair(make_user, make_match):
    """Amal (newcomer) and Sanne (buddy), an active match in the same branch."""
    newcomer = make_user("newcomer", name="Amal Haddad")
    buddy = make_user("buddy", name="Sanne de Vries")
    return newcomer, buddy, str(make_match(newcomer, buddy).id)


def phone(new_context):
    context = new_context(bypass_csp=True, viewport={"width": 360, "height": 800})  # axe is injected inline
    return context, context.new_page()


def synced(page):
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=20_000)


def no_overflow(page):
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "wider than the phone"


def consent(app, newcomer, **choices):
    """The newcomer's choices as her phone sends them (practice.settings), and a progress summary."""
    from backend.accounts.models import User
    from backend.db import utcnow
    from backend.extensions import db
    from backend.phrases import service

    with app.app_context():
        user = db.session.get(User, newcomer.id)
        service.apply_settings(user, choices)
        if choices.get("share_progress"):
            service.apply_progress(user, {"due_today": 7, "streak": 4, "weeks": [0, 3, 12, 9, 0, 15, 22, 11],
                                          "themes": {"kennismaken": {"started": 14, "mastered": 5},
                                                     "gemeente": {"started": 3, "mastered": 0}},
                                          "at": utcnow()})
        db.session.commit()


def test_offline_together_session_counts_for_the_newcomer(new_context, app, pair):
    newcomer, buddy, match_id = pair
    first_theme = catalogue(app)["themes"][0]

    # Amal turns on "samen oefenen" in her own practice settings.
    _, amal = phone(new_context)
    log_in(amal, newcomer.email, PASSWORD)
    amal.goto("/oefenen/instellingen")
    amal.get_by_test_id("consent-together").check()
    amal.get_by_test_id("save-settings").click()
    # Stored on the phone (queued) before the page is left; then sent.
    expect(amal.get_by_test_id("settings-status")).to_have_text("Je instellingen zijn bewaard.")
    synced(amal)
    amal.goto(f"/maatje/{match_id}")
    expect(amal.get_by_test_id("own-share")).to_contain_text("Je oefent samen met Sanne")

    # Sanne opens the pair's page online once (the app and the phrases come onto her phone) ...
    sanne_phone, sanne = phone(new_context)
    log_in(sanne, buddy.email, PASSWORD)
    wait_for_service_worker(sanne)
    sanne.goto(f"/maatje/{match_id}")
    section = sanne.get_by_test_id("practice-section")
    expect(section).to_contain_text("Oefen samen met Amal")
    expect(section.get_by_test_id("progress-private")).to_be_visible()
    sanne.wait_for_load_state("networkidle")
    synced(sanne)

    # ... then, offline, practises three phrases with Amal and ends the session.
    sanne_phone.set_offline(True)
    section.get_by_test_id("to-together").click()
    sanne.get_by_test_id("choose-theme").wait_for()
    sanne.locator(f"[data-testid=theme-choice][data-theme={first_theme['code']}]").click()
    for rating in (3, 1, 3):
        card = sanne.get_by_test_id("together-card")
        expect(card.get_by_test_id("phrase-nl")).to_have_attribute("lang", "nl")
        before = card.get_attribute("data-phrase")
        card.get_by_test_id(f"rate-{rating}").click()
        expect(sanne.get_by_test_id("together-card")).not_to_have_attribute("data-phrase", before)
    sanne.get_by_test_id("finish").click()
    summary = sanne.get_by_test_id("together-summary")
    expect(summary).to_contain_text("Jullie hebben 3 zinnen samen geoefend.")
    expect(summary).to_contain_text("1 zin komt binnenkort nog een keer terug.")
    expect(summary.get_by_test_id("logged-activity")).to_contain_text("samen zinnen oefenen, 5 minuten")
    expect(summary.get_by_test_id("unsent")).to_have_text("Opgeslagen op je telefoon. Het wordt verstuurd zodra je online bent.")
    expect(sanne.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "4")

    # Back online: the ratings and the activity go.
    sanne_phone.set_offline(False)
    synced(sanne)
    expect(summary.get_by_test_id("unsent")).to_have_count(0)

    # Amal's practice home counts the three phrases as started; the pair's page has the activity.
    amal.goto("/oefenen")
    theme = amal.get_by_test_id("themes").locator(f".theme[data-theme={first_theme['code']}]")
    expect(theme).to_contain_text(re.compile(r"(^|\D)3 van \d+ begonnen"), timeout=20_000)
    amal.goto(f"/maatje/{match_id}")
    expect(amal.get_by_test_id("balance-words")).to_contain_text("1 keer kwam het initiatief van jullie samen.")
    amal.goto(f"/maatje/{match_id}/tijdlijn")
    expect(amal.locator("[data-testid=timeline-item][data-kind=activity]")).to_contain_text("Samen zinnen oefenen")


def test_without_consent_the_buddy_learns_where_the_newcomer_turns_it_on(new_context, pair):
    newcomer, buddy, match_id = pair
    _, sanne = phone(new_context)
    log_in(sanne, buddy.email, PASSWORD)
    sanne.goto(f"/maatje/{match_id}/samen-oefenen")
    off = sanne.get_by_test_id("together-off")
    expect(off).to_contain_text("Amal kan het aanzetten op de eigen telefoon, bij Oefenen > Instellingen.")
    expect(sanne.get_by_test_id("choose-theme")).to_have_count(0)
    expect(sanne.get_by_test_id("together-card")).to_have_count(0)

    # The newcomer who opens the address lands in her own practice.
    _, amal = phone(new_context)
    log_in(amal, newcomer.email, PASSWORD)
    amal.goto(f"/maatje/{match_id}/samen-oefenen")
    expect(amal).to_have_url(re.compile(r"/oefenen$"))


def test_the_buddy_rates_with_their_own_four_buttons(new_context, app, pair):
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.phrases import service

    newcomer, buddy, match_id = pair
    consent(app, newcomer, together=True)
    with app.app_context():
        service.apply_settings(db.session.get(User, buddy.id), {"buttons": 4})
        db.session.commit()
    _, sanne = phone(new_context)
    log_in(sanne, buddy.email, PASSWORD)
    sanne.goto(f"/maatje/{match_id}/samen-oefenen")
    sanne.get_by_test_id("theme-mixed").click()
    buttons = sanne.get_by_test_id("together-card").get_by_role("group").get_by_role("button")
    expect(buttons).to_have_text(["Opnieuw", "Moeilijk", "Goed", "Makkelijk"])


def test_a_branch_phrase_reaches_the_newcomers_practice(new_context, app, make_user):
    coordinator = make_user("coordinator", name="Carla Coördinator")
    newcomer = make_user("newcomer", name="Amal Haddad")
    theme = catalogue(app)["themes"][1]["code"]

    _, carla = phone(new_context)
    log_in(carla, coordinator.email, PASSWORD)
    carla.goto("/coordinatie")
    carla.get_by_test_id("to-phrases").click()
    carla.get_by_test_id("branch-phrases").wait_for()
    form = carla.get_by_test_id("phrase-add-form")
    form.get_by_test_id("phrase-save").click()  # empty: the server says what is missing, at the field
    expect(form.locator("#phrase-new-nl-error")).to_be_visible()
    form.get_by_label("De zin in het Nederlands").fill("Waar is de voedselbank?")
    form.get_by_label("Thema").select_option(theme)
    form.get_by_label("Niveau").select_option("A1")
    form.get_by_label("العربية").fill("أين بنك الطعام؟")
    form.get_by_test_id("phrase-save").click()
    row = carla.get_by_test_id("branch-phrase")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Waar is de voedselbank?")
    expect(row).to_contain_text("1 vertaling")

    _, amal = phone(new_context)
    log_in(amal, newcomer.email, PASSWORD)
    amal.goto("/oefenen")
    own = amal.get_by_test_id("themes").locator(".theme[data-theme=org]")  # the branch's own phrases
    expect(own).to_contain_text("0 van 1 begonnen", timeout=20_000)
    amal.goto("/oefenen/sessie?thema=org")
    expect(amal.get_by_test_id("phrase-card")).to_contain_text("Waar is de voedselbank?")


def _screens(app, match_id):
    return {
        "together-screen": (f"/maatje/{match_id}/samen-oefenen", "choose-theme", "buddy"),
        "together-card": (f"/maatje/{match_id}/samen-oefenen", "together-card", "buddy"),
        "together-summary": (f"/maatje/{match_id}/samen-oefenen", "together-summary", "buddy"),
        "practice-section-buddy": (f"/maatje/{match_id}", "shared-progress", "buddy"),
        "practice-section-newcomer": (f"/maatje/{match_id}", "own-share", "newcomer"),
        "branch-phrases": ("/coordinatie/zinnen", "branch-phrase", "coordinator"),
    }


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("screen", ["together-screen", "together-card", "together-summary", "practice-section-buddy",
                                    "practice-section-newcomer", "branch-phrases"])
def test_each_screen_at_360px(new_context, app, pair, make_user, screen, lang):
    """A screenshot of each for review in test-results/screenshots/; no sideways scrolling; axe finds nothing."""
    newcomer, buddy, match_id = pair
    consent(app, newcomer, together=True, share_progress=True)
    coordinator = make_user("coordinator", name="Carla Coördinator")
    if screen == "branch-phrases":
        from backend.extensions import db
        from backend.phrases.models import OrgPhrase

        with app.app_context():
            db.session.add(OrgPhrase(id=uuid.uuid4(), organisation_id=coordinator.organisation_id, nl="Waar is de voedselbank?",
                                     theme="gemeente", level="A1", translations={"ar": "أين بنك الطعام؟"}, note=""))
            db.session.commit()
    path, testid, who = _screens(app, match_id)[screen]
    user = {"buddy": buddy, "newcomer": newcomer, "coordinator": coordinator}[who]
    speaks(app, user, lang)
    _, page = phone(new_context)
    log_in(page, user.email, PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.goto(path)
    if screen in ("together-card", "together-summary"):
        page.get_by_test_id("theme-choice").first.click()
        if lang != "nl":
            page.get_by_test_id("reveal").click()
    if screen == "together-summary":
        page.get_by_test_id("rate-1").click()
        page.get_by_test_id("finish").click()
    page.get_by_test_id(testid).first.wait_for()
    page.wait_for_load_state("networkidle")
    page.evaluate("() => document.fonts.ready.then(() => true)")  # the Ethiopic font comes on demand
    no_overflow(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"practise-together-{screen}-{lang}-360.png"))
    if lang in ("nl", "ar"):
        assert axe_violations(page) == []
