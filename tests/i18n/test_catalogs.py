"""The catalogs: complete in every shipped language, CLDR plurals, unreviewed drafts marked."""
import json

import pytest
from babel.messages.pofile import read_po

from backend.i18n import catalogs

TRANSLATED = [lang for lang in catalogs.LANGUAGES if lang != "nl"]  # Dutch is the source


def load_po(lang):
    with open(catalogs.po_path(lang), "rb") as f:
        return read_po(f, locale=lang)


def template_ids():
    with open(catalogs.TRANSLATIONS / "messages.pot", "rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_is_translated(lang):
    catalog = load_po(lang)
    missing = [m.id for m in catalog if m.id and not (all(m.string) if m.pluralizable else m.string)]
    assert missing == []
    assert template_ids() <= {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_template_is_up_to_date_with_the_code(tmp_path, monkeypatch):
    """A new _() in the code without `make i18n` would ship untranslated: catch it here."""
    committed = template_ids()  # read before the patch: extract() writes its .pot into tmp_path
    monkeypatch.setattr(catalogs, "TRANSLATIONS", tmp_path)
    fresh = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogs.extract() if m.id}
    assert sorted(fresh - committed) == [] and sorted(committed - fresh) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_survive_translation(lang):
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    for message in load_po(lang):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[-1]
        forms = message.string if isinstance(message.string, (tuple, list)) else [message.string]
        for form in forms:
            assert sorted(set(pattern.findall(form))) == sorted(set(pattern.findall(source))), (lang, source, form)


def test_arabic_uses_the_cldr_plural_rule():
    catalog = load_po("ar")
    assert catalog.num_plurals == 6
    assert "n%100>=11 && n%100<=99 ? 4 : 5" in catalog.plural_expr


def test_arabic_plural_picks_cldr_forms_at_runtime(app):
    from flask_babel import ngettext

    with app.test_request_context("/?lang=ar"):
        forms = {n: ngettext("{n} wijziging wacht", "{n} wijzigingen wachten", n) for n in (0, 1, 2, 3, 11, 100, 101)}
    catalog_forms = next(m for m in load_po("ar") if m.id and m.id[0] == "{n} wijziging wacht").string
    # CLDR: 0 zero, 1 one, 2 two, 3..10 few, 11..99 many, 100..102 other.
    assert [forms[n] for n in (0, 1, 2, 3, 11, 100, 101)] == [catalog_forms[i] for i in (0, 1, 2, 3, 4, 5, 5)]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_machine_drafts_are_marked_but_not_fuzzy(lang):
    catalog = load_po(lang)
    drafts = [m for m in catalog if m.id and catalogs.is_unreviewed(m)]
    assert drafts, "machine-drafted catalogs must say so"
    assert not any(m.fuzzy for m in catalog if m.id)  # fuzzy would drop them from the compiled catalog


def test_pwa_json_carries_messages_plural_categories_and_unreviewed(tmp_path):
    catalogs.compile_all()
    catalogs.export_json(tmp_path)
    ar = json.loads((tmp_path / "ar.json").read_text())
    assert ar["dir"] == "rtl" and ar["plural_categories"] == ["zero", "one", "two", "few", "many", "other"]
    assert ar["messages"]["Inloggen"] and len(ar["messages"]["{n} wijziging wacht"]) == 6
    assert "Inloggen" in ar["unreviewed"]
    assert json.loads((tmp_path / "fa.json").read_text())["dir"] == "rtl"
    assert json.loads((tmp_path / "uk.json").read_text())["plural_categories"] == ["one", "few", "many"]


def test_pwa_json_keys_an_entry_with_a_context_as_gettext_does(tmp_path, monkeypatch):
    """msgctxt: "Nieuw" (a notice) and "Nieuw" (a button) are two entries, in the JSON as in gettext."""
    from babel.messages.catalog import Catalog

    monkeypatch.setattr(catalogs, "TRANSLATIONS", tmp_path / "translations")
    monkeypatch.setattr(catalogs, "LANGUAGES", ["en"])
    catalog = Catalog(locale="en", domain=catalogs.DOMAIN)
    catalog.add("Nieuw", "Unread", context="melding", user_comments=[catalogs.UNREVIEWED])
    catalog.add("Nieuw", "New")
    catalog.add(("%(n)d teken", "%(n)d tekens"), ("%(n)d character", "%(n)d characters"), context="wachtwoord")
    catalogs.save(catalog, "en")
    catalogs.compile_all()
    catalogs.export_json(tmp_path / "json")
    en = json.loads((tmp_path / "json" / "en.json").read_text())
    assert en["messages"] == {
        "melding\x04Nieuw": "Unread",
        "Nieuw": "New",
        "wachtwoord\x04%(n)d teken": ["%(n)d character", "%(n)d characters"],
    }
    assert en["unreviewed"] == ["melding\x04Nieuw"]

