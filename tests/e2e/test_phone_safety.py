"""One phone, several people, storage that fails: in real Chromium (issue 7 items 21-23, 25).

Tabs of one browser context share the session cookie and IndexedDB, as tabs of one phone do.
"""
import sqlalchemy as sa
from playwright.sync_api import expect

from tests.e2e.conftest import log_in, open_profile, screenshot_in_three_languages

AMAL, SANNE = "newcomer@demo.maatje.nl", "buddy@demo.maatje.nl"


def name_on_server(app, email):
    from backend.accounts.models import User
    from backend.extensions import db

    with app.app_context():
        name = db.session.execute(sa.select(User.display_name).where(User.email == email)).scalar_one()
        db.session.remove()
        return name


def save_name(page, name):
    page.get_by_label("Naam").fill(name)
    page.get_by_role("button", name="Opslaan").click()


def local_profile_ids(page):
    """The ids of the profile rows in this browser's IndexedDB."""
    return page.evaluate("""async () => {
        const open = indexedDB.open('maatje');
        await new Promise((ok) => open.onsuccess = ok);
        const request = open.result.transaction('profile').objectStore('profile').getAllKeys();
        const keys = await new Promise((ok) => request.onsuccess = () => ok(request.result));
        open.result.close();
        return keys;
    }""")


def log_in_elsewhere(page, email):
    """Log in from a page of the same browser that is not the app (e.g. the API docs)."""
    page.goto("/api/health")
    status = page.evaluate("""async (email) => (await fetch('/api/auth/login', {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({email, password: 'maatje-demo'})})).status""", email)
    assert status == 200


def end_session_from_another_device(new_context, context, app, email):
    """The user ends this browser's session elsewhere (same cookie, POST /api/auth/logout)."""
    other = new_context()
    other.add_cookies(context.cookies())
    csrf = other.request.get("/api/auth/me").json()["csrf_token"]
    assert other.request.post("/api/auth/logout", headers={"X-CSRF-Token": csrf}).status == 204
    from backend.accounts.models import User
    from backend.extensions import db

    if hasattr(User, "session_gen"):  # before server-side session records, logout did not end a cookie
        with app.app_context():
            db.session.execute(sa.update(User).where(User.email == email).values(session_gen=User.session_gen + 1))
            db.session.commit()
            db.session.remove()


def test_a_change_is_sent_only_as_the_person_who_made_it(new_context, demo, app):
    """Item 21: Amal's pending name never reaches Sanne's account when Sanne logs in in another tab."""
    context = new_context()
    amal_tab, other_tab = context.new_page(), context.new_page()
    log_in(amal_tab, AMAL)
    open_profile(amal_tab)
    # Amal's tab cannot reach the API; she changes her name there.
    amal_tab.route("**/api/**", lambda route: route.abort())
    save_name(amal_tab, "Amal (offline)")
    expect(amal_tab.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "1")
    # Sanne logs in in another tab of the same browser: the cookie is hers now.
    log_in_elsewhere(other_tab, SANNE)
    # Amal's tab comes back online.
    amal_tab.unroute("**/api/**")
    amal_tab.evaluate("() => window.dispatchEvent(new Event('online'))")
    reason = amal_tab.get_by_test_id("logout-reason")
    expect(reason).to_have_text(
        "Je bent in een ander tabblad ingelogd als iemand anders. Log opnieuw in als Amal Haddad om je wijzigingen te versturen.",
        timeout=20_000)
    expect(amal_tab.get_by_test_id("waiting-changes")).to_have_text(
        "Er wacht nog 1 wijziging van Amal Haddad. Log in als Amal Haddad om die te versturen.")
    assert name_on_server(app, SANNE) == "Sanne de Vries"
    assert name_on_server(app, AMAL) == "Amal Haddad"
    sanne_id = other_tab.evaluate("async () => (await (await fetch('/api/auth/me')).json()).user.id")
    assert sanne_id not in local_profile_ids(amal_tab)
    # Amal logs in again in her tab: her change is sent, as hers.
    amal_tab.get_by_label("E-mailadres").fill(AMAL)
    amal_tab.get_by_label("Wachtwoord").fill("maatje-demo")
    amal_tab.get_by_role("button", name="Inloggen").click()
    amal_tab.get_by_test_id("profile").wait_for()
    expect(amal_tab.get_by_label("Naam")).to_have_value("Amal (offline)")
    expect(amal_tab.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)
    assert name_on_server(app, AMAL) == "Amal (offline)"
    assert name_on_server(app, SANNE) == "Sanne de Vries"


