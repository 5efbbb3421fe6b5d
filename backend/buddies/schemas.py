"""Buddy schemas: the public sign-up, the coordinator's view and the vetting steps."""
import datetime as dt

import marshmallow as ma
from flask_babel import gettext

from backend.accounts.schemas import AvailabilitySlotSchema, DisplayName, validate_locale
from backend.buddies.models import KINDS, STATES
from backend.catalogues.validate import code, code_list

MUNICIPALITY = r"^GM\d{4}$"
MDT_AGES = (12, 30)  # DESIGN section 2: MDT is for young people of 12 to 30
MDT_MAX_DAYS = 184  # at most about six months of service


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Return the age in whole years of someone born on `birth_date`, on `day`."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class SignupSchema(ma.Schema):
    """A buddy's sign-up on the public page (no login)."""

    display_name = DisplayName(required=True, metadata={"description": "1 to 80 characters"})
    email = ma.fields.Email(required=True, validate=ma.validate.Length(max=254))
    password = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(max=256))
    locale = ma.fields.String(required=True, validate=validate_locale)
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(KINDS))
    birth_date = ma.fields.Date(load_default=None, allow_none=True,
                                metadata={"description": "Required for MDT (age 12 to 30)"})
    mdt_start = ma.fields.Date(load_default=None, allow_none=True, metadata={"description": "MDT only"})
    mdt_end = ma.fields.Date(load_default=None, allow_none=True,
                             metadata={"description": "MDT only; at most about 6 months after the start"})
    mdt_hours_target = ma.fields.Integer(load_default=None, allow_none=True,
                                         validate=ma.validate.Range(min=80, max=1000),
                                         metadata={"description": "MDT only; at least 80, 80 when left out"})
    gender = code("genders", load_default=None, allow_none=True)
    languages = code_list("languages", min_length=1, required=True)
    interests = code_list("interests", load_default=list)
    availability = ma.fields.List(ma.fields.Nested(AvailabilitySlotSchema), load_default=list,
                                  validate=ma.validate.Length(max=21))
    municipality = ma.fields.String(required=True, validate=ma.validate.Regexp(MUNICIPALITY),
                                    metadata={"description": "CBS code of the municipality (GM0344)"})
    capacity = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1, max=3),
                                 metadata={"description": "How many newcomers at once (1 to 3)"})
    privacy_version = ma.fields.String(required=True, validate=ma.validate.Length(max=16), metadata={
        "description": "The version of the privacy statement accepted (`privacy_version` of GET /api/catalogues)"})

    @ma.pre_load
    def trim_email(self, data, **kwargs):
        if isinstance(data, dict) and isinstance(data.get("email"), str):
            data = {**data, "email": data["email"].strip()}
        return data

    @ma.validates_schema
    def check_kind(self, data, **kwargs):
        today = dt.date.today()
        birth = data.get("birth_date")
        if birth is not None and birth >= today:
            raise ma.ValidationError(gettext("Een geboortedatum ligt in het verleden."), "birth_date")
        if data.get("kind") != "mdt":
            extra = [f for f in ("mdt_start", "mdt_end", "mdt_hours_target") if data.get(f) is not None]
            if extra:
                # TRANSLATORS: a field about civic service (MDT) was filled in by a volunteer.
                raise ma.ValidationError({f: [gettext("Dit geldt alleen voor MDT.")] for f in extra})
            return
        errors = {}
        if birth is None:
            errors["birth_date"] = [gettext("Vul je geboortedatum in: MDT is voor jongeren van 12 tot en met 30.")]
        elif not MDT_AGES[0] <= age_on(birth, today) <= MDT_AGES[1]:
            errors["birth_date"] = [gettext("MDT is voor jongeren van 12 tot en met 30 jaar.")]
        start, end = data.get("mdt_start"), data.get("mdt_end")
        for name in ("mdt_start", "mdt_end"):
            if data.get(name) is None:
                errors[name] = [gettext("Vul het begin en einde van je diensttijd in.")]
        if start and end:
            if end <= start:
                errors["mdt_end"] = [gettext("Het einde moet na het begin liggen.")]
            elif (end - start).days > MDT_MAX_DAYS:
                errors["mdt_end"] = [gettext("Een MDT-periode duurt hoogstens zes maanden.")]
            elif end < today:
                errors["mdt_end"] = [gettext("Deze diensttijd is al voorbij.")]
        if errors:
            raise ma.ValidationError(errors)


class SignupResultSchema(ma.Schema):
    status = ma.fields.String(metadata={"enum": ["received"], "description": (
        "Always 'received', also for an address that already has an account (its owner gets a "
        "mail instead): the answer never tells whether an address is known")})


class BuddySummarySchema(ma.Schema):
    """A buddy in the branch's list: enough to find them (the full profile is a logged read)."""

    id = ma.fields.UUID(attribute="user_id")
    display_name = ma.fields.String(attribute="user.display_name")
    organisation_code = ma.fields.Method("_org_code")
    kind = ma.fields.String(metadata={"enum": list(KINDS)})
    state = ma.fields.String(metadata={"enum": list(STATES)})
    capacity = ma.fields.Integer()
    vog_expires = ma.fields.Method("_vog_expires", allow_none=True, metadata={
        "type": "string", "format": "date", "description": "First day the VOG no longer counts"})
    created_at = ma.fields.AwareDateTime()

    def _vog_expires(self, profile):
        from backend.buddies.service import with_vog_expiry

        expires = with_vog_expiry(profile).vog_expires
        return expires.isoformat() if expires else None

    def _org_code(self, profile):
        from backend.extensions import db
        from backend.orgs.models import Organisation

        return db.session.get(Organisation, profile.organisation_id).code


class BuddySchema(BuddySummarySchema):
    """A buddy as their branch's coordinator sees them."""

    email = ma.fields.String(attribute="user.email")
    locale = ma.fields.String(attribute="user.locale", allow_none=True)
    birth_date = ma.fields.Date(allow_none=True)
    gender = ma.fields.String(allow_none=True)
    mdt_start = ma.fields.Date(allow_none=True)
    mdt_end = ma.fields.Date(allow_none=True)
    mdt_hours_target = ma.fields.Integer(allow_none=True)
    languages = ma.fields.List(ma.fields.String())
    interests = ma.fields.List(ma.fields.String())
    availability = ma.fields.List(ma.fields.Nested(AvailabilitySlotSchema))
    municipality_code = ma.fields.String()
    vog_date = ma.fields.Date(allow_none=True)
    consent_version = ma.fields.String()
    consent_at = ma.fields.AwareDateTime()


class VettingStepSchema(ma.Schema):
    id = ma.fields.UUID()
    from_state = ma.fields.String(allow_none=True)
    to_state = ma.fields.String(metadata={"enum": list(STATES)})
    by_id = ma.fields.UUID(allow_none=True)
    at = ma.fields.AwareDateTime()
    vog_date = ma.fields.Date(allow_none=True)
    note = ma.fields.String()


class BuddyDetailSchema(BuddySchema):
    steps = ma.fields.List(ma.fields.Nested(VettingStepSchema), metadata={"description": "Oldest first"})


class BuddyQuerySchema(ma.Schema):
    state = ma.fields.String(validate=ma.validate.OneOf(STATES))


class StepSchema(ma.Schema):
    """The next vetting step of a buddy."""

    to_state = ma.fields.String(required=True, validate=ma.validate.OneOf(STATES))
    vog_date = ma.fields.Date(load_default=None, allow_none=True,
                              metadata={"description": "Required for vog_received; not in the future"})
    note = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))
