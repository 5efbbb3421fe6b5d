"""The PWA shell in real Chromium: login, languages with right-to-left, offline, accessibility."""
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, log_in, open_profile_by_nav, wait_for_service_worker


def test_demo_newcomer_logs_in_and_sees_home(page, demo):
    log_in(page, "newcomer@demo.maatje.nl")
    home = page.get_by_test_id("home")
    assert home.get_attribute("data-role") == "newcomer"
    assert "Amal" in page.locator("h1").inner_text()


def test_wrong_password_is_explained(page, demo):
    page.goto("/")
    page.get_by_label("E-mailadres").fill("newcomer@demo.maatje.nl")
    page.get_by_label("Wachtwoord").fill("not-the-password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_test_id("login-error")).to_contain_text("horen niet bij elkaar")


def test_switching_to_arabic_mirrors_the_layout(page, demo):
    log_in(page, "newcomer@demo.maatje.nl")
    assert page.locator("html").get_attribute("dir") == "ltr"
    open_profile_by_nav(page)  # logged in, the language is chosen in the profile
    page.get_by_test_id("language-picker").select_option("ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.locator("html").get_attribute("lang") == "ar"
    # The interface really is Arabic now, and the unchecked-translation note says so.
    expect(page.get_by_test_id("unreviewed-note")).to_be_visible()
    assert "Uitloggen" not in page.get_by_test_id("logout").inner_text()
    # The choice is saved: a reload (and the server) keep Arabic.
    page.reload()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_shell_opens_offline_after_one_visit(new_context, demo):
    context = new_context()
    page = context.new_page()
    log_in(page, "newcomer@demo.maatje.nl")
    wait_for_service_worker(page)
    assert page.get_by_test_id("online-indicator").get_attribute("data-online") == "true"
    context.set_offline(True)
    page.reload()
    page.get_by_test_id("home").wait_for()  # rendered from the cached shell and local data
    indicator = page.get_by_test_id("online-indicator")
    expect(indicator).to_have_attribute("data-online", "false")
    expect(indicator).to_contain_text("Offline")


def test_login_screen_opens_offline_and_says_so(new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    page.get_by_test_id("login-form").wait_for()
    wait_for_service_worker(page)
    context.set_offline(True)
    page.reload()
    page.get_by_test_id("login-form").wait_for()
    expect(page.get_by_test_id("online-indicator")).to_have_attribute("data-online", "false")


def test_axe_finds_no_violations_on_login_and_home(new_context, demo):
    page = new_context(bypass_csp=True).new_page()  # axe-core is injected as an inline script
    page.goto("/")
    page.get_by_test_id("login-form").wait_for()
    assert axe_violations(page) == []
    log_in(page, "newcomer@demo.maatje.nl")
    assert axe_violations(page) == []
    open_profile_by_nav(page)
    page.get_by_test_id("language-picker").select_option("ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert axe_violations(page) == []


def test_every_role_gets_its_own_home(new_context, demo):
    for email, role in [("buddy@demo.maatje.nl", "buddy"), ("coordinator@demo.maatje.nl", "coordinator"),
                        ("admin@demo.maatje.nl", "admin")]:
        page = new_context().new_page()
        log_in(page, email)
        assert page.get_by_test_id("home").get_attribute("data-role") == role


def test_manifest_makes_the_app_installable(page):
    response = page.request.get("/manifest.webmanifest")
    manifest = response.json()
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    assert any("maskable" in icon.get("purpose", "") for icon in manifest["icons"])
