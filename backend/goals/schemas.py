"""Arguments of the goal mutations and the synced "goal" row.

goal.add makes a goal (from an intake goal code, or with a title of the pair's own); goal.edit sets
only the fields it names (title, level, done), so two phones editing different fields both win;
goal.step_add / goal.step_set / goal.step_remove change one step, so ticking off two different
steps on two phones never loses one.
"""
import marshmallow as ma

from backend.goals.models import LEVELS

MAX_STEPS = 12
DOMAIN = ma.fields.String(required=True, validate=ma.validate.OneOf(["taal", "werk", "meedoen"]))


class GoalStepSchema(ma.Schema):
    id = ma.fields.UUID(required=True)
    text = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))


class GoalAddSchema(ma.Schema):
    id = ma.fields.UUID(required=True, metadata={"description": "Made on the phone"})
    match_id = ma.fields.UUID(required=True)
    domain = DOMAIN
    code = ma.fields.String(load_default=None, allow_none=True,
                            metadata={"description": "A goal code of the catalogue (the newcomer's intake goals)"})
    title = ma.fields.String(load_default="", validate=ma.validate.Length(max=120),
                             metadata={"description": "Required without a code"})
    steps = ma.fields.List(ma.fields.Nested(GoalStepSchema), load_default=list,
                           validate=ma.validate.Length(max=MAX_STEPS))


class GoalEditSchema(ma.Schema):
    id = ma.fields.UUID(required=True)
    title = ma.fields.String(validate=ma.validate.Length(min=1, max=120))
    level = ma.fields.Integer(validate=ma.validate.OneOf(LEVELS))
    done = ma.fields.Boolean()


class GoalStepAddSchema(ma.Schema):
    goal_id = ma.fields.UUID(required=True)
    step = ma.fields.Nested(GoalStepSchema, required=True)


class GoalStepSetSchema(ma.Schema):
    goal_id = ma.fields.UUID(required=True)
    step_id = ma.fields.UUID(required=True)
    done = ma.fields.Boolean(required=True)


class GoalStepRemoveSchema(ma.Schema):
    goal_id = ma.fields.UUID(required=True)
    step_id = ma.fields.UUID(required=True)


class GoalRowSchema(ma.Schema):
    """The synced entity "goal" in the scope match:<id>."""

    id = ma.fields.String()
    match_id = ma.fields.String()
    domain = ma.fields.String()
    code = ma.fields.String(allow_none=True)
    title = ma.fields.String(metadata={"description": "The pair's own words; empty for a catalogue goal"})
    level = ma.fields.Integer()
    steps = ma.fields.List(ma.fields.Dict(), metadata={"description": "[{id, text, done}]"})
    done_at = ma.fields.String(allow_none=True)
    added_by = ma.fields.String()
    created_at = ma.fields.String()
    updated_at = ma.fields.String()
