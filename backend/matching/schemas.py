"""Request and response schemas of matching: REST routes and sync mutation arguments."""
import marshmallow as ma
from flask_babel import lazy_gettext as _l

from backend.catalogues.catalogue import codes
from backend.matching.models import STATUSES

NOTE = ma.fields.String(load_default="", validate=ma.validate.Length(max=500),
                        metadata={"description": "A short note for the audit trail"})


def _choice(catalogue: str):
    return ma.validate.OneOf(codes(catalogue), error=_l("Kies een van de toegestane waarden."))


# -- REST ---------------------------------------------------------------------------------------

class ProposeSchema(ma.Schema):
    newcomer_id = ma.fields.UUID(required=True)
    buddy_id = ma.fields.UUID(required=True)
    score = ma.fields.Dict(load_default=None, allow_none=True,
                           metadata={"description": "What the suggestion's score said: {total, parts}"})
    note = NOTE


class NoteSchema(ma.Schema):
    note = NOTE


class EndSchema(ma.Schema):
    reason = ma.fields.String(required=True, validate=_choice("end_reasons"),
                              metadata={"description": "A code of the catalogue end_reasons"})
    note = NOTE


class MatchQuerySchema(ma.Schema):
    status = ma.fields.List(ma.fields.String(validate=ma.validate.OneOf(STATUSES)), load_default=None,
                            metadata={"description": "Only matches in these statuses (repeat the parameter)"})


class PersonSchema(ma.Schema):
    id = ma.fields.UUID()
    display_name = ma.fields.String()


class MatchEventSchema(ma.Schema):
    seq = ma.fields.Integer(metadata={"description": "1, 2, ...: the order of the events of this match"})
    action = ma.fields.String(metadata={"enum": ["create", "propose", "accept", "decline", "approve", "withdraw",
                                                 "pause", "resume", "end", "expire"]})
    actor = ma.fields.Nested(PersonSchema, allow_none=True, metadata={"description": "null: the system"})
    from_status = ma.fields.String(allow_none=True, metadata={"enum": list(STATUSES)})
    to_status = ma.fields.String(metadata={"enum": list(STATUSES)})
    reason = ma.fields.String(allow_none=True, metadata={"description": "decline_reasons or end_reasons code"})
    note = ma.fields.String()
    at = ma.fields.AwareDateTime()


class ContactSchema(ma.Schema):
    email = ma.fields.String()
    phone = ma.fields.String()


class MatchOfferSchema(ma.Schema):
    """One party's view of a match: the synced entity "match_offer" in their user:<id> scope."""

    id = ma.fields.String(metadata={"description": "<match id>:<role>"})
    match_id = ma.fields.String()
    role = ma.fields.String(metadata={"enum": ["newcomer", "buddy"]})
    status = ma.fields.String(metadata={"enum": list(STATUSES)})
    other_first_name = ma.fields.String()
    other_municipality = ma.fields.String(allow_none=True)
    shared_languages = ma.fields.List(ma.fields.String(), metadata={"description": "catalogue languages"})
    shared_interests = ma.fields.List(ma.fields.String(), metadata={"description": "catalogue interests"})
    own_answer = ma.fields.String(allow_none=True, metadata={"enum": ["accepted", "declined", None]})
    expires_at = ma.fields.String(allow_none=True)
    planned_end = ma.fields.String(allow_none=True)
    contact = ma.fields.Nested(ContactSchema, allow_none=True,
                               metadata={"description": "Only while active or paused: what the other shares"})
    evaluated = ma.fields.Boolean()
    created_at = ma.fields.String(allow_none=True)
    intake_goals = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()),
                                  metadata={"description": "The newcomer's intake goals per domain (catalogue "
                                                           "codes), while active or paused; else {}"})
    approved_at = ma.fields.String(allow_none=True, metadata={"description": "When the match became active"})
    ended_at = ma.fields.String(allow_none=True)


class MeetingCountsSchema(ma.Schema):
    held = ma.fields.Integer()
    upcoming = ma.fields.Integer(metadata={"description": "Confirmed and still to come"})
    proposed = ma.fields.Integer(metadata={"description": "Waiting for the other side's choice"})
    cancelled = ma.fields.Integer()
    last_held = ma.fields.AwareDateTime(allow_none=True, metadata={"description": "Start of the last held meeting"})
    next_confirmed = ma.fields.AwareDateTime(allow_none=True, metadata={"description": "Start of the next one"})


