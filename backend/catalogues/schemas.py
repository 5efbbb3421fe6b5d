"""The catalogues as the API serves them."""
import marshmallow as ma


class EntrySchema(ma.Schema):
    code = ma.fields.String(metadata={"description": "Stable code, stored in profiles"})
    label = ma.fields.String(metadata={"description": "In the request's language"})


def _entries():
    return ma.fields.List(ma.fields.Nested(EntrySchema))


class ActivityTypeSchema(ma.Schema):
    code = ma.fields.String()
    label = ma.fields.String()
    domain = ma.fields.String(metadata={"enum": ["taal", "werk", "meedoen"]})
    icon = ma.fields.String(metadata={"description": "The name of the app's drawn icon"})


class CataloguesSchema(ma.Schema):
    languages = _entries()
    interests = _entries()
    domains = _entries()
    goals = ma.fields.Dict(keys=ma.fields.String(), values=_entries(),
                           metadata={"description": "Goal codes per domain (taal, werk, meedoen)"})
    categories = _entries()
    dutch_levels = _entries()
    learning_routes = _entries()
    genders = _entries()
    buddy_kinds = _entries()
    decline_reasons = _entries()
    end_reasons = _entries()
    consent_kinds = _entries()
    privacy_version = ma.fields.String(
        metadata={"description": "The version of the privacy statement a sign-up consents to"})
    activity_types = ma.fields.List(ma.fields.Nested(ActivityTypeSchema),
                                    metadata={"description": "What a pair can do together, per domain"})


class MunicipalitySchema(ma.Schema):
    """A municipal branch, for the public sign-up's choice of municipality."""

    code = ma.fields.String(metadata={"description": "CBS code (GM0344): the sign-up's `municipality`"})
    name = ma.fields.String()
    province = ma.fields.String(metadata={"description": "The province's name, to tell look-alikes apart"})
