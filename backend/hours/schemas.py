"""The answer of GET /api/hours/me and GET /api/buddies/<id>/hours."""
import marshmallow as ma

from backend.buddies.models import KINDS


class HoursEntrySchema(ma.Schema):
    day = ma.fields.Date(metadata={"description": "The day in Amsterdam"})
    kind = ma.fields.String(metadata={"enum": ["meeting", "activity"]})
    type = ma.fields.String(allow_none=True, metadata={"description": "An activity type code; null for a meeting"})
    minutes = ma.fields.Integer()
    with_ = ma.fields.String(attribute="with", data_key="with",
                             metadata={"description": "The newcomer's first name"})


class HoursSchema(ma.Schema):
    """A buddy's hours: held meetings the buddy attended plus activities, within the service period."""

    kind = ma.fields.String(metadata={"enum": list(KINDS)})
    target_hours = ma.fields.Integer(allow_none=True, metadata={"description": "MDT only (default 80); null otherwise"})
    service_start = ma.fields.Date(allow_none=True, metadata={"description": "MDT service period; null: open"})
    service_end = ma.fields.Date(allow_none=True)
    minutes_total = ma.fields.Integer()
    minutes_meetings = ma.fields.Integer()
    minutes_activities = ma.fields.Integer()
    capped_days = ma.fields.Integer(metadata={
        "description": "Days on which more than 16 hours were logged: each counts 16 hours (meetings first)"})
    entries = ma.fields.List(ma.fields.Nested(HoursEntrySchema), metadata={"description": "Newest first"})
    as_of = ma.fields.AwareDateTime(metadata={"description": "When these figures were counted"})
