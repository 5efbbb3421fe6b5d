"""Phrase practice on the phone in real Chromium: a newcomer practises ten phrases offline (the
ratings wait), reconnects (they are sent), and a second phone of hers shows the same due count and
streak; typing shows the word diff; four answer buttons; the consents reach the server; axe-core
and 360 px screenshots of the practice home, a session and the settings in Dutch, Arabic and
Tigrinya. Needs the phrase catalogues (pwa/public/content/<lang>.json, made by `make catalogs`)."""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from backend.config import ROOT
from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_violations, log_in, wait_for_service_worker

SCREENSHOTS = ROOT / "test-results" / "screenshots"


@pytest.fixture(autouse=True)
def catalogues(app):
    """The phrase catalogues must be in the built app: practice has nothing to show without them."""
    for lang in ("nl", "ar", "ti"):
        if not (Path(app.config["PWA_DIST"]) / "content" / f"{lang}.json").exists():
            pytest.fail(f"No phrase catalogue content/{lang}.json in the built PWA: run `make catalogs` and build.")


@pytest.fixture
def amal(make_user):
    return make_user("newcomer", name="Amal Haddad")


def phone(new_context):
    return new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()  # axe is injected inline


def open_practice(page):
    """The practice home, once the first sync round is over and the catalogue is in."""
    page.goto("/oefenen")
    page.get_by_test_id("due-today").wait_for()
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=15_000)


def answer(page, rating_label):
    """Show the answer of the open card (typing something first in type mode) and rate it."""
    card = page.get_by_test_id("phrase-card")
    if card.get_attribute("data-mode") == "type":
        page.get_by_test_id("typed").fill(card.get_by_test_id("phrase-t").inner_text())
        page.get_by_test_id("check").click()
    else:
        page.get_by_test_id("reveal").click()
    page.get_by_test_id("answer-bar").get_by_role("button", name=rating_label, exact=True).click()


def stored_reviews(app, user):
    from backend.extensions import db
    from backend.phrases.models import Review

    with app.app_context():
        return db.session.query(Review).filter_by(user_id=user.id).count()


def stored_settings(app, user):
    from backend.extensions import db
    from backend.phrases.models import PracticeSettings

    with app.app_context():
        row = db.session.get(PracticeSettings, user.id)
        db.session.expunge_all()
        return row


def themes_started(page):
    """How many phrases of each theme the practice home says are started."""
    return {t.get_attribute("data-theme"): int(t.get_attribute("data-started"))
            for t in page.get_by_test_id("themes").locator(".theme").all()}


def no_overflow(page):
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "wider than the phone"


def test_ten_phrases_offline_wait_sync_and_a_second_phone_agrees(new_context, app, amal):
    page = phone(new_context)
    log_in(page, amal.email, PASSWORD)
    wait_for_service_worker(page)
    open_practice(page)
    expect(page.get_by_test_id("due-today")).to_have_attribute("data-count", "10")  # ten new phrases a day
    expect(page.get_by_test_id("streak")).to_have_count(0)  # no streak talk before the first day

    page.context.set_offline(True)
    page.get_by_test_id("start").click()
    # A new phrase takes two good answers (seen, then remembered): a second round brings them back.
    for i in range(10):
        expect(page.get_by_test_id("session-count")).to_have_text(f"Zin {i + 1} van 10")
        answer(page, "Goed")
    expect(page.get_by_test_id("session-round")).to_be_visible()
    for i in range(10):
        expect(page.get_by_test_id("session-count")).to_have_text(f"Zin {i + 1} van 10")
        answer(page, "Goed")
    done = page.get_by_test_id("session-done")
    expect(done).to_contain_text("Je hebt 10 zinnen geoefend.")
    expect(done).to_contain_text("Kom morgen terug")

    # Offline the ratings wait on the phone, and the home counts them as done.
    page.get_by_test_id("back-home").click()
    expect(page.get_by_test_id("practice-waiting")).to_have_attribute("data-pending", "20")
    expect(page.get_by_test_id("practice-waiting")).to_contain_text("20 antwoorden wachten op verzending.")
    expect(page.get_by_test_id("due-today")).to_have_attribute("data-count", "0")
    expect(page.get_by_test_id("streak")).to_have_attribute("data-days", "1")
    assert stored_reviews(app, amal) == 0

    page.context.set_offline(False)
    expect(page.get_by_test_id("practice-waiting")).to_have_count(0, timeout=20_000)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0")
    assert stored_reviews(app, amal) == 20

    # Her other phone pulls the reviews, replays them, and shows the same day.
    other = phone(new_context)
    log_in(other, amal.email, PASSWORD)
    open_practice(other)
    expect(other.get_by_test_id("due-today")).to_have_attribute("data-count", "0")
    expect(other.get_by_test_id("streak")).to_have_attribute("data-days", "1")
    started = themes_started(other)
    assert started == themes_started(page)
    assert sum(started.values()) == 10


def change_settings(page, **choices):
    page.goto("/oefenen/instellingen")
    form = page.get_by_test_id("practice-settings")
    form.wait_for()
    for mode in ("recognise", "recall", "listen", "type"):
        if mode in choices.get("modes", ()):
            form.get_by_test_id(f"mode-{mode}").check()
        elif "modes" in choices:
            form.get_by_test_id(f"mode-{mode}").uncheck()
    if "buttons" in choices:
        form.get_by_label(choices["buttons"]).check()
    page.get_by_test_id("save-settings").click()
    expect(page.get_by_test_id("settings-status")).to_have_text("Je instellingen zijn bewaard.")


