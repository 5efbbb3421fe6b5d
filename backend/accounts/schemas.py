"""Request and response schemas for accounts and the own profile."""
import re
import unicodedata

import marshmallow as ma
from flask import current_app
from flask_babel import gettext, lazy_gettext as _l, ngettext

from backend.accounts.models import ROLES
from backend.config import Config
from backend.orgs.schemas import OrganisationSchema

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
PHONE = re.compile(r"^(\+?[0-9][0-9 ]{5,19})?$")  # "+31 6 12345678", "0612345678"; empty removes it
SHAREABLE = ("email", "phone")


class LoginSchema(ma.Schema):
    login = ma.fields.String(required=True, validate=ma.validate.Length(max=254), metadata={
        "description": "The e-mail address or the username (any case). Older clients send `email` instead."})
    email = ma.fields.String(load_only=True, metadata={
        "description": "Older clients: the e-mail address (read as `login`)", "deprecated": True})
    password = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(min=1, max=256))

    @ma.pre_load
    def read_login(self, data, **kwargs):
        """Take `email` of older clients as the login; trim the space phones add after an autocompleted address."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if "email" in data and "login" not in data:
            data["login"] = data.pop("email")
        if isinstance(data.get("login"), str):
            data["login"] = data["login"].strip()
        return data

    @ma.validates("login")
    def not_empty(self, value, **kwargs):
        if not value:
            raise ma.ValidationError(gettext("Vul je e-mailadres of gebruikersnaam in."))


class UserSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    email = ma.fields.Email(dump_only=True, allow_none=True)
    username = ma.fields.String(dump_only=True, allow_none=True)
    display_name = ma.fields.String(dump_only=True)
    locale = ma.fields.String(dump_only=True, allow_none=True, metadata={"enum": Config.LANGUAGES})
    roles = ma.fields.List(ma.fields.String(metadata={"enum": list(ROLES)}), dump_only=True)
    organisation = ma.fields.Nested(OrganisationSchema, dump_only=True, allow_none=True)


class SessionSchema(ma.Schema):
    user = ma.fields.Nested(UserSchema)
    csrf_token = ma.fields.String()


class DeviceSessionSchema(ma.Schema):
    """One signed-in device of the own account (accounts/sessions.py)."""

    id = ma.fields.UUID()
    device = ma.fields.String(metadata={"description": "e.g. 'Chrome · Android'"})
    created_at = ma.fields.AwareDateTime()
    last_seen_at = ma.fields.AwareDateTime(metadata={"description": "renewed at most once an hour"})
    current = ma.fields.Boolean(metadata={"description": "the session of this request"})

    @ma.post_dump
    def name_unknown_devices(self, data, **kwargs):
        # TRANSLATORS: the name of a device in the device list when its browser did not tell which it is.
        data["device"] = data["device"] or gettext("Onbekend apparaat")
        return data


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


NAME_MAX_LENGTH = 80  # users.display_name is a String(80)
# Bidirectional embeddings, overrides and isolates: they can make a name read as other text.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class DisplayName(ma.fields.String):
    """A person's name in any script: NFC, trimmed, nothing that hides or reorders text."""

    def _deserialize(self, value, attr, data, **kwargs):
        name = unicodedata.normalize("NFC", super()._deserialize(value, attr, data, **kwargs))
        if any(unicodedata.category(c) == "Cc" for c in name):  # control characters, a newline or tab included
            raise ma.ValidationError(gettext("Gebruik geen regeleinden, tabs of andere stuurtekens."))
        if BIDI_CONTROLS & set(name):
            raise ma.ValidationError(gettext("Gebruik geen tekens die de schrijfrichting omdraaien."))
        name = name.strip()  # the space a phone's autocomplete adds is not part of the name
        if not name:
            raise ma.ValidationError(gettext("Vul een naam in."))
        # Cf: format characters (zero-width joiners, BOM); Z*: spaces. Allowed between letters only.
        if all(unicodedata.category(c)[0] == "Z" or unicodedata.category(c) == "Cf" for c in name):
            raise ma.ValidationError(gettext("Een naam van alleen onzichtbare tekens kan niemand lezen."))
        if len(name) > NAME_MAX_LENGTH:
            raise ma.ValidationError(ngettext("Gebruik hoogstens %(n)d teken.", "Gebruik hoogstens %(n)d tekens.",
                                              NAME_MAX_LENGTH, n=NAME_MAX_LENGTH))
        return name


