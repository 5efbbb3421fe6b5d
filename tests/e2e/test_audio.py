"""Audio in real Chromium with a fake microphone: the buddy records a phrase on /opnemen offline,
the clip goes on reconnect and shows as stored; a clip the server refuses shows its message;
axe and 360 px screenshots of /opnemen in Dutch, Arabic and Tigrinya."""
import json

import pytest
from playwright.sync_api import expect

from backend.config import ROOT
from tests.conftest import PASSWORD
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, axe_violations, log_in, speaks, wait_for_service_worker

SCREENSHOTS = ROOT / "test-results" / "screenshots"
CONTENT = ROOT / "pwa" / "public" / "content"  # made by `make catalogs` (make test runs it)


def catalogue_of(lang: str) -> dict:
    return json.loads((CONTENT / f"{lang}.json").read_text(encoding="utf-8"))


def first_phrases(n: int = 2) -> list[str]:
    """The ids of the first phrases of the theme kennismaken in the real catalogue."""
    return [p["id"] for p in catalogue_of("nl")["phrases"] if p["theme"] == "kennismaken"][:n]


def theme_label(lang: str) -> str:
    return next(t["label"] for t in catalogue_of(lang)["themes"] if t["code"] == "kennismaken")




@pytest.fixture(scope="module")
def browser(playwright):
    """Chromium with a fake microphone (a beep) that needs no permission prompt."""
    args = [*CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required"]
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def pair(make_user, make_match):
    """Amal (newcomer) and Sanne (buddy), an active match."""
    newcomer = make_user("newcomer", name="Amal Haddad")
    buddy = make_user("buddy", name="Sanne de Vries")
    return newcomer, buddy, str(make_match(newcomer, buddy).id)


def store_catalogue(page, lang):
    """Put the catalogue of `lang` where the app keeps it (meta.phrases), as a first online visit
    leaves it: the screens below then work without fetching it."""
    catalogue = catalogue_of(lang)
    page.evaluate("""async (catalogue) => {
        const open = indexedDB.open('maatje');
        await new Promise((ok) => open.onsuccess = ok);
        const tx = open.result.transaction(['meta'], 'readwrite');
        tx.objectStore('meta').put({key: 'phrases', value: catalogue});
        await new Promise((ok) => tx.oncomplete = ok);
        open.result.close();
    }""", catalogue)


def phrase_item(page, phrase_id):
    return page.locator(f"[data-testid=record-phrase][data-phrase='{phrase_id}']")


def record(page, phrase_id, seconds=1.5):
    """Open the recorder of a phrase, record a short clip from the fake microphone, save it."""
    item = phrase_item(page, phrase_id)
    item.get_by_role("button", name="Inspreken").click()
    item.get_by_role("button", name="Opnemen").click()
    expect(item.get_by_role("timer")).to_contain_text("seconden")  # the countdown runs
    page.wait_for_timeout(seconds * 1000)
    item.get_by_role("button", name="Stop").click()
    item.get_by_role("button", name="Opslaan").click()


def open_record_screen(page, match_id):
    page.goto(f"/maatje/{match_id}")
    page.get_by_test_id("to-record").click()
    page.get_by_test_id("record-screen").wait_for()
    page.get_by_label("Kies een thema").select_option("kennismaken")


def no_overflow(page):
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_buddy_records_offline_and_the_clip_goes_on_reconnect(new_context, pair):
    newcomer, buddy, match_id = pair
    phone = new_context(viewport={"width": 360, "height": 800}, permissions=["microphone"])
    sanne = phone.new_page()
    log_in(sanne, buddy.email, PASSWORD)
    wait_for_service_worker(sanne)
    store_catalogue(sanne, "nl")
    open_record_screen(sanne, match_id)
    expect(sanne.get_by_test_id("record-for")).to_contain_text("Amal")
    first = first_phrases()[0]
    expect(phrase_item(sanne, first)).to_have_attribute("data-status", "none")

    phone.set_offline(True)
    record(sanne, first)
    expect(phrase_item(sanne, first)).to_have_attribute("data-status", "waiting")
    expect(phrase_item(sanne, first).get_by_role("status").first).to_contain_text("als je online bent")

    phone.set_offline(False)  # 'online': a sync round, the upload, and a round that brings its row
    expect(phrase_item(sanne, first)).to_have_attribute("data-status", "stored", timeout=20_000)
    expect(phrase_item(sanne, first).get_by_test_id("play-button")).to_have_attribute("data-voice", "recorded")
    expect(phrase_item(sanne, first).get_by_test_id("play-button")).to_contain_text("Stem van Sanne")


def test_a_refused_clip_shows_the_servers_message(new_context, pair):
    newcomer, buddy, match_id = pair
    phone = new_context(viewport={"width": 360, "height": 800}, permissions=["microphone"])
    sanne = phone.new_page()
    log_in(sanne, buddy.email, PASSWORD)
    wait_for_service_worker(sanne)
    store_catalogue(sanne, "nl")
    message = "Dit is geen geluidsopname die we kunnen afspelen. Neem het opnieuw op."
    phone.route("**/api/audio/*", lambda route: route.fulfill(
        status=415, content_type="application/json",
        body=json.dumps({"code": 415, "status": "Unsupported Media Type", "message": message})))
    open_record_screen(sanne, match_id)
    second = first_phrases()[1]
    record(sanne, second)
    item = phrase_item(sanne, second)
    expect(item).to_have_attribute("data-status", "refused")
    expect(item.get_by_role("alert")).to_contain_text(message)
    item.get_by_role("button", name="Weggooien").click()
    expect(item).to_have_attribute("data-status", "none")


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
def test_record_screen_at_360px(new_context, app, pair, lang):
    """A screenshot for review in test-results/screenshots/; no sideways scrolling; axe finds nothing."""
    newcomer, buddy, match_id = pair
    speaks(app, buddy, lang)
    phone = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}, permissions=["microphone"])
    page = phone.new_page()  # axe is injected inline
    log_in(page, buddy.email, PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    store_catalogue(page, lang)
    page.goto(f"/opnemen?maatje={match_id}")
    page.get_by_test_id("record-screen").wait_for()
    expect(page.locator("html")).to_have_attribute("lang", lang, timeout=15_000)
    page.locator("#record-theme").select_option("kennismaken")
    expect(page.locator("#record-theme option[value=kennismaken]")).to_have_text(theme_label(lang))
    page.get_by_test_id("record-phrase").first.locator("button.btn-secondary").last.click()  # open its recorder
    page.get_by_test_id("recorder").wait_for()
    page.wait_for_load_state("networkidle")
    no_overflow(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 360, "height": max(800, height)})
    page.screenshot(path=str(SCREENSHOTS / f"audio-record-{lang}-360.png"))
    if lang != "ti":
        assert axe_violations(page) == []


