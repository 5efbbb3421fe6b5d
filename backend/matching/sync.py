"""The matching feature's part in sync: a party to an active match holds match:<id>."""
from backend.matching.service import active_match_ids
from backend.sync import registry


@registry.scope_provider("match")
def match_scopes(user_id):
    """The active matches of the user: each is a scope match:<id>."""
    return active_match_ids(user_id)
