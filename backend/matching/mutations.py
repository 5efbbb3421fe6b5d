"""The matching feature's part in sync: a party to an active match holds match:<id>."""
from backend.matching.service import active_match_ids
from backend.sync import registry


@registry.scope_provider
def match_scopes(conn, user):
    """Return match:<id> for every active match of the user."""
    return [f"match:{match_id}" for match_id in active_match_ids(conn, user.id)]
