"""Marshmallow validators: a code must come from a catalogue (free text never enters a profile)."""
import marshmallow as ma
from flask_babel import gettext

from backend.catalogues import catalogue


class InCatalogue(ma.validate.Validator):
    """Accept only a code of catalogue `name`; `choices` lists the codes as an enum in the spec."""

    def __init__(self, name: str):
        self.name = name
        self.choices = catalogue.codes(name)

    def __call__(self, value):
        if value not in self.choices:
            # TRANSLATORS: a form field got a code that is not one of the options offered (e.g. a language).
            raise ma.ValidationError(gettext("Deze keuze staat niet in de lijst."))
        return value


def unique(values):
    """Refuse a list that names the same code twice."""
    if len(set(values)) != len(values):
        # TRANSLATORS: a list in a form (languages, interests) names the same option twice.
        raise ma.ValidationError(gettext("Noem elke keuze maar één keer."))
    return values


def code_list(name: str, min_length: int = 0, **kwargs) -> ma.fields.List:
    """A list field of distinct codes of catalogue `name` (at least `min_length`)."""
    checks = [ma.validate.Length(max=len(catalogue.codes(name))), unique]
    if min_length:
        checks.append(at_least_one)
    return ma.fields.List(ma.fields.String(validate=InCatalogue(name)), validate=checks, **kwargs)


def at_least_one(values):
    """Refuse an empty list."""
    if not values:
        # TRANSLATORS: a list in a form (e.g. the languages someone speaks) was left empty.
        raise ma.ValidationError(gettext("Kies er minstens één."))
    return values


def code(name: str, **kwargs) -> ma.fields.String:
    """A field holding one code of catalogue `name`."""
    return ma.fields.String(validate=InCatalogue(name), **kwargs)


class Goals(ma.fields.Dict):
    """{"taal": [...], "werk": [...], "meedoen": [...]}: goal codes per domain of reciprocity."""

    def __init__(self, **kwargs):
        super().__init__(keys=ma.fields.String(validate=InCatalogue("domains")),
                         values=ma.fields.List(ma.fields.String()), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        goals = super()._deserialize(value, attr, data, **kwargs)
        errors = {}
        for domain, codes in goals.items():
            allowed = catalogue.goal_codes(domain)
            if any(c not in allowed for c in codes):
                # TRANSLATORS: a goal that is not one of the goals offered in this domain.
                errors[domain] = [gettext("Deze keuze staat niet in de lijst.")]
            elif len(set(codes)) != len(codes):
                errors[domain] = [gettext("Noem elke keuze maar één keer.")]
        if errors:
            raise ma.ValidationError(errors)
        return goals