def test_a_waiting_change_survives_another_persons_login(new_context, demo, app):
    """Item 22: Amal's offline change, her session ended, Sanne logs in; Amal gets it back later."""
    context = new_context()
    page = context.new_page()
    log_in(page, AMAL)
    open_profile(page)
    context.set_offline(True)
    save_name(page, "Amal (bewaard)")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "1")
    end_session_from_another_device(new_context, context, app, AMAL)
    context.set_offline(False)
    expect(page.get_by_test_id("logout-reason")).to_contain_text("je sessie is verlopen of beëindigd", timeout=20_000)
    waiting = page.get_by_test_id("waiting-changes")
    expect(waiting).to_have_text("Er wacht nog 1 wijziging van Amal Haddad. Log in als Amal Haddad om die te versturen.")
    expect(waiting.locator("bdi")).to_have_text(["Amal Haddad", "Amal Haddad"])  # whole in a right-to-left sentence
    screenshot_in_three_languages(page, "login-waiting-change")

    # Sanne logs in on this phone: she sees her own data only, and nothing of Amal's is sent as hers.
    log_in(page, SANNE)
    open_profile(page)
    expect(page.get_by_label("Naam")).to_have_value("Sanne de Vries")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=20_000)
    assert name_on_server(app, SANNE) == "Sanne de Vries"
    page.get_by_test_id("logout").click()
    expect(page.get_by_test_id("waiting-changes")).to_contain_text("Amal Haddad", timeout=20_000)

    # Amal logs in again: her change comes back and is sent.
    log_in(page, AMAL)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)
    assert name_on_server(app, AMAL) == "Amal (bewaard)"


def test_no_edits_while_logging_out(new_context, demo, app):
    """Item 23: while the logout request is under way, an edit in another tab is refused, not wiped."""
    context = new_context()
    tab, other = context.new_page(), context.new_page()
    log_in(tab, AMAL)
    open_profile(tab)  # logging out is done in the profile
    open_profile(other)
    held = []
    tab.route("**/api/auth/logout", lambda route: held.append(route))
    tab.get_by_test_id("logout").click()
    expect(tab.get_by_test_id("session-notice")).to_contain_text("Bezig met uitloggen")
    expect(other.get_by_test_id("session-notice")).to_contain_text("Bezig met uitloggen")
    save_name(other, "Tijdens uitloggen")
    expect(other.get_by_test_id("refused-write")).to_have_text("Je wijziging is niet opgeslagen: je wordt uitgelogd.Sluiten")
    expect(other.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0")
    expect(other.get_by_test_id("profile")).not_to_contain_text("Opgeslagen")
    assert held, "the logout request was not sent"
    held[0].continue_()
    for page in (tab, other):
        page.get_by_test_id("login-form").wait_for()
    expect(tab.get_by_test_id("waiting-changes")).to_have_count(0)
    assert name_on_server(app, AMAL) == "Amal Haddad"


def test_a_database_deleted_under_the_open_app_is_said_plainly(new_context, demo, app):
    """Item 25: IndexedDB cleared while a change waited: the app says it, stays logged in, syncs afresh."""
    context = new_context()
    page = context.new_page()
    log_in(page, AMAL)
    open_profile(page)
    page.route("**/api/sync/push", lambda route: route.abort())
    save_name(page, "Amal (verloren)")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "1")
    page.wait_for_function("() => (localStorage.getItem('maatje.unsent') || '').includes(':1')")
    page.evaluate("() => { indexedDB.deleteDatabase('maatje'); }")
    lost = page.get_by_test_id("lost-changes")
    expect(lost).to_contain_text("1 wijziging die nog niet was verstuurd, is misschien verloren gegaan", timeout=20_000)
    expect(page.get_by_test_id("login-form")).to_have_count(0)  # the cookie is valid: no login screen
    open_profile(page)
    expect(page.get_by_label("Naam")).to_have_value("Amal Haddad", timeout=20_000)  # synced afresh
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0")
    # A reload finds the fresh database: no false alarm the second time.
    page.reload()
    page.get_by_test_id("profile").wait_for()
    expect(page.get_by_test_id("lost-changes")).to_have_count(0)


def test_a_database_deleted_while_the_app_was_closed_is_said_plainly(new_context, demo):
    """Item 25: storage cleared between two visits while a change waited: said on the next start."""
    context = new_context()
    page = context.new_page()
    log_in(page, AMAL)
    open_profile(page)
    page.route("**/api/sync/push", lambda route: route.abort())
    save_name(page, "Amal (verloren)")
    page.wait_for_function("() => (localStorage.getItem('maatje.unsent') || '').includes(':1')")
    page.goto("/api/health")  # the app is closed; the browser clears its database
    page.evaluate("""() => new Promise((ok, fail) => {
        const request = indexedDB.deleteDatabase('maatje');
        request.onsuccess = ok;
        request.onerror = fail;
    })""")
    open_profile(page)
    expect(page.get_by_test_id("lost-changes")).to_contain_text("is misschien verloren gegaan", timeout=20_000)
    expect(page.get_by_label("Naam")).to_have_value("Amal Haddad", timeout=20_000)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0")
