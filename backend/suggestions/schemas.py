"""Request and response schemas of suggestions and the waiting-list proposal."""
import marshmallow as ma

from backend.buddies.models import KINDS
from backend.catalogues.catalogue import codes
from backend.suggestions.scoring import DEFAULT_MAX_KM

PART_CODES = ["language", "distance", "availability", "interests", "capacity", "mdt", "preference"]


class SuggestionQuerySchema(ma.Schema):
    language = ma.fields.String(validate=ma.validate.OneOf(codes("languages")),
                                metadata={"description": "Only buddies who speak this language (catalogue code)"})
    max_km = ma.fields.Float(validate=ma.validate.Range(min=0, max=400), metadata={
        "description": f"Only buddies at most this far (km between the municipalities; default {DEFAULT_MAX_KM})"})
    kind = ma.fields.String(validate=ma.validate.OneOf(KINDS), metadata={"description": "Only this kind of buddy"})
    limit = ma.fields.Integer(load_default=20, validate=ma.validate.Range(min=1, max=100),
                              metadata={"description": "How many suggestions (the best first)"})


class WaitingListQuerySchema(ma.Schema):
    max_km = ma.fields.Float(validate=ma.validate.Range(min=0, max=400), metadata={
        "description": f"Only pairs at most this far apart (km; default {DEFAULT_MAX_KM})"})
    kind = ma.fields.String(validate=ma.validate.OneOf(KINDS), metadata={"description": "Only this kind of buddy"})


class ScorePartSchema(ma.Schema):
    code = ma.fields.String(validate=ma.validate.OneOf(PART_CODES))
    points = ma.fields.Float()
    text = ma.fields.String(metadata={"description": "The facts in words, in the reader's language"})
    facts = ma.fields.Dict(metadata={"description": "The raw facts: codes, km, minutes, dates"})
    flag = ma.fields.Boolean(metadata={"description": "Something the coordinator should look at"})


class ScoreSchema(ma.Schema):
    total = ma.fields.Float()
    parts = ma.fields.List(ma.fields.Nested(ScorePartSchema))


class SuggestionSchema(ma.Schema):
    buddy_id = ma.fields.UUID()
    display_name = ma.fields.String()
    kind = ma.fields.String(validate=ma.validate.OneOf(KINDS))
    municipality_code = ma.fields.String()
    score = ma.fields.Nested(ScoreSchema)


class SuggestionsSchema(ma.Schema):
    newcomer_id = ma.fields.UUID()
    candidates = ma.fields.Integer(metadata={"description": "How many buddies are admissible (before the limit)"})
    suggestions = ma.fields.List(ma.fields.Nested(SuggestionSchema))


class ProposedPairSchema(ma.Schema):
    """One pair of the proposal. To propose it: POST /api/matches with
    {newcomer_id, buddy_id, score: proposal.score}."""

    newcomer_id = ma.fields.UUID()
    newcomer_name = ma.fields.String()
    buddy_id = ma.fields.UUID()
    buddy_name = ma.fields.String()
    proposal = ma.fields.Nested(SuggestionSchema, metadata={"description": "The pair in this proposal"})
    best = ma.fields.Nested(SuggestionSchema, metadata={"description": "The newcomer's best buddy one at a time"})
    same_as_best = ma.fields.Boolean()


class UnplacedSchema(ma.Schema):
    newcomer_id = ma.fields.UUID()
    newcomer_name = ma.fields.String()
    reason = ma.fields.String(validate=ma.validate.OneOf(["no_admissible_buddy", "no_capacity"]))
    message = ma.fields.String()
    best = ma.fields.Nested(SuggestionSchema, allow_none=True,
                            metadata={"description": "The best buddy one at a time, if any (taken by another pair)"})


class WaitingListProposalSchema(ma.Schema):
    organisation = ma.fields.String()
    newcomers = ma.fields.Integer(metadata={"description": "Waiting newcomers (an intake, no open match)"})
    buddies = ma.fields.Integer(metadata={"description": "Eligible buddies of the branch"})
    total = ma.fields.Float(metadata={"description": "The sum of the proposed pairs' scores"})
    pairs = ma.fields.List(ma.fields.Nested(ProposedPairSchema))
    unplaced = ma.fields.List(ma.fields.Nested(UnplacedSchema))
