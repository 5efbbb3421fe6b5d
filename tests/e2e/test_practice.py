"""Phrase practice on the phone in real Chromium: a newcomer practises ten phrases offline (the
ratings wait), reconnects (they are sent), and a second phone of hers shows the same due count and
streak; typing shows the word diff; four answer buttons; the consents reach the server; axe-core
and 360 px screenshots of the practice home, a session and the settings in Dutch, Arabic and
Tigrinya. Needs the phrase catalogues (pwa/public/content/<lang>.json, made by `make catalogs`)."""
import re
import time
import uuid
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
    show_answer(page)
    page.get_by_test_id("answer-bar").get_by_role("button", name=rating_label, exact=True).click()


def show_answer(page):
    """Show the answer of the open card: type something first in type mode."""
    card = page.get_by_test_id("phrase-card")
    if card.get_attribute("data-mode") == "type":
        # Typed from the translation, or from the voice alone (no text shown): any try will do.
        prompt = card.get_by_test_id("phrase-t")
        page.get_by_test_id("typed").fill(prompt.inner_text() if prompt.count() else "ik weet het niet")
        page.get_by_test_id("check").click()
    else:
        page.get_by_test_id("reveal").click()


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


def eventually(read, ok, seconds=20):
    """What `read` returns once `ok` holds for it (polled: the phone sends in the background)."""
    deadline = time.monotonic() + seconds
    while True:
        value = read()
        if ok(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


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


def add_branch_phrase(app, user, nl, translations):
    """A phrase the user's municipality added itself (synced to everyone of that branch)."""
    from backend.extensions import db
    from backend.phrases.branch import org_phrase_data, phrase_id
    from backend.phrases.models import OrgPhrase
    from backend.sync import changes

    with app.app_context():
        phrase = OrgPhrase(organisation_id=user.organisation_id, nl=nl, theme="gemeente", level="A1",
                           translations=translations, note="")
        db.session.add(phrase)
        db.session.flush()
        changes.record_put("org_phrase", phrase_id(phrase), f"branch:{phrase.organisation_id}", org_phrase_data(phrase))
        db.session.commit()


def test_typing_shows_the_word_diff_in_style_and_in_words(new_context, app, amal):
    add_branch_phrase(app, amal, "Het gemeentehuis staat aan de Markt.", {"en": "The town hall is on the market square."})
    page = phone(new_context)
    log_in(page, amal.email, PASSWORD)
    open_practice(page)
    change_settings(page, modes=["type"])
    use_language(page, "en")  # typing asks for the Dutch of a translation: not in a Dutch interface
    page.goto("/oefenen")
    expect(page.locator("[data-theme=org]")).to_be_visible()  # the branch's own phrases, a theme of their own
    page.locator("[data-theme=org]").get_by_test_id("practise-theme").click()
    card = page.get_by_test_id("phrase-card")
    expect(card).to_have_attribute("data-mode", "type")
    expect(card.get_by_test_id("phrase-t")).to_contain_text("The town hall is on the market square.")
    page.get_by_test_id("typed").fill("gemeentehuis staat aan de markt zeker")  # "Het" missing, one word extra
    page.get_by_test_id("check").click()
    diff = page.get_by_test_id("word-diff")
    expect(diff).to_have_attribute("data-correct", "false")
    statuses = diff.locator(".w").evaluate_all("els => els.map(e => e.dataset.status)")
    assert statuses == ["missing", "ok", "ok", "ok", "ok", "ok", "extra"], statuses
    # Not colour alone: each wrong, missing or extra word says so in words for a screen reader,
    # and carries a sign for the eye.
    marked = diff.locator(".w:not(.w-ok) .visually-hidden").all_inner_texts()
    assert len(marked) == 2 and all(len(t.strip()) > 2 for t in marked), marked
    assert diff.locator(".w:not(.w-ok) .w-sign").count() == 2
    expect(card.get_by_test_id("phrase-nl")).to_have_text("Het gemeentehuis staat aan de Markt.")  # then the Dutch itself
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
    # Sent in the background: the badge may read 0 before the change is even queued, so ask the server.
    row = eventually(lambda: stored_settings(app, amal), lambda r: r is not None and r.progress_consent_at is not None)
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


def add_history(app, user, days_ago):
    """Reviews made earlier on another phone of the user's: six phrases on each of those days."""
    import datetime as dt
    import json
    from zoneinfo import ZoneInfo

    from backend.extensions import db
    from backend.phrases.models import Review
    from backend.phrases.service import review_data
    from backend.sync import changes

    catalogue = json.loads((Path(app.config["PWA_DIST"]) / "content" / "nl.json").read_text())
    ids = [p["id"] for p in catalogue["phrases"][:12]]
    amsterdam = ZoneInfo("Europe/Amsterdam")
    today = dt.datetime.now(amsterdam).date()
    with app.app_context():
        for ago in days_ago:
            noon = dt.datetime.combine(today - dt.timedelta(days=ago), dt.time(12), amsterdam).astimezone(dt.UTC)
            for k in range(6):
                review = Review(id=uuid.uuid4(), user_id=user.id, phrase_id=ids[(ago + k) % len(ids)], rating=3,
                                mode="recognise", reviewed_at=noon + dt.timedelta(minutes=k), card=None)
                db.session.add(review)
                db.session.flush()
                changes.record_put("review", review.id, f"user:{user.id}", review_data(review))
        db.session.commit()


SCREENS = {
    "home": ("/oefenen", "themes"),
    "session": ("/oefenen/sessie", "phrase-card"),
    "settings": ("/oefenen/instellingen", "practice-settings"),
}


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_each_practice_screen_at_360px(new_context, app, amal, screen, lang):
    """A screenshot of each for review; no sideways scrolling; axe-core finds nothing (nl, ar)."""
    add_history(app, amal, [1, 3, 4, 8, 9, 15, 22, 30, 40])  # a streak of 3 (2 days ago forgiven)
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
    if screen == "home":
        expect(page.get_by_test_id("streak")).to_have_attribute("data-days", "3")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.wait_for_load_state("networkidle")
    no_overflow(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"practice-{screen}-{lang}-360.png"))
    if lang in ("nl", "ar"):
        assert axe_violations(page) == []


