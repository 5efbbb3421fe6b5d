"""Arguments of activity.log / activity.remove and the synced "activity" row."""
import marshmallow as ma

from backend.activities.models import INITIATIVES


class ActivityLogSchema(ma.Schema):
    id = ma.fields.UUID(required=True, metadata={"description": "Made on the phone"})
    match_id = ma.fields.UUID(required=True)
    type = ma.fields.String(required=True, metadata={"description": "A code of the catalogue activity_types"})
    day = ma.fields.Date(required=True, metadata={"description": "The day it happened (Amsterdam), not in the future"})
    minutes = ma.fields.Integer(required=True, validate=ma.validate.Range(min=5, max=720))
    initiative = ma.fields.String(required=True, validate=ma.validate.OneOf(INITIATIVES))
    note = ma.fields.String(load_default="", validate=ma.validate.Length(max=1000))


class ActivityRemoveSchema(ma.Schema):
    id = ma.fields.UUID(required=True)


class ActivityRowSchema(ma.Schema):
    """The synced entity "activity" in the scope match:<id>."""

    id = ma.fields.String()
    match_id = ma.fields.String()
    type = ma.fields.String()
    domain = ma.fields.String(metadata={"enum": ["taal", "werk", "meedoen"]})
    day = ma.fields.String(metadata={"description": "YYYY-MM-DD"})
    minutes = ma.fields.Integer()
    initiative = ma.fields.String(metadata={"enum": list(INITIATIVES)})
    note = ma.fields.String()
    logged_by = ma.fields.String(metadata={"enum": ["newcomer", "buddy"]})
    created_at = ma.fields.String()
