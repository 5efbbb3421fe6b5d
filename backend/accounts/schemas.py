"""Request and response schemas for accounts and the own profile."""
import re

import marshmallow as ma
from flask import current_app
from flask_babel import gettext, lazy_gettext as _l

from backend.accounts.models import ROLES
from backend.config import Config
from backend.orgs.schemas import OrganisationSchema

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class LoginSchema(ma.Schema):
    email = ma.fields.Email(required=True, validate=ma.validate.Length(max=254))
    password = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(min=1, max=256))

    @ma.pre_load
    def trim_email(self, data, **kwargs):
        """Phones add a space after an autocompleted address; it is not part of it."""
        if isinstance(data, dict) and isinstance(data.get("email"), str):
            data = {**data, "email": data["email"].strip()}
        return data


class UserSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    email = ma.fields.Email(dump_only=True)
    display_name = ma.fields.String(dump_only=True)
    locale = ma.fields.String(dump_only=True, allow_none=True, metadata={"enum": Config.LANGUAGES})
    roles = ma.fields.List(ma.fields.String(metadata={"enum": list(ROLES)}), dump_only=True)
    organisation = ma.fields.Nested(OrganisationSchema, dump_only=True, allow_none=True)


class SessionSchema(ma.Schema):
    user = ma.fields.Nested(UserSchema)
    csrf_token = ma.fields.String()


class AvailabilitySlotSchema(ma.Schema):
    day = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0, max=6))
    start = ma.fields.String(required=True, validate=ma.validate.Regexp(TIME, error=_l("Gebruik de vorm UU:MM.")))
    end = ma.fields.String(required=True, validate=ma.validate.Regexp(TIME, error=_l("Gebruik de vorm UU:MM.")))

    @ma.validates_schema
    def end_after_start(self, data, **kwargs):
        if data["end"] <= data["start"]:
            raise ma.ValidationError(gettext("Het einde moet na het begin liggen."), "end")


class ShippedLanguage(ma.validate.Validator):
    """Accept only the shipped languages; `choices` lists them as an enum in the OpenAPI spec."""

    choices = Config.LANGUAGES

    def __call__(self, value):
        if value not in current_app.config["LANGUAGES"]:
            raise ma.ValidationError(gettext("Deze taal bieden we (nog) niet aan."))
        return value


validate_locale = ShippedLanguage()


class ProfileUpdateSchema(ma.Schema):
    """Fields of the own profile; every field optional (per-field merge)."""

    display_name = ma.fields.String(validate=[
        ma.validate.Length(min=1, max=80, error=_l("Gebruik 1 tot 80 tekens.")),
        ma.validate.Regexp(r"^[^\x00-\x1f]*$", error=_l("Gebruik geen onzichtbare tekens.")),
    ])
    locale = ma.fields.String(validate=validate_locale)
    availability = ma.fields.List(ma.fields.Nested(AvailabilitySlotSchema), validate=ma.validate.Length(max=21))


class PasswordChangeSchema(ma.Schema):
    current_password = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(max=256))
    new_password = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(max=256))