def test_the_home_card_and_the_nav_lead_a_newcomer_to_practice(new_context, make_user, amal):
    page = phone(new_context)
    log_in(page, amal.email, PASSWORD)
    card = page.get_by_test_id("practice-card")
    expect(card).to_contain_text("Vandaag 10 zinnen.")
    page.get_by_role("navigation").get_by_role("link", name="Oefenen").click()
    page.get_by_test_id("practice-home").wait_for()
    # A theme can be practised even when nothing of it is due.
    page.locator("[data-theme=kennismaken]").get_by_test_id("practise-theme").click()
    expect(page.get_by_test_id("phrase-card")).to_have_attribute("data-phrase", re.compile(r"^kennismaken\."))

    # A buddy may practise too: a small card on the home screen, no item in the bottom bar.
    sanne = make_user("buddy", name="Sanne de Vries")
    buddy = phone(new_context)
    log_in(buddy, sanne.email, PASSWORD)
    expect(buddy.get_by_test_id("practice-card")).to_contain_text("Oefen zelf ook mee")
    expect(buddy.get_by_role("navigation").get_by_role("link", name="Oefenen")).to_have_count(0)


def test_the_first_session_fetches_its_own_catalogue_and_the_audio_of_its_first_cards_only(new_context, amal):
    """After install, practice needs the catalogue of the app's language and the audio of the
    cards it will show first (at most 20), not all languages and all audio; then a whole session
    runs offline with the computer voice from the phone's cache."""
    context = new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if ("/content/" in r.url or "/audio/" in r.url) else None)
    log_in(page, amal.email, PASSWORD)
    wait_for_service_worker(page)
    open_practice(page)
    audio = lambda: sorted({u.split("?")[0] for u in fetched if "/audio/tts/" in u})  # noqa: E731
    for _ in range(100):  # the home keeps today's audio in the background
        if len(audio()) >= 10:
            break
        page.wait_for_timeout(200)
    catalogues = sorted({re.sub(r"\?.*", "", u.rsplit("/", 1)[1]) for u in fetched if "/content/" in u})
    assert catalogues == ["nl.json"], catalogues
    assert 10 <= len(audio()) <= 20, audio()

    context.set_offline(True)
    page.goto("/oefenen/sessie")
    card = page.get_by_test_id("phrase-card")
    for _ in range(3):  # the first cards, each heard in the computer voice, offline
        card.wait_for()
        show_answer(page)
        play = card.get_by_test_id("play-button")
        expect(play).to_have_attribute("data-voice", "computer")
        play.get_by_role("button", name="Luister").click()
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=phrase-audio]')].some((a) => a.readyState >= 2)")
        expect(play.get_by_role("alert")).to_have_count(0)
        page.get_by_test_id("answer-bar").get_by_role("button", name="Goed", exact=True).click()
