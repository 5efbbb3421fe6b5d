"""End-to-end fixtures: the app on a real port, Debian's Chromium driven by Playwright."""
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from backend.config import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
AXE = ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _closed_before_sending(app):
    """Read each answer whole and close its file before sending it. Werkzeug's server skips close()
    when a browser resets the connection mid-answer (a context closing while a 75 KB font is on its
    way), and the file left open fails the run as a ResourceWarning."""
    def wsgi(environ, start_response):
        answer = app(environ, start_response)
        try:
            return [b"".join(answer)]
        finally:
            if hasattr(answer, "close"):
                answer.close()

    return wsgi


@pytest.fixture(scope="session")
def live_server(app):
    """Serve the app (API + built PWA) on 127.0.0.1 with a free port, in a thread."""
    if not (Path(app.config["PWA_DIST"]) / "index.html").exists():
        pytest.fail("The PWA is not built: run `make pwa` (make test does it for you).")
    server = make_server("127.0.0.1", 0, _closed_before_sending(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def playwright():
    """One Playwright driver for the session: a second one at the same time is refused (it would
    run inside the first one's event loop), so every browser of the tests is launched from this."""
    if shutil.which("chromium") is None and not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `sudo apt-get install chromium` (make test does it as root).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright):
    """Launch Debian's Chromium once for the session (never a downloaded browser)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def demo(app):
    """Load the demo data (accounts with the password maatje-demo)."""
    from backend.demo import load_demo

    with app.app_context():
        load_demo()


@pytest.fixture
def new_context(browser, live_server):
    """Return a factory of fresh browser contexts (each like a separate phone), closed at the end."""
    contexts = []

    def _new_context(**options):
        options = {"viewport": {"width": 390, "height": 800}, **options}
        context = browser.new_context(base_url=live_server, locale="nl-NL", timezone_id="Europe/Amsterdam", **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield _new_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


def log_in(page, email, password="maatje-demo"):
    """Log in through the login screen, the way a person does."""
    page.goto("/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_test_id("home").wait_for()


def open_profile(page):
    """Open the profile by its address, once its form and the first sync round are ready.

    A test that cuts the network next cuts it for the rounds its own edit starts, not in the
    middle of the first one (whose badge change shifted the page under a click, under load).
    """
    page.goto("/profiel")
    page.get_by_test_id("profile").wait_for()
    expect(page.get_by_label("Naam")).not_to_have_value("")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)


def open_profile_by_nav(page):
    """Open the profile through the bottom navigation bar, as a thumb does."""
    page.get_by_role("navigation").get_by_role("link", name="Mijn profiel").click()
    page.get_by_test_id("profile").wait_for()


def open_sync_details(page):
    """Tap the sync state in the top bar to see its details (it may be open already)."""
    badge = page.get_by_test_id("sync-badge")
    if badge.get_attribute("aria-expanded") != "true":
        badge.click()
    details = page.get_by_test_id("sync-details")
    details.wait_for()
    return details


def queue_mutation(page, name, args):
    """Queue a mutation the way the app's outbox does (one transaction writes the entry and
    last_mid); it is sent on the next sync round, e.g. after a reload."""
    page.evaluate("""async ([name, args]) => {
        const open = indexedDB.open('maatje');
        await new Promise((ok) => open.onsuccess = ok);
        const tx = open.result.transaction(['outbox', 'meta'], 'readwrite');
        const meta = tx.objectStore('meta');
        const last = await new Promise((ok) => { const r = meta.get('last_mid'); r.onsuccess = () => ok(r.result); });
        const mid = (last ? last.value : 0) + 1;
        tx.objectStore('outbox').put({mid, name, args, created_at: new Date().toISOString()});
        meta.put({key: 'last_mid', value: mid});
        await new Promise((ok) => tx.oncomplete = ok);
        open.result.close();
    }""", [name, args])


def wait_for_service_worker(page):
    """Wait until the service worker is active, so the app shell is in its cache."""
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")


def axe_violations(page):
    """Run axe-core in the page and return its violations (id and the nodes' HTML)."""
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], [n["html"] for n in v["nodes"]]) for v in result["violations"]]


def screenshot_in_three_languages(page, name, target=None):
    """Save `target` (or the whole page) 360 px wide in Dutch, Arabic (right-to-left) and Tigrinya
    into test-results/screenshots/, then go back to Dutch."""
    shots = ROOT / "test-results" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 360, "height": 800})
    for lang in ("nl", "ar", "ti"):
        page.get_by_test_id("language-picker").select_option(lang)
        page.locator(f"html[lang={lang}]").wait_for(state="attached")
        path = str(shots / f"{name}-{lang}.png")
        (target or page).screenshot(path=path, **({} if target else {"full_page": True}))
    page.get_by_test_id("language-picker").select_option("nl")
    page.locator("html[lang=nl]").wait_for(state="attached")


def pick_date(page, field_id, iso):
    """Choose a date in a DateSelect: day, month and year lists in the app's language."""
    year, month, day = iso.split("-")
    field = page.locator(f"#{field_id}")
    field.locator("select[data-part=day]").select_option(day)
    field.locator("select[data-part=month]").select_option(month)
    field.locator("select[data-part=year]").select_option(year)


def speaks(app, user, lang):
    """The user's language, as if changed in the profile: the account and its synced profile row."""
    from backend.accounts.models import User
    from backend.accounts.service import profile_data
    from backend.extensions import db
    from backend.sync import changes

    with app.app_context():
        row = db.session.get(User, user.id)
        row.locale = lang
        changes.record_put("profile", row.id, f"user:{row.id}", profile_data(row))
        db.session.commit()
