"""The public buddy sign-up in real Chromium: a volunteer signs up in Arabic and the confirmation
mail arrives at a real SMTP server in Arabic; an MDT sign-up that is too old is told at the field;
nothing typed is lost going back or offline; axe and 360 px screenshots of every step (nl/ar/ti)."""
import datetime as dt

import sqlalchemy as sa
from flask_babel import force_locale, gettext
from playwright.sync_api import expect

from backend.accounts.models import User
from backend.buddies.models import BuddyProfile
from backend.catalogues.catalogue import PRIVACY_VERSION
from backend.extensions import db as _db
from tests.e2e.conftest import axe_violations, pick_date, screenshot_in_three_languages, wait_for_service_worker

PASSWORD = "zon-over-de-vecht"


def next_step(page, name):
    """Press "next" (the form's submit button) and wait for the step called `name`."""
    page.locator("form button[type=submit]").click()
    page.get_by_test_id(f"signup-step-{name}").wait_for()


def test_a_volunteer_signs_up_in_arabic_and_the_mail_arrives_in_arabic(new_context, app, smtp_inbox):
    with app.app_context(), app.test_request_context(), force_locale("ar"):
        subject = gettext("We hebben je aanmelding als maatje ontvangen")
    context = new_context()
    page = context.new_page()
    page.goto("/")
    page.get_by_test_id("signup-link").click()
    page.get_by_test_id("signup").wait_for()
    page.get_by_test_id("language-picker").select_option("ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    # Step 1: who you are (the language of the mails follows the page's).
    expect(page.locator("#signup-locale")).to_have_value("ar")
    page.locator("#signup-name").fill("ليلى")
    page.locator("#signup-email").fill("laila@example.org")
    page.locator("#new-password").fill(PASSWORD)
    page.locator("#repeat-password").fill(PASSWORD + "!")
    page.locator("form button[type=submit]").click()
    expect(page.locator("#repeat-password-error")).to_be_visible()  # the two differ: not on
    page.locator("#repeat-password").fill(PASSWORD)
    next_step(page, "kind")

    # Step 2: the kinds of buddy are the catalogue's Arabic labels.
    with app.app_context(), app.test_request_context(), force_locale("ar"):
        from backend.catalogues.catalogue import translated
        labels = translated()
    volunteer = next(e["label"] for e in labels["buddy_kinds"] if e["code"] == "volunteer")
    page.get_by_test_id("signup-kind").get_by_label(volunteer).check()
    expect(page.get_by_test_id("mdt-fields")).to_have_count(0)
    next_step(page, "languages")
    page.locator("form button[type=submit]").click()
    expect(page.locator("#signup-languages-error")).to_be_visible()  # at least one language
    for code in ("ar", "nl"):
        label = next(e["label"] for e in labels["languages"] if e["code"] == code)
        page.get_by_test_id("signup-languages").get_by_label(label, exact=True).check()
    next_step(page, "interests")
    cooking = next(e["label"] for e in labels["interests"] if e["code"] == "cooking")
    page.get_by_test_id("signup-interests").get_by_label(cooking).check()
    next_step(page, "availability")
    page.locator(".availability button.btn-secondary").click()  # one weekly moment
    page.locator("#slot-0-day").select_option("2")

    # Going back keeps everything, even the password (it is never stored, but kept in the page).
    page.locator(".step-buttons button.btn-secondary").click()
    page.get_by_test_id("signup-step-interests").wait_for()
    expect(page.get_by_test_id("signup-interests").get_by_label(cooking)).to_be_checked()
    for name in ("languages", "kind", "about"):
        page.locator(".step-buttons button.btn-secondary").click()
        page.get_by_test_id(f"signup-step-{name}").wait_for()
    expect(page.locator("#signup-name")).to_have_value("ليلى")
    expect(page.locator("#new-password")).to_have_value(PASSWORD)
    for name in ("kind", "languages", "interests", "availability"):
        next_step(page, name)
    expect(page.locator("#slot-0-day")).to_have_value("2")
    next_step(page, "place")

    # Step 6: a searchable municipality, how many newcomers.
    page.locator("#signup-municipality-search").fill("utrec")
    page.get_by_test_id("signup-municipality").get_by_label("Utrecht (Utrecht)").check()
    expect(page.get_by_test_id("chosen-municipality")).to_contain_text("Utrecht")
    page.get_by_test_id("signup-capacity").locator("input[value='2']").check()
    next_step(page, "consent")

    # Step 7: the privacy statement's version; sending offline keeps everything, and says so.
    expect(page.get_by_test_id("privacy-version")).to_contain_text(PRIVACY_VERSION)
    page.locator("#signup-consent").check()
    context.set_offline(True)
    expect(page.get_by_test_id("signup-offline")).to_be_visible()
    page.locator("form button[type=submit]").click()
    expect(page.get_by_test_id("signup-error")).not_to_be_empty()
    with app.app_context():
        assert _db.session.scalar(sa.select(User).where(User.email == "laila@example.org")) is None
    context.set_offline(False)
    expect(page.get_by_test_id("signup-offline")).to_have_count(0)
    expect(page.locator("#signup-consent")).to_be_checked()
    page.locator("form button[type=submit]").click()
    page.get_by_test_id("signup-done").wait_for()
    expect(page.get_by_test_id("signup-done")).to_contain_text("laila@example.org")

    with app.app_context():
        user = _db.session.scalar(sa.select(User).where(User.email == "laila@example.org"))
        profile = _db.session.get(BuddyProfile, user.id)
        assert (user.locale, user.display_name, user.organisation.code) == ("ar", "ليلى", "GM0344")
        assert (profile.kind, profile.state, profile.capacity, profile.gender) == ("volunteer", "signed_up", 2, None)
        assert profile.languages == ["nl", "ar"] and profile.interests == ["cooking"]  # catalogue order
        assert profile.availability == [{"day": 2, "start": "09:00", "end": "12:00"}]
        assert profile.consent_version == PRIVACY_VERSION

    [message] = smtp_inbox.to("laila@example.org")
    assert message["Subject"] == subject  # the Arabic catalog's wording (Dutch where it has none yet)
    assert message["Content-Language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in message.get_body(("html",)).get_content()
    assert "ليلى" in message.get_body(("plain",)).get_content()

    # A reload does not bring the sent form back: the draft went with the sign-up.
    page.goto("/aanmelden")
    page.get_by_test_id("signup-step-about").wait_for()
    expect(page.locator("#signup-name")).to_have_value("")


def years_ago(years, days=0):
    today = dt.date.today()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:
        day = today.replace(year=today.year - years, day=28)
    return (day - dt.timedelta(days=days)).isoformat()


def test_an_mdt_sign_up_too_old_is_told_at_the_birth_date(new_context, app):
    page = new_context().new_page()
    page.goto("/aanmelden")
    page.get_by_test_id("signup-step-about").wait_for()
    page.get_by_label("Naam", exact=True).fill("Daan")
    page.get_by_label("E-mailadres").fill("daan@example.org")
    page.locator("#new-password").fill(PASSWORD)
    page.locator("#repeat-password").fill(PASSWORD)
    next_step(page, "kind")
    page.get_by_label("MDT (maatschappelijke diensttijd)").check()
    expect(page.get_by_test_id("hours-target")).to_contain_text("80 uur")
    expect(page.get_by_test_id("signup-gender").get_by_label("Zeg ik liever niet")).to_be_checked()  # optional
    page.get_by_test_id("signup-gender").get_by_label("Man").check()
    start = dt.date.today() + dt.timedelta(days=14)
    pick_date(page, "signup-birth-date", years_ago(31, days=1))
    pick_date(page, "signup-mdt-start", start.isoformat())
    pick_date(page, "signup-mdt-end", (start + dt.timedelta(days=120)).isoformat())
    page.locator("form button[type=submit]").click()
    expect(page.locator("#signup-birth-date-error")).to_contain_text("12 tot en met 30")
    expect(page.locator("#signup-birth-date select[data-part=year]")).to_have_attribute("aria-invalid", "true")
    page.get_by_test_id("signup-step-kind").wait_for()  # still here

    # The server says the same, at the same field, when the page's check is passed by (an old
    # draft, another client): a payload straight to the API answers 422 on birth_date.
    response = page.request.post("/api/buddies/signup", headers={"Accept-Language": "nl"}, data={
        "display_name": "Daan", "email": "daan@example.org", "password": PASSWORD, "locale": "nl", "kind": "mdt",
        "birth_date": years_ago(31, days=1), "mdt_start": start.isoformat(),
        "mdt_end": (start + dt.timedelta(days=120)).isoformat(), "languages": ["nl"], "municipality": "GM0344",
        "privacy_version": PRIVACY_VERSION})
    assert response.status == 422 and "birth_date" in response.json()["errors"]

    # A birth date inside the range goes on.
    pick_date(page, "signup-birth-date", years_ago(19))
    next_step(page, "languages")
    with app.app_context():
        assert _db.session.scalar(sa.select(User).where(User.email == "daan@example.org")) is None


def test_a_server_error_lands_at_its_field_on_its_step(new_context, app):
    """An address the server refuses (422 per field) sends the page back to step 1, at the field."""
    page = new_context().new_page()
    page.goto("/aanmelden")
    page.get_by_test_id("signup-step-about").wait_for()  # (the screen saves its own empty draft when it opens)
    page.evaluate("""(version) => sessionStorage.setItem('maatje.signup.draft', JSON.stringify({step: 'consent',
        draft: {display_name: 'Eva', email: 'eva@example.org', kind: 'volunteer', languages: ['nl'],
                municipality: 'GM0344', capacity: 1, consent: true}}))""", PRIVACY_VERSION)
    page.reload()
    page.get_by_test_id("signup-step-consent").wait_for()  # the draft came back, on its step
    expect(page.locator("#signup-consent")).to_be_checked()
    page.locator("form button[type=submit]").click()
    # The password is never stored: step 1 asks for it, the rest is kept.
    page.get_by_test_id("signup-step-about").wait_for()
    expect(page.locator("#new-password-error")).to_be_visible()
    expect(page.locator("#signup-email")).to_have_value("eva@example.org")
    page.locator("#new-password").fill("eva@example.org")  # the server refuses a password like the address
    page.locator("#repeat-password").fill("eva@example.org")
    for name in ("kind", "languages", "interests", "availability", "place", "consent"):
        next_step(page, name)
    page.locator("form button[type=submit]").click()
    page.get_by_test_id("signup-step-about").wait_for()
    expect(page.locator("#new-password-error")).to_be_visible()
    expect(page.locator("#new-password")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#signup-name")).to_have_value("Eva")


def screenshots(page, name):
    """The step from its top (a full-page shot of a scrolled page draws the sticky bar mid-page)."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    screenshot_in_three_languages(page, name)


def test_axe_and_screenshots_of_every_step(new_context):
    page = new_context(bypass_csp=True).new_page()  # axe-core is injected as an inline script
    page.goto("/aanmelden")
    page.get_by_test_id("signup-step-about").wait_for()
    page.locator("#signup-name").fill("Sanne")
    page.locator("#signup-email").fill("sanne@example.org")
    page.locator("#new-password").fill(PASSWORD)
    page.locator("#repeat-password").fill(PASSWORD)
    steps = [("about", None), ("kind", lambda: (page.get_by_label("MDT (maatschappelijke diensttijd)").check(),
                                                pick_date(page, "signup-birth-date", years_ago(19)),
                                                pick_date(page, "signup-mdt-start", dt.date.today().isoformat()),
                                                pick_date(page, "signup-mdt-end", 
                                                    (dt.date.today() + dt.timedelta(days=150)).isoformat()))),
             ("languages", lambda: page.get_by_label("Nederlands", exact=True).check()),
             ("interests", lambda: page.get_by_label("Koken").check()),
             ("availability", lambda: page.locator(".availability button.btn-secondary").click()),
             ("place", lambda: (page.locator("#signup-municipality-search").fill("ut"),
                                page.get_by_label("Utrecht (Utrecht)").check())),
             ("consent", lambda: page.locator("#signup-consent").check())]
    for i, (name, fill) in enumerate(steps):
        if i:
            next_step(page, name)
        if fill:
            fill()
        assert axe_violations(page) == [], name
        screenshots(page, f"signup-{name}")
    # An error shown at its field passes axe too.
    page.locator("#signup-consent").uncheck()
    page.locator("form button[type=submit]").click()
    expect(page.locator("#signup-consent-error")).to_be_visible()
    assert axe_violations(page) == []
    page.locator("#signup-consent").check()
    page.locator("form button[type=submit]").click()
    page.get_by_test_id("signup-done").wait_for()
    assert axe_violations(page) == []
    screenshots(page, "signup-done")


def test_opened_offline_the_page_asks_for_a_connection_for_its_choices(new_context):
    """The page itself opens from the service worker's cache; its choices need the server once."""
    context = new_context()
    page = context.new_page()
    page.goto("/aanmelden")
    page.get_by_test_id("signup-step-about").wait_for()
    wait_for_service_worker(page)
    page.evaluate("() => sessionStorage.clear()")  # no choices fetched in this tab yet
    context.set_offline(True)
    page.reload()
    page.get_by_test_id("signup-step-about").wait_for()
    page.locator("#signup-name").fill("Noor")
    page.locator("#signup-email").fill("noor@example.org")
    page.locator("#new-password").fill(PASSWORD)
    page.locator("#repeat-password").fill(PASSWORD)
    next_step(page, "kind")
    expect(page.get_by_test_id("choices-missing")).to_contain_text("verbinding")
    expect(page.locator("form button[type=submit]")).to_be_disabled()
    context.set_offline(False)  # back online: the choices come by themselves
    expect(page.get_by_test_id("choices-missing")).to_have_count(0)
    page.get_by_label("Vrijwilliger").check()
    page.locator(".step-buttons button.btn-secondary").click()
    page.get_by_test_id("signup-step-about").wait_for()
    expect(page.locator("#signup-name")).to_have_value("Noor")  # nothing typed was lost
