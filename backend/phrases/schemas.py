"""Arguments of the practice mutations and the synced rows (docs/phrases.md is the contract)."""
import marshmallow as ma

from backend.phrases.models import LEVELS, MODES, RATINGS

PHRASE_ID = ma.validate.Length(min=1, max=80)
VOICES = ("recorded", "browser", "computer")
SELF_MODES = tuple(m for m in MODES if m != "together")


class CardStateSchema(ma.Schema):
    """A ts-fsrs Card as the phone derived it (dates as ISO 8601 UTC)."""

    class Meta:
        unknown = ma.EXCLUDE  # a newer ts-fsrs may add fields; we keep what we know

    due = ma.fields.AwareDateTime(required=True, default_timezone=None)
    stability = ma.fields.Float(required=True, allow_nan=False, validate=ma.validate.Range(min=0, max=1e6))
    difficulty = ma.fields.Float(required=True, allow_nan=False, validate=ma.validate.Range(min=0, max=100))
    elapsed_days = ma.fields.Integer(load_default=0)
    scheduled_days = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0, max=1e6))
    learning_steps = ma.fields.Integer(load_default=0)
    reps = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0))
    lapses = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0))
    state = ma.fields.Integer(required=True, validate=ma.validate.OneOf((0, 1, 2, 3)))  # new, learning, review, relearning
    last_review = ma.fields.AwareDateTime(allow_none=True, load_default=None)


class ReviewLogSchema(ma.Schema):
    """review.log: one own rating of one phrase, with the card state the phone derived after it."""

    id = ma.fields.UUID(required=True, metadata={"description": "Made on the phone"})
    phrase_id = ma.fields.String(required=True, validate=PHRASE_ID)
    rating = ma.fields.Integer(required=True, validate=ma.validate.OneOf(RATINGS))
    mode = ma.fields.String(required=True, validate=ma.validate.OneOf(SELF_MODES))
    reviewed_at = ma.fields.AwareDateTime(required=True, metadata={"description": "The phone's clock, UTC"})
    card = ma.fields.Nested(CardStateSchema, required=True)


class ReviewTogetherSchema(ma.Schema):
    """review.together: the buddy rates the newcomer's spoken answer at a meeting (needs consent)."""

    id = ma.fields.UUID(required=True)
    match_id = ma.fields.UUID(required=True)
    phrase_id = ma.fields.String(required=True, validate=PHRASE_ID)
    rating = ma.fields.Integer(required=True, validate=ma.validate.OneOf(RATINGS))
    reviewed_at = ma.fields.AwareDateTime(required=True)


class PracticeSettingsSchema(ma.Schema):
    """practice.settings: merge the named fields into the own settings (last write per field wins)."""

    new_per_day = ma.fields.Integer(validate=ma.validate.Range(min=0, max=50))
    reviews_per_day = ma.fields.Integer(validate=ma.validate.Range(min=10, max=500))
    buttons = ma.fields.Integer(validate=ma.validate.OneOf((2, 4)))
    voice = ma.fields.String(validate=ma.validate.OneOf(VOICES))
    modes = ma.fields.List(ma.fields.String(validate=ma.validate.OneOf(SELF_MODES)),
                           validate=ma.validate.Length(min=1, max=len(SELF_MODES)))
    together = ma.fields.Boolean(metadata={"description": "Newcomer only: a buddy's ratings count as my reviews"})
    share_progress = ma.fields.Boolean(metadata={"description": "Newcomer only: my buddy sees my progress"})


class ThemeProgressSchema(ma.Schema):
    started = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0, max=100_000))
    mastered = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0, max=100_000))


class PracticeProgressSchema(ma.Schema):
    """practice.progress: the summary the newcomer's phone derived (the buddy sees it with consent)."""

    due_today = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0, max=100_000))
    streak = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0, max=100_000))
    weeks = ma.fields.List(ma.fields.Integer(validate=ma.validate.Range(min=0, max=100_000)), required=True,
                           validate=ma.validate.Length(max=12),
                           metadata={"description": "Reviews per week, oldest first, this week last"})
    themes = ma.fields.Dict(keys=ma.fields.String(validate=ma.validate.Length(max=24)),
                            values=ma.fields.Nested(ThemeProgressSchema), required=True,
                            validate=ma.validate.Length(max=40))
    at = ma.fields.AwareDateTime(required=True)


class OrgPhraseSchema(ma.Schema):
    """A branch's own phrase, as a coordinator writes it (REST) and as it syncs (org_phrase)."""

    id = ma.fields.String(dump_only=True, metadata={"description": "org:<uuid>: the phrase id reviews name"})
    nl = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=300))
    theme = ma.fields.String(required=True)
    level = ma.fields.String(required=True, validate=ma.validate.OneOf(LEVELS))
    translations = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String(validate=ma.validate.Length(max=300)),
                                  load_default=dict)
    note = ma.fields.String(load_default="", validate=ma.validate.Length(max=300))
    updated_at = ma.fields.String(dump_only=True)


class OrgPhraseChangeSchema(OrgPhraseSchema):
    """The fields of a branch's phrase to change (PATCH): any subset; translations replace the old set."""
