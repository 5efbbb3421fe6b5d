"""The phone-first shell in real Chromium (issue 8 items 1, 5, 6): a compact top bar that stays,
a bottom navigation bar, messages that follow their state and language, keyboard, axe on every screen."""
import pytest
from playwright.sync_api import expect

from backend.config import ROOT
from tests.e2e.conftest import axe_violations, log_in, open_profile_by_nav, open_sync_details, wait_for_service_worker
from tests.e2e.test_notices import leave_notice

AMAL = "newcomer@demo.maatje.nl"
SCREENSHOTS = ROOT / "test-results" / "screenshots"


def box(locator):
    return locator.bounding_box()


def profile_ready(page):
    """The profile with the first sync round over (so a test that cuts the network cuts its own)."""
    open_profile_by_nav(page)
    expect(page.get_by_label("Naam")).not_to_have_value("")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)


def test_content_starts_near_the_top_and_the_bottom_bar_covers_nothing(new_context, demo):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    log_in(page, AMAL)
    assert box(page.locator("#home-title"))["y"] < 100
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    nav_box = box(nav)
    assert nav_box["y"] + nav_box["height"] == pytest.approx(844, abs=1)  # fixed at the bottom
    for link in nav.get_by_role("link").all():
        assert box(link)["height"] >= 48  # big enough for a thumb
    expect(nav.get_by_role("link", name="Start")).to_have_attribute("aria-current", "page")

    open_profile_by_nav(page)
    expect(nav.get_by_role("link", name="Mijn profiel")).to_have_attribute("aria-current", "page")
    assert box(page.locator("#profile-title"))["y"] < 100
    # Scrolled to the end: the last content sits above the bar; the top bar is still in view.
    expect(page.get_by_test_id("device").first).to_be_visible()  # the device list has loaded: the page is whole
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => window.scrollY > 0")
    last = page.get_by_test_id("devices")
    assert box(last)["y"] + box(last)["height"] <= box(nav)["y"]
    indicator = box(page.get_by_test_id("online-indicator"))
    assert 0 <= indicator["y"] < 60
    # One row: name, sync state and online state side by side.
    assert abs(box(page.get_by_test_id("sync-badge"))["y"] - indicator["y"]) < 20


def test_right_to_left_mirrors_the_bars(new_context, demo):
    page = new_context(viewport={"width": 360, "height": 800}).new_page()
    log_in(page, AMAL)
    open_profile_by_nav(page)
    page.get_by_test_id("language-picker").select_option("ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    links = page.get_by_role("navigation").get_by_role("link").all()
    assert box(links[0])["x"] > box(links[2])["x"]  # "Start" on the right
    assert box(page.locator(".brand"))["x"] > box(page.get_by_test_id("online-indicator"))["x"]


def test_the_unchecked_translations_note_shows_where_the_language_is_chosen_only(new_context, demo):
    page = new_context().new_page()
    page.goto("/")
    page.get_by_test_id("language-picker").select_option("ar")
    expect(page.get_by_test_id("unreviewed-mark")).to_be_visible()  # small, beside the choice
    expect(page.get_by_test_id("unreviewed-note")).to_have_count(0)
    page.get_by_test_id("language-picker").select_option("nl")
    log_in(page, AMAL)
    open_profile_by_nav(page)
    page.get_by_test_id("language-picker").select_option("ar")
    expect(page.get_by_test_id("unreviewed-note")).to_be_visible()
    page.get_by_role("navigation").get_by_role("link").first.click()
    page.get_by_test_id("home").wait_for()
    expect(page.get_by_test_id("unreviewed-note")).to_have_count(0)
    expect(page.get_by_test_id("unreviewed-mark")).to_have_count(0)


def test_the_sync_state_opens_its_details(new_context, demo):
    context = new_context()
    page = context.new_page()
    log_in(page, AMAL)
    badge = page.get_by_test_id("sync-badge")
    expect(badge).to_have_attribute("data-state", "synced", timeout=15_000)
    expect(badge).to_have_text("Bijgewerkt")
    expect(page.get_by_test_id("sync-details")).to_have_count(0)
    details = open_sync_details(page)
    expect(badge).to_have_attribute("aria-expanded", "true")
    expect(details).to_contain_text("Alles is bijgewerkt")
    context.set_offline(True)
    expect(details).to_contain_text("je wijzigingen worden bewaard")
    badge.click()
    expect(details).to_have_count(0)


def test_the_saved_message_follows_the_sync_and_the_language(new_context, demo):
    context = new_context()
    page = context.new_page()
    log_in(page, AMAL)
    wait_for_service_worker(page)  # the English catalog must be there offline:
    page.reload()  # the worker serves it to pages opened after it took over
    page.get_by_test_id("home").wait_for()
    profile_ready(page)
    context.set_offline(True)
    page.get_by_label("Naam").fill("Amal H.")
    page.get_by_role("button", name="Opslaan").click()
    status = page.locator(".form-status")
    expect(status).to_have_text("Opgeslagen. Je wijziging wordt verstuurd zodra je online bent.")
    page.get_by_test_id("language-picker").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#profile-title")).to_have_text("My profile")
    expect(status).to_have_text("Saved. Your change will be sent as soon as you are online.")
    context.set_offline(False)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)
    expect(status).to_have_text("Saved.")


