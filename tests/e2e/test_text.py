"""Every script, bidirectional text and times in the user's language (issue 8 items 2-4)."""
import re

from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e.conftest import ROOT, log_in, open_profile, open_profile_by_nav, screenshot_in_three_languages, wait_for_service_worker

AMAL = "newcomer@demo.maatje.nl"
SHOTS = ROOT / "test-results" / "screenshots"

# The Ethiopic faces the page has loaded (not merely declared), e.g. ["400", "700"].
LOADED_ETHIOPIC = """async () => {
  await document.fonts.ready;
  return [...document.fonts]
    .filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans Ethiopic' && f.status === 'loaded')
    .map((f) => f.weight).sort();
}"""


def fonts_drawing(page, selector):
    """The fonts Chromium really drew the element's text with (CDP), e.g. {"Noto Sans Ethiopic"}."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}


def assert_ethiopic_drawn(page):
    # Headings (bold) and body text: text laid out before the font arrived once stayed in boxes.
    for selector in ("h1", "h2", ".next-steps li"):
        expect(page.locator(selector).first).to_be_visible()
        assert "Noto Sans Ethiopic" in fonts_drawing(page, selector), selector


def choose_language(page, lang):
    """Choose the language where the app offers it: on the profile once logged in (then back)."""
    elsewhere = page.get_by_test_id("language-picker").count() == 0
    if elsewhere:
        open_profile_by_nav(page)
    page.get_by_test_id("language-picker").select_option(lang)
    page.locator(f"html[lang={lang}]").wait_for(state="attached")
    if elsewhere:
        page.go_back()


def test_tigrinya_is_drawn_with_the_ethiopic_font_also_offline(new_context, demo):
    context = new_context()
    page = context.new_page()
    log_in(page, AMAL)
    wait_for_service_worker(page)
    choose_language(page, "ti")
    # The system has no Ethiopic font: the shipped one is what draws the Tigrinya text.
    expect(page.locator("h1")).not_to_contain_text("Hallo")
    assert page.evaluate(LOADED_ETHIOPIC) == ["400", "700"]  # body text and the bold heading
    assert page.evaluate("() => document.fonts.check('16px \"Noto Sans Ethiopic\"', 'ሰላም')")
    assert_ethiopic_drawn(page)
    # The font files are in the service worker's precache, so they are there offline.
    cached = page.evaluate("""async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls.filter((u) => u.includes('noto-sans-ethiopic') && u.endsWith('.woff2'));
    }""")
    assert len(cached) == 2

    context.set_offline(True)
    page.reload()
    page.get_by_test_id("home").wait_for()
    expect(page.locator("html")).to_have_attribute("lang", "ti")
    assert page.evaluate(LOADED_ETHIOPIC) == ["400", "700"]
    assert_ethiopic_drawn(page)

    # Weekday names are not English where Chromium has no Tigrinya data: the catalog's (or Dutch).
    page.goto("/profiel")
    page.get_by_test_id("profile").wait_for()
    page.locator(".availability button.btn-secondary").click()
    first_day = page.locator("#slot-0-day option").first.inner_text()
    assert first_day != "Monday"
    catalog = page.evaluate("() => fetch('/i18n/ti.json').then((r) => r.json())")
    assert first_day == (catalog["messages"].get("maandag") or "maandag")


def test_arabic_greeting_keeps_the_name_whole(page, make_user):
    make_user(email="amal.h@example.org", name="Amal H.", locale="ar")
    log_in(page, "amal.h@example.org", PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    heading = page.locator("h1")
    # The name is isolated, so its "." and the sentence's "!" do not swap places in RTL.
    expect(heading.locator("bdi")).to_have_text("Amal H.")
    catalog = page.evaluate("() => fetch('/i18n/ar.json').then((r) => r.json())")
    greeting = catalog["messages"].get("Hallo {name}!") or "Hallo {name}!"
    expect(heading).to_have_text(greeting.replace("{name}", "Amal H."))
    assert heading.evaluate("h => getComputedStyle(h.querySelector('bdi')).unicodeBidi") == "isolate"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 360, "height": 800})
    page.screenshot(path=str(SHOTS / "greeting-ar.png"))


def test_dutch_times_are_24_hour_and_still_saved(page, demo):
    log_in(page, AMAL)
    open_profile(page)
    page.get_by_role("button", name="Moment toevoegen").click()
    start, end = page.get_by_role("group", name="Van", exact=True), page.get_by_role("group", name="Tot", exact=True)
    hours = start.get_by_label("uur", exact=True)
    expect(hours).to_have_value("09")
    labels = hours.locator("option").all_inner_texts()
    assert labels[:3] == ["00", "01", "02"] and labels[9] == "09" and labels[21] == "21"
    assert not any(re.search(r"AM|PM", text) for text in labels)
    end.get_by_label("uur", exact=True).select_option("14")
    end.get_by_label("minuten", exact=True).select_option("30")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".form-status")).to_have_text("Opgeslagen.")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)
    page.reload()
    page.get_by_test_id("profile").wait_for()
    end = page.get_by_role("group", name="Tot", exact=True)
    expect(end.get_by_label("uur", exact=True)).to_have_value("14")
    expect(end.get_by_label("minuten", exact=True)).to_have_value("30")


def test_home_and_profile_screenshots_in_every_script(page, demo):
    """Kept for a person to look at: no empty boxes in any script, names and times in place."""
    log_in(page, AMAL)  # the home screen in every language: test_phone_shell's screenshots of every screen
    open_profile(page)
    page.get_by_role("button", name="Moment toevoegen").click()
    screenshot_in_three_languages(page, "text-profile")
    page.set_viewport_size({"width": 360, "height": 800})
    for lang in ("fa", "uk", "tr", "pl"):  # the other scripts: Persian, Cyrillic, Latin with diacritics
        choose_language(page, lang)
        page.screenshot(path=str(SHOTS / f"text-profile-{lang}.png"), full_page=True)
