"""Ways in without a password, in real Chromium: a newcomer activates the account with the
coordinator's code (in Arabic), a buddy resets the password with the link from a real mail."""
import re

import sqlalchemy as sa
from playwright.sync_api import expect

from backend.accounts import service, tokens
from backend.accounts.models import User
from backend.extensions import db as _db
from backend.orgs.service import get_by_code

NEW_PASSWORD = "zon-over-de-vecht"


def pending_newcomer(app, username="amal.haddad", locale="ar"):
    """An account made at intake, with its first code and the link of its QR code (the path)."""
    with app.app_context(), app.test_request_context():
        user = service.create_pending_user("أمل حداد", username, ["newcomer"], get_by_code("GM0344"), locale)
        code = tokens.issue_activation_code(user, None)
        card = tokens.activation_card(code, None, user.locale)
        _db.session.commit()
        return code, card["url"].removeprefix("http://localhost")


def test_a_newcomer_activates_the_account_with_a_code_in_arabic(new_context, app):
    code, link = pending_newcomer(app)
    assert link == f"/activeren?lang=ar#{code}"
    page = new_context().new_page()  # a Dutch phone (locale nl-NL)
    page.goto(link)  # as the QR code opens it
    page.get_by_test_id("activate").wait_for()
    expect(page.locator("#activation-code")).to_have_value(code)
    assert "#" not in page.url  # the code does not stay in the address bar or the history
    expect(page.locator("html")).to_have_attribute("dir", "rtl")  # in the newcomer's language at once
    expect(page.get_by_test_id("language-picker")).to_have_value("ar")
    form = page.get_by_test_id("activate-form")
    page.locator("#new-password").fill(NEW_PASSWORD)
    page.locator("#repeat-password").fill(NEW_PASSWORD + "!")
    form.locator("button[type=submit]").click()
    expect(page.locator("#repeat-password-error")).to_be_visible()  # not sent: the two differ
    page.locator("#repeat-password").fill(NEW_PASSWORD)
    form.locator("button[type=submit]").click()
    page.get_by_test_id("home").wait_for()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    with app.app_context():
        user = _db.session.scalar(sa.select(User).where(User.username == "amal.haddad"))
        assert user.locale == "ar"

    # The code worked once; from now on the username and the password log in.
    other = new_context().new_page()
    other.goto("/activeren")
    other.get_by_test_id("language-picker").select_option("nl")  # the device's language, chosen on the spot
    other.locator("#activation-code").fill(code.lower().replace("-", " "))
    other.locator("#new-password").fill("een-ander-wachtwoord")
    other.locator("#repeat-password").fill("een-ander-wachtwoord")
    other.get_by_role("button", name="Activeren en inloggen").click()
    expect(other.locator("#activation-code-error")).to_contain_text("al gebruikt")
    other.get_by_role("link", name="Terug naar inloggen").click()
    other.get_by_label("E-mailadres of gebruikersnaam").fill("Amal.Haddad")
    other.get_by_label("Wachtwoord", exact=True).fill(NEW_PASSWORD)
    other.get_by_role("button", name="Inloggen").click()
    other.get_by_test_id("home").wait_for()


def test_a_buddy_resets_the_password_with_the_link_from_the_mail(new_context, demo, smtp_inbox, live_server):
    page = new_context().new_page()
    page.goto("/")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.get_by_test_id("forgot").wait_for()
    expect(page.get_by_test_id("no-email-note")).to_contain_text("coördinator")
    page.get_by_label("E-mailadres").fill("buddy@demo.maatje.nl")
    page.get_by_role("button", name="Stuur de link").click()
    expect(page.get_by_test_id("forgot-sent")).to_contain_text("buddy@demo.maatje.nl")

    [message] = smtp_inbox.to("buddy@demo.maatje.nl")  # waits for the mail sent after the answer
    link = re.search(r"https://maatje\.test(/wachtwoord-herstellen#\S+)", message.get_body(("plain",)).get_content())[1]
    page.goto(link)
    page.get_by_test_id("reset-form").wait_for()
    page.locator("#new-password").fill(NEW_PASSWORD)
    page.locator("#repeat-password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Opslaan en inloggen").click()
    page.get_by_test_id("home").wait_for()

    # The link works once; the new password logs in anywhere.
    again = new_context().new_page()
    again.goto(link)
    again.locator("#new-password").fill("nog-een-wachtwoord")
    again.locator("#repeat-password").fill("nog-een-wachtwoord")
    again.get_by_role("button", name="Opslaan en inloggen").click()
    expect(again.get_by_test_id("reset-error")).to_contain_text("al gebruikt")
    again.get_by_role("link", name="Terug naar inloggen").click()
    again.get_by_label("E-mailadres of gebruikersnaam").fill("buddy@demo.maatje.nl")
    again.get_by_label("Wachtwoord", exact=True).fill(NEW_PASSWORD)
    again.get_by_role("button", name="Inloggen").click()
    again.get_by_test_id("home").wait_for()