class ProfileUpdateSchema(ma.Schema):
    """Fields of the own profile; every field optional (per-field merge)."""

    display_name = DisplayName(metadata={"description": f"1 to {NAME_MAX_LENGTH} characters, stored in Unicode NFC"})
    locale = ma.fields.String(validate=validate_locale)
    availability = ma.fields.List(ma.fields.Nested(AvailabilitySlotSchema), validate=ma.validate.Length(max=21))
    phone = ma.fields.String(allow_none=True, validate=ma.validate.Regexp(
        PHONE, error=_l("Vul een telefoonnummer in met alleen cijfers, spaties en eventueel een + vooraan.")),
        metadata={"description": "Shown to the other side of an active match only if `shares` holds \"phone\"; empty or null removes it"})
    shares = ma.fields.List(ma.fields.String(validate=ma.validate.OneOf(SHAREABLE)), validate=ma.validate.Length(max=2),
                            metadata={"description": "What the other side of an active match may see: \"email\", \"phone\""})

    @ma.pre_load
    def tidy_phone(self, data, **kwargs):
        """Spaces a phone adds (around, doubled) are not part of the number."""
        if isinstance(data, dict) and isinstance(data.get("phone"), str):
            data = {**data, "phone": " ".join(data["phone"].split())}
        return data

    @ma.post_load
    def tidy_contact(self, data, **kwargs):
        """An empty phone number is none; each share once, in a stable order."""
        if "phone" in data:
            data["phone"] = data["phone"] or None
        if "shares" in data:
            data["shares"] = [s for s in SHAREABLE if s in data["shares"]]
        return data


class PasswordChangeSchema(ma.Schema):
    current_password = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(max=256))
    new_password = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(max=256))


class Password(ma.fields.String):
    """A new password (the rules are checked by the service: accounts/passwords.py)."""

    def __init__(self, **kwargs):
        super().__init__(required=True, load_only=True, validate=ma.validate.Length(max=256), **kwargs)


class ActivateSchema(ma.Schema):
    code = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(min=1, max=64), metadata={
        "description": "The activation code, e.g. K7QX-M4TZ-9P (case, spaces and dashes do not matter)"})
    password = Password()
    locale = ma.fields.String(load_default=None, allow_none=True, validate=validate_locale, metadata={"description": "The language the user picked"})


class ActivationCodeSchema(ma.Schema):
    """A new activation code, shown once to the coordinator: on screen, as a link or as a QR code."""

    code = ma.fields.String(metadata={"description": "e.g. K7QX-M4TZ-9P"})
    expires_at = ma.fields.AwareDateTime()
    url = ma.fields.String(metadata={"description": "PUBLIC_URL/activeren?lang=<locale>#<code> (the code in the fragment: never sent to a server)"})
    qr_svg = ma.fields.String(metadata={"description": "The url as a QR code (an SVG document)"})


class PasswordResetRequestSchema(ma.Schema):
    email = ma.fields.Email(required=True, validate=ma.validate.Length(max=254))

    @ma.pre_load
    def trim_email(self, data, **kwargs):
        if isinstance(data, dict) and isinstance(data.get("email"), str):
            data = {**data, "email": data["email"].strip()}
        return data


class PasswordResetSchema(ma.Schema):
    token = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(min=1, max=128), metadata={
        "description": "The secret of the link in the mail (after #)"})
    password = Password()
