"""The catalogs follow docs/glossary.md: no stray Latin words in right-to-left and Ge'ez
catalogs, Persian digits in Farsi, and Plural-Forms headers that agree with CLDR."""
import gettext
import re

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from backend.i18n import catalogs

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")
# Names a reader must see exactly as written. Each counts only where the Dutch msgid
# carries it too, so "Maatje" cannot stand in for the word "maatje" (buddy).
KEEP_AS_IS = [
    "Maatje",  # the product name
    "application/json", "Content-Type", "If-Match", "JSON",  # what an API client must send, verbatim
    "NaN", "Infinity",  # the JSON literals the message is about
    "cursor",  # the name of the sync API's query parameter
]
SCRIPT_CATALOGS = ["ar", "fa", "ti"]


def load_po(lang):
    with open(catalogs.po_path(lang), "rb") as f:
        return read_po(f, locale=lang)


def forms(message):
    return list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]


def source(message):
    return " ".join(message.id) if isinstance(message.id, (tuple, list)) else message.id


def latin_words(text, msgid):
    """Return the Latin-script words in a translation that are neither placeholders nor kept names."""
    text = PLACEHOLDER.sub(" ", text)
    for name in KEEP_AS_IS:
        if name in msgid:
            text = text.replace(name, " ")
    return LATIN_WORD.findall(text)


def test_latin_word_check_catches_a_planted_word_and_a_misused_product_name():
    assert latin_words("مرحبًا بك في Maatje", "Welkom bij Maatje") == []
    assert latin_words("أرسل {n} تغييرات", "Stuur {n} wijzigingen") == []
    assert latin_words("استخدم الصيغة HH:MM.", "Gebruik de vorm UU:MM.") == ["HH", "MM"]
    assert latin_words("Maatje يساعدك", "Je maatje helpt je.") == ["Maatje"]


@pytest.mark.parametrize("lang", SCRIPT_CATALOGS)
def test_no_latin_words_in_non_latin_catalogs(lang):
    found = {
        source(m): words
        for m in load_po(lang) if m.id
        for words in [sum((latin_words(f, source(m)) for f in forms(m)), [])] if words
    }
    assert found == {}


def test_farsi_writes_persian_digits():
    """The app formats numbers with Intl 'fa' (۰-۹): digits written into the text must match."""
    found = [f for m in load_po("fa") if m.id for f in forms(m) if re.search(r"[0-9]", PLACEHOLDER.sub("", f))]
    assert found == []


@pytest.mark.parametrize("lang", catalogs.LANGUAGES)
def test_plural_forms_header_agrees_with_cldr(lang):
    catalog = load_po(lang)
    categories = catalogs.PLURAL_CATEGORIES[catalog.num_plurals]
    pick = gettext.c2py(catalog.plural_expr)
    cldr = Locale.parse(lang).plural_form
    wrong = {n: (categories[pick(n)], cldr(n)) for n in range(1001) if categories[pick(n)] != cldr(n)}
    assert wrong == {}, f"{lang}: header picks a form CLDR does not, (header, CLDR) by n"
    assert {cldr(n) for n in range(1001)} == set(categories)  # no form the header never uses
