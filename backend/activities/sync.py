"""The activities feature's part in sync: activity.log and activity.remove in the scope match:<id>."""
from backend.activities import service
from backend.activities.schemas import ActivityLogSchema, ActivityRemoveSchema
from backend.sync import registry


@registry.mutation("activity.log", ActivityLogSchema())
def activity_log(user, args):
    """Log what the pair did together: a type of the catalogue, a day, minutes, whose initiative."""
    return service.activity_data(service.apply_log(user, args))


@registry.mutation("activity.remove", ActivityRemoveSchema())
def activity_remove(user, args):
    """Remove an activity of the pair (either side); an unknown id changes nothing."""
    service.apply_remove(user, args["id"])
    return None