def test_typing_shows_the_word_diff_in_style_and_in_words(new_context, amal):
    page = phone(new_context)
    log_in(page, amal.email, PASSWORD)
    open_practice(page)
    change_settings(page, modes=["type"])
    use_language(page, "en")  # typing asks for the Dutch of a translation: not in a Dutch interface
    page.goto("/oefenen/sessie")
    card = page.get_by_test_id("phrase-card")
    expect(card).to_have_attribute("data-mode", "type")
    phrase_id = card.get_attribute("data-phrase")
    dutch = page.evaluate("id => fetch('/content/nl.json').then(r => r.json()).then(c => c.phrases.find(p => p.id === id).nl)", phrase_id)
    words = dutch.split()
    assert len(words) >= 2, dutch
    page.get_by_test_id("typed").fill(" ".join(words[1:] + ["zeker"]))  # the first word missing, one extra
    page.get_by_test_id("check").click()
    diff = page.get_by_test_id("word-diff")
    expect(diff).to_have_attribute("data-correct", "false")
    statuses = diff.locator(".w").evaluate_all("els => els.map(e => e.dataset.status)")
    assert "ok" in statuses and "missing" in statuses and "extra" in statuses, statuses
    # Not colour alone: each wrong, missing or extra word says so in words for a screen reader,
    # and carries a sign for the eye.
    marked = diff.locator(".w:not(.w-ok) .visually-hidden").all_inner_texts()
    assert len(marked) == len([s for s in statuses if s != "ok"]) and all(len(t.strip()) > 2 for t in marked), marked
    assert diff.locator(".w:not(.w-ok) .w-sign").count() == len(marked)
    expect(card.get_by_test_id("phrase-nl")).to_be_visible()  # then the Dutch itself
    expect(page.get_by_test_id("answer-bar").get_by_role("button")).to_have_count(2)
    no_overflow(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "practice-type-diff-en-360.png"), full_page=True)


def test_four_buttons_and_the_consents_are_saved(new_context, app, amal):
    page = phone(new_context)
    log_in(page, amal.email, PASSWORD)
    open_practice(page)
    change_settings(page, buttons="Vier knoppen: ‘Opnieuw’, ‘Moeilijk’, ‘Goed’ en ‘Makkelijk’", modes=["recognise"])
    page.goto("/oefenen/sessie")
    page.get_by_test_id("reveal").click()
    buttons = page.get_by_test_id("answer-bar").get_by_role("button")
    expect(buttons).to_have_text(["Opnieuw", "Moeilijk", "Goed", "Makkelijk"])
    buttons.nth(3).click()  # rated "easy"
    expect(page.get_by_test_id("session-count")).to_have_text("Zin 2 van 10")

    page.goto("/oefenen/instellingen")
    page.get_by_test_id("consent-together").check()
    page.get_by_test_id("consent-progress").check()
    page.get_by_test_id("save-settings").click()
    expect(page.get_by_test_id("settings-status")).to_have_text("Je instellingen zijn bewaard.")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)
    row = stored_settings(app, amal)
    assert row.buttons == 4 and row.modes == ["recognise"]
    assert row.together_consent_at is not None and row.progress_consent_at is not None
    # The form shows what was saved after a reload too.
    page.reload()
    expect(page.get_by_test_id("consent-together")).to_be_checked()
    expect(page.get_by_test_id("consent-progress")).to_be_checked()


def use_language(page, lang):
    page.goto("/profiel")
    page.get_by_test_id("language-picker").select_option(lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)


SCREENS = {
    "home": ("/oefenen", "themes"),
    "session": ("/oefenen/sessie", "phrase-card"),
    "settings": ("/oefenen/instellingen", "practice-settings"),
}


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_each_practice_screen_at_360px(new_context, amal, screen, lang):
    """A screenshot of each for review; no sideways scrolling; axe-core finds nothing (nl, ar)."""
    page = phone(new_context)
    log_in(page, amal.email, PASSWORD)
    use_language(page, lang)
    path, testid = SCREENS[screen]
    page.goto(path)
    page.get_by_test_id(testid).wait_for()
    if screen == "session":
        page.get_by_test_id("reveal").click()  # the answer and the buttons in view
        page.get_by_test_id("answer-bar").wait_for()
        dutch = page.get_by_test_id("phrase-nl").first
        expect(dutch).to_have_attribute("lang", "nl")
        expect(dutch).to_have_attribute("dir", "ltr")  # the Dutch stays left-to-right in an Arabic page
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.wait_for_load_state("networkidle")
    no_overflow(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"practice-{screen}-{lang}-360.png"))
    if lang in ("nl", "ar"):
        assert axe_violations(page) == []


def test_the_home_card_and_the_nav_lead_a_newcomer_to_practice(new_context, amal):
    page = phone(new_context)
    log_in(page, amal.email, PASSWORD)
    card = page.get_by_test_id("practice-card")
    expect(card).to_contain_text("Vandaag 10 zinnen.")
    page.get_by_role("navigation").get_by_role("link", name="Oefenen").click()
    page.get_by_test_id("practice-home").wait_for()
    # A theme can be practised even when nothing of it is due.
    page.locator("[data-theme=kennismaken]").get_by_test_id("practise-theme").click()
    expect(page.get_by_test_id("phrase-card")).to_have_attribute("data-phrase", re.compile(r"^kennismaken\."))
