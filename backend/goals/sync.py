"""The goals feature's part in sync: goal.add, goal.edit and goal.step_* in the scope match:<id>."""
from backend.goals import service
from backend.goals.schemas import (
    GoalAddSchema, GoalEditSchema, GoalStepAddSchema, GoalStepRemoveSchema, GoalStepSetSchema,
)
from backend.sync import registry


@registry.mutation("goal.add", GoalAddSchema())
def goal_add(user, args):
    """Add a goal: a goal code of the domain (from the intake) or a title in the pair's own words."""
    return service.goal_data(service.apply_add(user, args))


@registry.mutation("goal.edit", GoalEditSchema())
def goal_edit(user, args):
    """Set only the named fields of a goal: title, level, done."""
    return service.goal_data(service.apply_edit(user, args))


@registry.mutation("goal.step_add", GoalStepAddSchema())
def goal_step_add(user, args):
    """Add one step to a goal (at most 12)."""
    return service.goal_data(service.apply_step_add(user, args["goal_id"], args["step"]))


@registry.mutation("goal.step_set", GoalStepSetSchema())
def goal_step_set(user, args):
    """Tick one step of a goal off, or untick it."""
    return service.goal_data(service.apply_step_set(user, args["goal_id"], args["step_id"], args["done"]))


@registry.mutation("goal.step_remove", GoalStepRemoveSchema())
def goal_step_remove(user, args):
    """Remove one step of a goal."""
    return service.goal_data(service.apply_step_remove(user, args["goal_id"], args["step_id"]))
