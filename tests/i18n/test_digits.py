"""The API writes the numbers it fills into a sentence in the language's digits, as the app does:
Persian digits in Farsi, 0-9 elsewhere (docs/glossary.md)."""
import pytest
from flask_babel import gettext, lazy_ngettext, ngettext, npgettext, pgettext

from backend.i18n.digits import fill


@pytest.mark.parametrize("lang, expected", [("fa", "۱۲ از ۳۴۵ (۲.۵) Amal 7"), ("ar", "12 از 345 (2.5) Amal 7"),
                                            ("nl", "12 از 345 (2.5) Amal 7")])
def test_numbers_are_written_in_the_languages_digits_and_text_stays_as_it_is(app, lang, expected):
    with app.test_request_context(f"/?lang={lang}"):
        text = fill("%(n)d از %(total)s (%(part)s) %(name)s %(code)s", {
            "n": 12.9, "total": 345, "part": 2.5, "name": "Amal", "code": "7"})
    assert text == expected  # %d drops the fraction as Python does; a text value ("7") is not a number


def test_without_values_the_text_is_left_as_it_is(app):
    with app.test_request_context("/?lang=fa"):
        assert fill("100%% zeker", {}) == "100%% zeker"
        assert fill("%(n)d%% klaar", {"n": 50}) == "۵۰% klaar"


def test_every_gettext_function_fills_numbers_so(app):
    with app.test_request_context("/?lang=fa"):
        assert gettext("x %(n)d", n=3) == "x ۳"
        assert ngettext("%(n)d teken", "%(n)d tekens", 3, n=3) == "۳ tekens"
        assert ngettext("%(num)d teken", "%(num)d tekens", 1) == "۱ teken"
        assert pgettext("ctx", "x %(n)d", n=4) == "x ۴"
        assert npgettext("ctx", "%(n)d a", "%(n)d b", 5, n=5) == "۵ b"
        assert str(lazy_ngettext("%(n)d teken", "%(n)d tekens", 2, n=2)) == "۲ tekens"
    with app.test_request_context("/?lang=en"):
        assert ngettext("%(n)d teken", "%(n)d tekens", 3, n=3) == "3 tekens"
