"""Routes in real Chromium: path addresses, lazy screens that open offline, not found, focus."""
import re

from playwright.sync_api import expect

from backend.config import ROOT
from tests.e2e.conftest import log_in, wait_for_service_worker

DIST = ROOT / "pwa" / "dist"


def test_every_built_chunk_is_in_the_precache_and_screens_are_not_in_the_shell():
    """Lazy screens are separate chunks the shell does not load, yet all are precached for offline."""
    chunks = sorted(p.name for p in (DIST / "assets").glob("*.js"))
    worker = (DIST / "sw.js").read_text()
    assert [c for c in chunks if c not in worker] == []
    shell = (DIST / "index.html").read_text()
    screens = [c for c in chunks if re.match(r"(Home|Profile|Notices)Screen-", c)]
    assert len(screens) == 3 and not any(screen in shell for screen in screens)


def test_profile_and_notices_open_offline_after_one_visit(new_context, demo):
    context = new_context()
    page = context.new_page()
    log_in(page, "newcomer@demo.maatje.nl")  # the one online visit: the home screen only
    wait_for_service_worker(page)
    context.set_offline(True)
    page.goto("/profiel")
    page.get_by_test_id("profile").wait_for()
    expect(page.get_by_label("Naam")).to_have_value("Amal Haddad")
    page.goto("/meldingen")
    page.get_by_test_id("notices").wait_for()
    expect(page.get_by_test_id("online-indicator")).to_have_attribute("data-online", "false")


def test_a_screen_that_cannot_load_says_so(new_context, demo):
    """Without the offline copy (no service worker yet) and no connection, a screen says why it is missing."""
    context = new_context(service_workers="block")
    page = context.new_page()
    log_in(page, "newcomer@demo.maatje.nl")
    context.set_offline(True)
    page.get_by_role("navigation").get_by_role("link", name="Mijn profiel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit scherm kon niet laden")


def test_an_unknown_address_says_so_and_leads_home(page, demo):
    log_in(page, "newcomer@demo.maatje.nl")
    page.goto("/bestaat-niet")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    page.get_by_role("link", name="Naar de startpagina").click()
    page.get_by_test_id("home").wait_for()
    assert page.url.endswith("/")


def test_old_hash_links_still_open_their_screen(new_context, demo):
    page = new_context().new_page()
    log_in(page, "newcomer@demo.maatje.nl")
    page.goto("/#/profiel")  # inside the open app: only the hash changes
    page.get_by_test_id("profile").wait_for()
    assert page.url.endswith("/profiel")
    fresh = new_context().new_page()  # a link from elsewhere opens the app at the old address
    log_in(fresh, "newcomer@demo.maatje.nl")
    fresh.goto("about:blank")
    fresh.goto(page.url.replace("/profiel", "/#/profiel"))
    fresh.get_by_test_id("profile").wait_for()
    assert fresh.url.endswith("/profiel")


def test_navigation_moves_focus_to_the_new_screens_heading(page, demo):
    log_in(page, "newcomer@demo.maatje.nl")
    page.get_by_role("navigation").get_by_role("link", name="Mijn profiel").click()
    page.get_by_test_id("profile").wait_for()
    expect(page.locator("#profile-title")).to_be_focused()
    assert page.url.endswith("/profiel")
    expect(page).to_have_title(re.compile(r"^Mijn profiel"))  # set by the screen's effect: wait for it
    page.go_back()
    page.get_by_test_id("home").wait_for()
    expect(page.locator("#home-title")).to_be_focused()


def test_a_name_typed_right_after_the_profile_opens_is_kept(page, demo):
    """The form once copied the stored profile into its fields from an effect; Preact runs an
    effect of an earlier render late, so it could put the old name back over what was typed
    ("Er is niets veranderd.", 2 of 8 tries failed before). Several quick tries in a row."""
    log_in(page, "newcomer@demo.maatje.nl")
    for attempt in range(4):
        page.goto("/profiel")
        expect(page.get_by_label("Naam")).not_to_have_value("")
        page.get_by_label("Naam").fill(f"Amal {attempt}")
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_test_id("profile").get_by_role("status")).to_have_text(re.compile(r"^Opgeslagen"))
        expect(page.get_by_label("Naam")).to_have_value(f"Amal {attempt}")
