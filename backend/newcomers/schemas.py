"""Newcomer intake schemas: what a coordinator records, and how it is shown back."""
import datetime as dt

import marshmallow as ma
from flask_babel import gettext

from backend.accounts.schemas import ActivationCodeSchema, AvailabilitySlotSchema, DisplayName, validate_locale
from backend.buddies.models import KINDS
from backend.catalogues.catalogue import CATEGORIES, DUTCH_LEVELS, LEARNING_ROUTES
from backend.catalogues.validate import Goals, code, code_list

USERNAME = r"^[a-z0-9][a-z0-9._-]{2,39}$"


class PreferencesSchema(ma.Schema):
    buddy_gender = code("genders", allow_none=True, metadata={"description": "The buddy's gender, if it matters"})
    buddy_kind = ma.fields.String(allow_none=True, validate=ma.validate.OneOf(KINDS))


class ConsentInSchema(ma.Schema):
    kind = code("consent_kinds", required=True)
    version = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=16))


class ConsentSchema(ConsentInSchema):
    at = ma.fields.String(metadata={"format": "date-time", "description": "When it was recorded (UTC)"})


def not_in_future(value: dt.date):
    if value > dt.date.today():
        raise ma.ValidationError(gettext("Deze datum ligt in de toekomst."))


class IntakeFieldsSchema(ma.Schema):
    """The intake's own fields (every one optional: the PATCH merges per field)."""

    category = code("categories", metadata={"enum": list(CATEGORIES)})
    arrival_date = ma.fields.Date(allow_none=True, validate=not_in_future)
    gender = code("genders", allow_none=True)
    languages = code_list("languages", min_length=1)
    dutch_level = code("dutch_levels", metadata={"enum": list(DUTCH_LEVELS)})
    municipality = ma.fields.String(validate=ma.validate.Regexp(r"^GM\d{4}$"),
                                    metadata={"description": "CBS code where the newcomer lives (default: the branch)"})
    learning_route = code("learning_routes", allow_none=True, metadata={"enum": list(LEARNING_ROUTES)})
    goals = Goals(metadata={"description": "Goal codes per domain: {\"taal\": [...], \"werk\": [...], \"meedoen\": [...]}"})
    interests = code_list("interests")
    availability = ma.fields.List(ma.fields.Nested(AvailabilitySlotSchema), validate=ma.validate.Length(max=21))
    preferences = ma.fields.Nested(PreferencesSchema)
    consents = ma.fields.List(ma.fields.Nested(ConsentInSchema), validate=ma.validate.Length(max=10), metadata={
        "description": "Consents given now (kind and version); the server records the time"})
    display_name = DisplayName()
    locale = ma.fields.String(validate=validate_locale, metadata={"description": "The newcomer's language"})


class IntakeCreateSchema(IntakeFieldsSchema):
    """A new newcomer's intake; it creates their account (activated later with a code)."""

    username = ma.fields.String(validate=ma.validate.Regexp(USERNAME), metadata={
        "description": "To sign in with; proposed from the name when left out"})
    email = ma.fields.Email(allow_none=True, validate=ma.validate.Length(max=254))

    display_name = DisplayName(required=True)
    locale = ma.fields.String(required=True, validate=validate_locale, metadata={"description": "The newcomer's language"})
    category = code("categories", required=True, metadata={"enum": list(CATEGORIES)})
    languages = code_list("languages", min_length=1, required=True)
    dutch_level = code("dutch_levels", required=True, metadata={"enum": list(DUTCH_LEVELS)})
    consents = ma.fields.List(ma.fields.Nested(ConsentInSchema), required=True, validate=ma.validate.Length(max=10),
                              metadata={"description": "At least the privacy statement (kind privacy, its current version)"})


class IntakeSummarySchema(ma.Schema):
    """A newcomer in the branch's list: enough to find them (the full intake is a logged read)."""

    id = ma.fields.UUID(attribute="user_id")
    display_name = ma.fields.String(attribute="user.display_name")
    username = ma.fields.String(attribute="user.username", allow_none=True)
    activated = ma.fields.Function(lambda i: bool(i.user.password_hash), metadata={"type": "boolean"})
    waiting = ma.fields.Method("_waiting", metadata={
        "type": "boolean", "description": "No open match (proposed, agreed, active or paused)"})
    created_at = ma.fields.AwareDateTime(metadata={"description": "When the intake was recorded"})

    def _waiting(self, intake):
        from backend.newcomers.service import with_waiting

        return with_waiting(intake).waiting


class IntakeSchema(IntakeSummarySchema):
    email = ma.fields.String(attribute="user.email", allow_none=True)
    locale = ma.fields.String(attribute="user.locale", allow_none=True)
    category = ma.fields.String()
    arrival_date = ma.fields.Date(allow_none=True)
    gender = ma.fields.String(allow_none=True)
    languages = ma.fields.List(ma.fields.String())
    dutch_level = ma.fields.String()
    municipality = ma.fields.String(attribute="municipality_code")
    learning_route = ma.fields.String(allow_none=True)
    goals = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()))
    interests = ma.fields.List(ma.fields.String())
    availability = ma.fields.List(ma.fields.Nested(AvailabilitySlotSchema))
    preferences = ma.fields.Nested(PreferencesSchema)
    consents = ma.fields.List(ma.fields.Nested(ConsentSchema))
    waiting = ma.fields.Method("_waiting", metadata={
        "type": "boolean", "description": "No open match (proposed, agreed, active or paused)"})
    created_at = ma.fields.AwareDateTime()
    updated_at = ma.fields.AwareDateTime()


    def _waiting(self, intake):
        from backend.newcomers.service import with_waiting

        return with_waiting(intake).waiting


class IntakeCreatedSchema(IntakeSchema):
    activation_code = ma.fields.String(metadata={
        "description": "Shown once: the newcomer activates the account with it (valid 14 days)"})
    activation = ma.fields.Nested(ActivationCodeSchema, metadata={
        "description": "The same code with its expiry, link and QR code, to show the newcomer's phone"})


class NewcomerQuerySchema(ma.Schema):
    waiting = ma.fields.Boolean(metadata={"description": "Only those without an open match (true) or with one"})