class DomainCountSchema(ma.Schema):
    count = ma.fields.Integer()
    minutes = ma.fields.Integer()


class ActivityCountsSchema(ma.Schema):
    count = ma.fields.Integer()
    minutes = ma.fields.Integer()
    last_day = ma.fields.Date(allow_none=True)
    by_domain = ma.fields.Dict(keys=ma.fields.String(metadata={"enum": ["taal", "werk", "meedoen"]}),
                               values=ma.fields.Nested(DomainCountSchema),
                               metadata={"description": "taal, werk, meedoen: each always present"})


class GoalCountsSchema(ma.Schema):
    count = ma.fields.Integer()
    done = ma.fields.Integer()


class TogetherSchema(ma.Schema):
    """What a pair did together, as a coordinator sees it: counts and dates only, never notes."""

    meetings = ma.fields.Nested(MeetingCountsSchema)
    activities = ma.fields.Nested(ActivityCountsSchema)
    goals = ma.fields.Nested(GoalCountsSchema)


class MatchSchema(ma.Schema):
    """A match: coordinators get everything but `offer`; a party gets id, status, dates and `offer`."""

    id = ma.fields.UUID()
    status = ma.fields.String(metadata={"enum": list(STATUSES)})
    organisation = ma.fields.String(metadata={"description": "The branch's code (coordinators)"})
    newcomer = ma.fields.Nested(PersonSchema)
    buddy = ma.fields.Nested(PersonSchema)
    newcomer_answer = ma.fields.String(allow_none=True)
    buddy_answer = ma.fields.String(allow_none=True)
    created_at = ma.fields.AwareDateTime()
    expires_at = ma.fields.AwareDateTime(allow_none=True, metadata={"description": "of the proposal"})
    approved_at = ma.fields.AwareDateTime(allow_none=True)
    planned_end = ma.fields.Date(allow_none=True)
    ended_at = ma.fields.AwareDateTime(allow_none=True)
    end_reason = ma.fields.String(allow_none=True)
    score = ma.fields.Dict(allow_none=True)
    history = ma.fields.List(ma.fields.Nested(MatchEventSchema), metadata={"description": "coordinators only"})
    together = ma.fields.Nested(TogetherSchema, metadata={"description": "coordinators only"})
    offer = ma.fields.Nested(MatchOfferSchema, metadata={"description": "a party's own view only"})


class MatchListItemSchema(ma.Schema):
    id = ma.fields.UUID()
    status = ma.fields.String(metadata={"enum": list(STATUSES)})
    newcomer = ma.fields.Nested(PersonSchema)
    buddy = ma.fields.Nested(PersonSchema)
    created_at = ma.fields.AwareDateTime()
    expires_at = ma.fields.AwareDateTime(allow_none=True)
    planned_end = ma.fields.Date(allow_none=True)


# -- sync mutations -------------------------------------------------------------------------------

class MatchAnswerSchema(ma.Schema):
    match_id = ma.fields.UUID(required=True)


class MatchDeclineSchema(ma.Schema):
    match_id = ma.fields.UUID(required=True)
    reason = ma.fields.String(load_default=None, allow_none=True, validate=_choice("decline_reasons"),
                              metadata={"description": "A code of the catalogue decline_reasons"})
    note = NOTE


class MatchEndSchema(ma.Schema):
    match_id = ma.fields.UUID(required=True)
    reason = ma.fields.String(required=True, validate=_choice("end_reasons"),
                              metadata={"description": "A code of the catalogue end_reasons"})
    note = NOTE


class MatchEvaluateSchema(ma.Schema):
    match_id = ma.fields.UUID(required=True)
    rating = ma.fields.Integer(load_default=None, allow_none=True, validate=ma.validate.Range(min=1, max=5))
    comment = ma.fields.String(load_default="", validate=ma.validate.Length(max=1000))
    avoid = ma.fields.Boolean(required=True, metadata={"description": "Never match me with this person again"})