def test_the_logout_error_goes_away_back_online(new_context, demo):
    context = new_context()
    page = context.new_page()
    log_in(page, AMAL)
    profile_ready(page)
    context.set_offline(True)
    page.get_by_test_id("logout").click()
    error = page.get_by_test_id("logout-error")
    expect(error).to_contain_text("Uitloggen kan alleen met internet.")
    context.set_offline(False)
    expect(error).to_have_text("")
    expect(page.get_by_test_id("profile")).to_be_visible()  # still logged in


def test_leaving_unsaved_edits_asks_first(new_context, demo):
    page = new_context().new_page()
    log_in(page, AMAL)
    profile_ready(page)
    page.get_by_label("Naam").fill("Amal (nog niet opgeslagen)")
    questions = []

    def answer(dialog, accept):
        questions.append((dialog.type, dialog.message))
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))
    page.get_by_role("navigation").get_by_role("link", name="Start").click()
    expect(page.get_by_test_id("profile")).to_be_visible()
    expect(page.get_by_label("Naam")).to_have_value("Amal (nog niet opgeslagen)")
    assert questions == [("confirm", "Je wijzigingen zijn nog niet opgeslagen. Wil je deze pagina toch verlaten?")]

    # The back button asks too; staying keeps the screen, its address and the edits.
    page.once("dialog", lambda d: answer(d, False))
    page.go_back()
    expect(page.get_by_label("Naam")).to_have_value("Amal (nog niet opgeslagen)")
    assert page.url.endswith("/profiel") and len(questions) == 2

    # Closing the tab asks the browser's own question.
    page.once("dialog", lambda d: answer(d, False))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert questions[-1][0] == "beforeunload"

    page.once("dialog", lambda d: answer(d, True))
    page.get_by_role("navigation").get_by_role("link", name="Start").click()
    page.get_by_test_id("home").wait_for()


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(new_context, demo):
    page = new_context().new_page()
    for step in ("login", "home"):
        if step == "home":
            log_in(page, AMAL)
            page.reload()
            page.get_by_test_id("home").wait_for()
        else:
            page.goto("/")
            page.get_by_test_id("login-form").wait_for()
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Naar de inhoud")
        expect(skip).to_be_focused()
        assert box(skip)["y"] >= 0  # shown while it has the focus
        page.keyboard.press("Enter")
        expect(page.locator("main")).to_be_focused()


SCREENS = {
    "login": (None, "login-form"),
    "home": ("/", "home"),
    "profile": ("/profiel", "profile"),
    "notices": ("/meldingen", "notices"),
    "not-found": ("/bestaat-niet", "not-found"),
    "sync-details": ("/", "sync-details"),
}
# Screens reached without logging in: (address, test id of what must be there).
PUBLIC_SCREENS = {
    "activate": ("/activeren", "activate-form"),
    "reset": ("/wachtwoord-herstellen#a-link-secret", "reset-form"),
    "forgot": ("/wachtwoord-vergeten", "forgot-form"),
    "signup": ("/aanmelden", "signup-step-about"),  # its other steps: tests/e2e/test_signup.py
}
SCREENS.update(PUBLIC_SCREENS)


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_at_360px_has_no_axe_violations(new_context, demo, app, screen, lang):
    """A screenshot of each for review in test-results/screenshots/; axe-core finds nothing."""
    path, testid = SCREENS[screen]
    if screen == "notices":
        leave_notice(app, AMAL, "Deze wijziging bevat ongeldige gegevens.")
    page = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()  # axe is injected inline
    if path is None or screen in PUBLIC_SCREENS:
        page.goto(path or "/")
        page.get_by_test_id("language-picker").select_option(lang)
    else:
        log_in(page, AMAL)
        if lang != "nl":
            open_profile_by_nav(page)
            page.get_by_test_id("language-picker").select_option(lang)
            expect(page.locator("html")).to_have_attribute("lang", lang)
            # A queued profile change: stored before the page is left.
            expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)
        page.goto(path)
        if screen == "sync-details":
            expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)
            open_sync_details(page)
    page.get_by_test_id(testid).wait_for()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    if screen == "notices":
        expect(page.get_by_test_id("notice")).to_have_count(1)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # As tall as the page, so the fixed bottom bar is drawn at the end, not across the content.
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"{screen}-{lang}-360.png"))
    assert axe_violations(page) == []
    # Nothing (a long e-mail address, a word without breaks) makes the page wider than the phone.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
