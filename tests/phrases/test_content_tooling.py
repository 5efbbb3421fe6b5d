"""The content tooling on a small fixture folder: checks, the content domain (pot, po), the
phone's catalogue JSON (translations, the unreviewed mark, the computer voice, the version)."""
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from backend.i18n import catalogs
from backend.phrases import content
from backend.phrases.themes import CONTENT_LANGUAGES, THEMES

FIXTURES = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """A copy of the fixture content, an empty translations folder, a public and a tts folder."""
    source = tmp_path / "content"
    shutil.copytree(FIXTURES, source)
    monkeypatch.setattr(catalogs, "TRANSLATIONS", tmp_path / "translations")
    (tmp_path / "tts").mkdir()
    return source, tmp_path / "public", tmp_path / "tts"


def read(path):
    with open(path, "rb") as f:
        return read_po(f)


def write_toml(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_the_fixture_phrases_load_in_theme_order():
    phrases = content.load_phrases(FIXTURES)
    assert [p["id"] for p in phrases] == ["kennismaken.hoe-heet-je", "kennismaken.hoe-heet-u",
                                          "kennismaken.ik-kom-uit", "gemeente.afspraak-maken"]
    assert phrases[0]["register"] == "je" and "register" not in phrases[2]


@pytest.mark.parametrize("text, problem", [
    ('theme = "sterren"\n', "unknown theme"),
    ('theme = "werk"\n[[phrase]]\nid = "werk.x"\nnl = "Hallo"\nlevel = "C1"\n', "level"),
    ('theme = "werk"\n[[phrase]]\nid = "wonen.x"\nnl = "Hallo"\nlevel = "A1"\n', "is not werk.<slug>"),
    ('theme = "werk"\n[[phrase]]\nid = "werk.Groot"\nnl = "Hallo"\nlevel = "A1"\n', "is not werk.<slug>"),
    ('theme = "werk"\n[[phrase]]\nid = "werk.x"\nnl = "Hoe heet je?"\nlevel = "A1"\n', "also in"),
    ('theme = "werk"\n[[phrase]]\nid = "werk.x"\nnl = ""\nlevel = "A1"\n', "no Dutch"),
    ('theme = "werk"\n[[phrase]]\nid = "werk.x"\nnl = "Hallo"\nlevel = "A1"\nregister = "jij"\n', "register"),
    ('theme = "werk"\n[[phrase]]\nid = "werk.x"\nnl = "Hallo"\nlevel = "A1"\nnotes = "typo"\n', "unknown keys"),
])
def test_a_content_problem_is_named_with_its_file(folders, text, problem):
    source, _, _ = folders
    write_toml(source, "08-werk.toml", text)
    with pytest.raises(content.ContentError) as err:
        content.load_phrases(source)
    assert problem in str(err.value) and "08-werk.toml" in str(err.value)


def test_a_duplicate_id_and_a_misnamed_file_are_refused(folders):
    source, _, _ = folders
    write_toml(source, "9-kennismaken.toml",
               'theme = "kennismaken"\n[[phrase]]\nid = "kennismaken.hoe-heet-je"\nnl = "Anders"\nlevel = "A0"\n')
    message = str(pytest.raises(content.ContentError, content.load_phrases, source).value)
    assert "named <nn>-kennismaken.toml" in message and "id 'kennismaken.hoe-heet-je' also in" in message


def test_update_writes_the_template_and_a_catalog_per_language(folders):
    source, _, _ = folders
    content.update(source)
    pot = read(catalogs.TRANSLATIONS / "content.pot")
    entry = pot.get("Hoe heet je?", context="kennismaken.hoe-heet-je")
    assert entry is not None and "Asking someone's name, to a peer or a child." in entry.auto_comments
    assert pot.get("Kennismaken", context="theme") is not None
    assert len([m for m in pot if m.id and m.context == "theme"]) == len(THEMES)
    for lang in CONTENT_LANGUAGES:
        assert catalogs.po_path(lang, "content").exists()
    assert not catalogs.po_path("nl", "content").exists()  # Dutch is the source
    assert "(n==0 ? 0 : n==1 ? 1" in catalogs.po_path("ar", "content").read_text(encoding="utf-8")


def translate(lang, context, msgid, text, unreviewed=False):
    catalog = catalogs.load(lang, "content")
    message = catalog.get(msgid, context=context)
    message.string = text
    if unreviewed:
        message.user_comments = [catalogs.UNREVIEWED]
    catalogs.save(catalog, lang, "content")


def test_the_phones_catalogue_has_translations_marks_and_voices(folders):
    source, public, tts = folders
    content.update(source)
    translate("ar", "kennismaken.hoe-heet-je", "Hoe heet je?", "ما اسمك؟", unreviewed=True)
    translate("ar", "kennismaken.hoe-heet-u", "Hoe heet u?", "ما اسمك (رسمي)؟")
    translate("ar", "theme", "Kennismaken", "التعارف", unreviewed=True)
    (tts / "kennismaken.hoe-heet-je.ogg").write_bytes(b"OggS")
    content.export_json(source, public, tts)
    assert sorted(p.name for p in public.iterdir()) == sorted(f"{lang}.json" for lang in catalogs.LANGUAGES)
    ar = json.loads((public / "ar.json").read_text(encoding="utf-8"))
    assert (ar["lang"], ar["dir"]) == ("ar", "rtl") and len(ar["version"]) == 12
    by_id = {p["id"]: p for p in ar["phrases"]}
    assert by_id["kennismaken.hoe-heet-je"] == {"id": "kennismaken.hoe-heet-je", "nl": "Hoe heet je?",
                                                "theme": "kennismaken", "level": "A0", "register": "je",
                                                "t": "ما اسمك؟", "u": 1,
                                                "tts": hashlib.sha256(b"OggS").hexdigest()[:8]}
    assert "u" not in by_id["kennismaken.hoe-heet-u"] and "tts" not in by_id["kennismaken.hoe-heet-u"]
    assert "t" not in by_id["kennismaken.ik-kom-uit"]  # untranslated: the phone shows the Dutch
    assert ar["themes"][0] == {"code": "kennismaken", "label": "التعارف", "unreviewed": True}
    nl = json.loads((public / "nl.json").read_text(encoding="utf-8"))
    assert nl["dir"] == "ltr" and all("t" not in p for p in nl["phrases"])
    assert nl["themes"][1] == {"code": "gemeente", "label": "De gemeente"}


def test_the_version_changes_with_the_content_and_only_then(folders):
    source, public, tts = folders
    content.update(source)
    content.export_json(source, public, tts)
    first = json.loads((public / "en.json").read_text(encoding="utf-8"))["version"]
    content.export_json(source, public, tts)
    assert json.loads((public / "en.json").read_text(encoding="utf-8"))["version"] == first
    translate("en", "kennismaken.ik-kom-uit", "Ik kom uit Syrië.", "I come from Syria.")
    content.export_json(source, public, tts)
    second = json.loads((public / "en.json").read_text(encoding="utf-8"))["version"]
    assert second != first
    (tts / "gemeente.afspraak-maken.ogg").write_bytes(b"OggS")
    content.export_json(source, public, tts)
    assert json.loads((public / "en.json").read_text(encoding="utf-8"))["version"] != second


def test_a_changed_dutch_text_needs_translating_again(folders):
    source, public, tts = folders
    content.update(source)
    translate("en", "kennismaken.ik-kom-uit", "Ik kom uit Syrië.", "I come from Syria.")
    path = source / "01-kennismaken.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("Ik kom uit Syrië.", "Ik kom uit Eritrea."),
                    encoding="utf-8")
    content.update(source)
    content.export_json(source, public, tts)
    en = {p["id"]: p for p in json.loads((public / "en.json").read_text(encoding="utf-8"))["phrases"]}
    assert en["kennismaken.ik-kom-uit"]["nl"] == "Ik kom uit Eritrea." and "t" not in en["kennismaken.ik-kom-uit"]
