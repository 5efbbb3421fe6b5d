"""The REAL phrase catalogue (backend/phrases/content/, translations/*/content.po): complete,
without duplicates, and small enough for a phone. Fails until the content is merged."""
import json

import pytest
from babel.messages.pofile import read_po

from backend.i18n import catalogs
from backend.phrases import content
from backend.phrases.themes import CONTENT_LANGUAGES, THEMES

MIN_PER_THEME, MIN_TOTAL, MAX_GZIPPED = 15, 300, 150 * 1024


@pytest.fixture(scope="module")
def phrases():
    try:
        found = content.load_phrases()
    except content.ContentError as err:
        pytest.fail(f"backend/phrases/content has problems:\n{err}")
    assert found, "backend/phrases/content/ has no phrases yet (the content is written on other branches)"
    return found


def test_every_theme_has_enough_phrases_and_the_whole_enough(phrases):
    per_theme = {code: sum(1 for p in phrases if p["theme"] == code) for code in THEMES}
    short = {code: n for code, n in per_theme.items() if n < MIN_PER_THEME}
    assert not short, f"themes with fewer than {MIN_PER_THEME} phrases: {short}"
    assert len(phrases) >= MIN_TOTAL, f"{len(phrases)} phrases, at least {MIN_TOTAL} wanted"


def test_every_phrase_has_a_theme_and_a_level_and_nothing_is_duplicated(phrases):
    # load_phrases refuses a missing theme or level and a duplicate id or Dutch text; say so plainly.
    assert all(p["theme"] in THEMES and p["level"] for p in phrases)
    assert len({p["id"] for p in phrases}) == len(phrases)
    assert len({p["nl"] for p in phrases}) == len(phrases)


@pytest.mark.parametrize("lang", CONTENT_LANGUAGES)
def test_every_phrase_and_theme_is_translated(phrases, lang):
    path = catalogs.po_path(lang, content.DOMAIN)
    assert path.exists(), f"{path} is missing: run `flask --app backend i18n update` and translate it"
    with open(path, "rb") as f:
        catalog = read_po(f, locale=lang)
    wanted = [(p["id"], p["nl"]) for p in phrases] + [(content.THEME_CONTEXT, label) for label in THEMES.values()]
    missing = [ctx for ctx, msgid in wanted if not (m := catalog.get(msgid, context=ctx)) or not m.string]
    assert not missing, f"{lang}: {len(missing)} without a translation, e.g. {missing[:5]}"


@pytest.mark.parametrize("lang", catalogs.LANGUAGES)
def test_each_phone_catalogue_is_at_most_150_kb_gzipped(phrases, lang, tmp_path):
    content.export_json(target=tmp_path)  # never the real pwa/public: the build writes that
    size = content.gzipped_size(tmp_path / f"{lang}.json")
    assert size <= MAX_GZIPPED, f"{lang}.json is {size // 1024} KB gzipped, at most 150 KB"


def test_the_built_catalogues_name_the_computer_voice_of_every_phrase(phrases):
    """`make catalogs` speaks the phrases first (make tts): a catalogue exported before the voice
    files exist would give the phone no computer voice at all."""
    manifest = content.TTS_DIR / "manifest.json"
    if not manifest.exists():
        pytest.fail("The computer voice is not made: run `make catalogs` (make test does it for you).")
    for lang in ("nl", *CONTENT_LANGUAGES):
        body = json.loads((content.PUBLIC_DIR / f"{lang}.json").read_text(encoding="utf-8"))
        without = [p["id"] for p in body["phrases"] if not p.get("tts")]
        assert without == [], f"{lang}.json: no computer voice for {len(without)} phrases, e.g. {without[:3]}"
