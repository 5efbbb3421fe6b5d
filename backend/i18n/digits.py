"""The API's text writes numbers in the language's own digits, as the app does (docs/glossary.md).

The app formats every number with Intl: Persian digits in Farsi. The API's strings fill
`%(n)d` with Python's `%`, which writes 0-9; this domain fills them in the language's digits,
so a Farsi sentence never mixes the two. Installed as flask-babel's domain (backend/extensions.py):
gettext, ngettext, pgettext and npgettext, lazy or not, all go through it.
"""
import re
from functools import cached_property

import flask_babel

# Languages whose text writes numbers in their own digits (what Intl gives the app). Arabic is
# not one: Intl's "ar" writes 0-9, and the glossary keeps them.
OWN_DIGITS = {"fa": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")}
_FIELD = re.compile(r"%\((\w+)\)([sdi])")


def fill(text: str, variables: dict) -> str:
    """Fill `%(name)s` / `%(n)d` as Python's % does, numbers in the current language's digits."""
    if not variables:
        return text  # as flask-babel: without values the text is not formatted ("%%" stays)
    locale = flask_babel.get_locale()
    table = OWN_DIGITS.get(locale.language) if locale is not None else None
    numbers = {k for k, v in variables.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    if table is None or not numbers:
        return text % variables
    whole = {m[1] for m in _FIELD.finditer(text) if m[2] in "di"}
    written = {k: (str(int(variables[k])) if k in whole else str(variables[k])).translate(table) for k in numbers}
    text = _FIELD.sub(lambda m: f"%({m[1]})s" if m[1] in numbers else m[0], text)
    return text % {**variables, **written}


class Domain(flask_babel.Domain):
    """flask-babel's domain, numbers filled in by fill()."""

    def gettext(self, string, **variables):
        return fill(self.get_translations().ugettext(string), variables)

    def ngettext(self, singular, plural, num, **variables):
        variables.setdefault("num", num)
        return fill(self.get_translations().ungettext(singular, plural, num), variables)

    def pgettext(self, context, string, **variables):
        return fill(self.get_translations().upgettext(context, string), variables)

    def npgettext(self, context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        return fill(self.get_translations().unpgettext(context, singular, plural, num), variables)


class Babel(flask_babel.Babel):
    """flask-babel with the Domain above as the default domain."""

    @cached_property
    def domain_instance(self):
        return Domain(domain=self.domain)