PRACTICE = ROOT / "pwa" / "src" / "features" / "practice" / "PracticeSessionScreen.tsx"


@pytest.mark.skipif(not PRACTICE.exists(), reason="needs the practice screens (branch pracui), which cache and play")
def test_the_newcomer_plays_the_buddys_clip_offline_from_the_cache(new_context, pair):
    newcomer, buddy, match_id = pair
    first = first_phrases()[0]
    sanne = new_context(permissions=["microphone"]).new_page()
    log_in(sanne, buddy.email, PASSWORD)
    store_catalogue(sanne, "nl")
    open_record_screen(sanne, match_id)
    record(sanne, first)
    expect(phrase_item(sanne, first)).to_have_attribute("data-status", "stored", timeout=20_000)

    phone = new_context(viewport={"width": 360, "height": 800})
    amal = phone.new_page()
    log_in(amal, newcomer.email, PASSWORD)
    wait_for_service_worker(amal)
    store_catalogue(amal, "nl")
    url = amal.evaluate("""(id) => new Promise((ok) => {
        const started = Date.now();
        const check = () => {
            const open = indexedDB.open('maatje');
            open.onsuccess = () => {
                const all = open.result.transaction('phrase_audio').objectStore('phrase_audio').getAll();
                all.onsuccess = () => {
                    open.result.close();
                    const row = all.result.find((r) => r.data.phrase_id === id && r.data.by === 'buddy');
                    if (row || Date.now() - started > 20000) ok(row ? row.data.url : null);
                    else setTimeout(check, 200);
                };
            };
        };
        check();
    })""", first)
    assert url, "the clip's row did not reach the newcomer's phone"
    amal.goto("/oefenen")  # the practice home keeps today's audio for offline
    cached = amal.evaluate("""(url) => new Promise((ok) => {
        const started = Date.now();
        const check = () => caches.open('maatje-user-audio').then((c) => c.match(url)).then((hit) =>
            hit || Date.now() - started > 15000 ? ok(Boolean(hit)) : setTimeout(check, 200));
        check();
    })""", url)
    assert cached, "the clip was not kept for offline"

    phone.set_offline(True)
    answers = []
    amal.on("response", lambda r: answers.append((r.url, r.from_service_worker, r.status)) if "/api/audio/" in r.url else None)
    amal.goto("/oefenen/sessie")
    card = amal.get_by_test_id("phrase-card")
    expect(card).to_have_attribute("data-phrase", first)
    if card.get_by_test_id("reveal").count():
        card.get_by_test_id("reveal").click()
    play = card.get_by_test_id("play-button")
    expect(play).to_contain_text("Stem van Sanne")
    play.get_by_role("button", name="Luister").click()
    amal.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=phrase-audio]')].some((a) => a.readyState >= 2)")
    expect(play.get_by_role("alert")).to_have_count(0)
    assert answers and all(from_sw and status == 200 for _, from_sw, status in answers), answers


