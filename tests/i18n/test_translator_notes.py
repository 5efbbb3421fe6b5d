"""Translators get what they need from the code: a note or a msgctxt on every short string, and
plural forms for every count (docs/translations.md). Checked on a fresh extraction of the code."""
import re

import pytest
from babel.messages.catalog import Catalog

from backend.i18n import catalogs

# A count: %(n)d / %(num)d in the API's strings, {n} in the app's. An ordinal or another number
# takes another name ("Moment {number}").
COUNT = re.compile(r"%\((?:n|num)\)[ds]|\{n\}")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    original = catalogs.TRANSLATIONS
    catalogs.TRANSLATIONS = tmp_path_factory.mktemp("pot")  # extract() writes its .pot there
    try:
        return catalogs.extract()
    finally:
        catalogs.TRANSLATIONS = original


def singular(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def short_without_note(catalog) -> list[str]:
    """Return the msgids of at most two words that carry neither a TRANSLATORS: comment nor a msgctxt."""
    return [singular(m) for m in catalog if m.id and len(singular(m).split()) <= 2
            and not m.auto_comments and not m.context]


def counts_outside_ngettext(catalog) -> list[str]:
    """Return the msgids with a count placeholder that have no plural form."""
    return [singular(m) for m in catalog if m.id and not m.pluralizable and COUNT.search(singular(m))]


def test_the_checks_catch_planted_strings():
    planted = Catalog(locale="nl")
    planted.add("Van")  # bare: fails
    planted.add("Tot", context="time slot")  # a msgctxt is enough
    planted.add("Nieuw", auto_comments=["the state of a notice"])  # so is a note
    planted.add("Kies een wachtwoord van minstens %(n)d tekens.", auto_comments=["a note does not make it plural"])
    planted.add("Nog {n} over")
    planted.add(("{n} wacht", "{n} wachten"), auto_comments=["ok"])
    planted.add("Moment {number}", context="time slot")  # an ordinal, not a count
    assert short_without_note(planted) == ["Van"]
    assert counts_outside_ngettext(planted) == ["Kies een wachtwoord van minstens %(n)d tekens.", "Nog {n} over"]


def test_every_short_string_has_a_translator_note_or_a_context(extracted):
    assert short_without_note(extracted) == []


def test_every_count_goes_through_ngettext(extracted):
    assert counts_outside_ngettext(extracted) == []


def test_the_code_uses_msgctxt_for_words_with_two_meanings(extracted):
    assert ("notice state", "Nieuw") in {(m.context, singular(m)) for m in extracted if m.id}
