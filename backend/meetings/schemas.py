"""Arguments of the meeting mutations and the synced "meeting" row (docs/meetings.md).

Every transition names the `version` of the meeting the phone showed: the server applies it only
if the meeting is still at that version, so of two intents made on the same state the first to
arrive wins and the other is rejected with a notice that says what happened.
"""
import marshmallow as ma
from flask_babel import lazy_gettext as _l

from backend.meetings.models import ROLES, STATUSES

MAX_SLOTS = 3


class SlotSchema(ma.Schema):
    starts_at = ma.fields.AwareDateTime(required=True, metadata={"description": "With its offset; stored in UTC"})
    minutes = ma.fields.Integer(required=True, validate=ma.validate.Range(min=15, max=480))


SLOTS = ma.fields.List(
    ma.fields.Nested(SlotSchema), required=True,
    validate=ma.validate.Length(min=1, max=MAX_SLOTS, error=_l("Stel één tot drie momenten voor.")),
)
PLACE = ma.fields.String(load_default="", validate=ma.validate.Length(max=200))
VIDEO_URL = ma.fields.String(
    load_default="",
    validate=ma.validate.Length(max=500),
    metadata={"description": "An https:// (or http://) link to a video call; a place or a link is required"},
)
VERSION = ma.fields.Integer(required=True, validate=ma.validate.Range(min=1),
                            metadata={"description": "The meeting's version the phone showed"})


class MeetingProposeSchema(ma.Schema):
    id = ma.fields.UUID(required=True, metadata={"description": "Made on the phone"})
    match_id = ma.fields.UUID(required=True)
    slots = SLOTS
    place = PLACE
    video_url = VIDEO_URL
    note = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class MeetingChooseSchema(ma.Schema):
    id = ma.fields.UUID(required=True)
    version = VERSION
    starts_at = ma.fields.AwareDateTime(required=True, metadata={"description": "One of the proposed slots"})


class MeetingDeclineSchema(ma.Schema):
    id = ma.fields.UUID(required=True)
    version = VERSION
    note = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class MeetingRescheduleSchema(ma.Schema):
    id = ma.fields.UUID(required=True)
    version = VERSION
    slots = SLOTS
    place = PLACE
    video_url = VIDEO_URL
    note = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class MeetingCancelSchema(ma.Schema):
    id = ma.fields.UUID(required=True)
    version = VERSION
    reason = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=500))


class MeetingCompleteSchema(ma.Schema):
    id = ma.fields.UUID(required=True)
    version = VERSION
    attended = ma.fields.List(ma.fields.String(validate=ma.validate.OneOf(ROLES)), required=True,
                              validate=ma.validate.Length(max=2), metadata={"description": "Who came"})
    note = ma.fields.String(load_default="", validate=ma.validate.Length(max=1000))


class MeetingRowSchema(ma.Schema):
    """The synced entity "meeting" in the scope match:<id> (roles, never user ids)."""

    id = ma.fields.String()
    match_id = ma.fields.String()
    status = ma.fields.String(metadata={"enum": list(STATUSES)})
    version = ma.fields.Integer()
    sequence = ma.fields.Integer()
    proposed_by = ma.fields.String(metadata={"enum": list(ROLES)})
    slots = ma.fields.List(ma.fields.Nested(SlotSchema))
    starts_at = ma.fields.String(allow_none=True, metadata={"description": "UTC ISO 8601 of the chosen slot"})
    minutes = ma.fields.Integer(allow_none=True)
    place = ma.fields.String()
    video_url = ma.fields.String()
    note = ma.fields.String()
    decided_by = ma.fields.String(allow_none=True)
    cancelled_by = ma.fields.String(allow_none=True)
    cancel_reason = ma.fields.String()
    attended = ma.fields.List(ma.fields.String())
    held_note = ma.fields.String()
    completed_by = ma.fields.String(allow_none=True)
    last_action = ma.fields.String(metadata={"enum": ["propose", "choose", "decline", "reschedule", "cancel",
                                                      "complete"]})
    last_actor = ma.fields.String(metadata={"enum": list(ROLES)})
    created_at = ma.fields.String()
    updated_at = ma.fields.String()
