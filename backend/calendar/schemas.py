"""What the calendar feed routes answer (docs/meetings.md, "Calendar")."""
import marshmallow as ma


class FeedStatusSchema(ma.Schema):
    """Whether the user has a feed; its address cannot be shown again (only its hash is stored)."""

    active = ma.fields.Boolean(required=True)
    created_at = ma.fields.AwareDateTime(allow_none=True, metadata={"description": "When the current address was made"})


class FeedCreatedSchema(ma.Schema):
    """A new feed address: shown this once. Any earlier address of the user stops working."""

    url = ma.fields.String(required=True, metadata={
        "description": "PUBLIC_URL/api/calendar/feed/<token>.ics: a secret, to paste into a calendar app"})
    created_at = ma.fields.AwareDateTime(required=True)