def test_the_newcomer_records_a_try_compares_it_and_it_stays_on_the_phone(new_context, pair):
    """In a practice session: record a try after the answer, play it after the model voice; it is
    kept on this phone only (nothing is uploaded) until the newcomer shares it with the buddy."""
    newcomer, _, match_id = pair
    phone = new_context(viewport={"width": 360, "height": 800}, permissions=["microphone"])
    amal = phone.new_page()
    uploads = []
    amal.on("request", lambda r: uploads.append(r.url) if r.method == "PUT" and "/api/audio/" in r.url else None)
    log_in(amal, newcomer.email, PASSWORD)
    amal.goto("/oefenen/sessie")
    card = amal.get_by_test_id("phrase-card")
    card.wait_for()
    if card.get_attribute("data-mode") == "type":
        amal.get_by_test_id("typed").fill("ik weet het niet")
        amal.get_by_test_id("check").click()
    else:
        card.get_by_test_id("reveal").click()
    recorder = card.get_by_test_id("attempt-recorder")
    recorder.get_by_role("button", name="Zeg het zelf en neem het op").click()
    expect(recorder.get_by_role("timer")).to_contain_text("seconden")
    amal.wait_for_timeout(1200)
    recorder.get_by_role("button", name="Stop").click()
    expect(recorder).to_contain_text("Je opnames blijven op je telefoon, tenzij je ze deelt.")
    recorder.get_by_role("button", name="Vergelijk").click()
    amal.wait_for_function(  # the model voice, then the own try: an audio element got to play
        "() => [...document.querySelectorAll('[data-testid=attempt-recorder] audio')].some((a) => a.readyState >= 2)")
    tries = amal.evaluate("""() => new Promise((ok) => {
        const open = indexedDB.open('maatje');
        open.onsuccess = () => {
            const all = open.result.transaction('attempt').objectStore('attempt').getAll();
            all.onsuccess = () => { open.result.close(); ok(all.result.map((a) => a.blob.size)); };
        };
    })""")
    assert len(tries) == 1 and tries[0] > 500, tries
    amal.wait_for_timeout(500)
    assert uploads == []  # kept on the phone

    recorder.get_by_role("button", name="Deel met je maatje").click()
    expect(recorder).to_contain_text("Je maatje krijgt je opname")
    for _ in range(50):
        if uploads:
            break
        amal.wait_for_timeout(200)
    assert len(uploads) == 1
