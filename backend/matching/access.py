"""Local copies of the shared coordinator checks (backend/orgs/access.py, written by people9).

Named and behaving the same, so that at merge the lead can point the imports at
backend.orgs.access and delete this file. Personal data (and so a match: it names a newcomer)
is read and acted on only by a coordinator of the person's own municipal branch; provincial and
national coordinators see counts per branch (the dashboard), never names.
"""
from backend.errors import Forbidden, NotFound
from backend.orgs.service import is_within


def is_coordinator(user) -> bool:
    """Tell whether `user` is a logged-in coordinator with an organisation."""
    return bool(user is not None and getattr(user, "is_authenticated", False)
                and user.has_role("coordinator") and user.organisation_id is not None)


def require_coordinator(user):
    """Return `user` if a coordinator of some organisation; raise 403 otherwise."""
    if not is_coordinator(user):
        raise Forbidden()
    return user


def coordinator_scope(user):
    """Return the organisation whose subtree `user` coordinates (403 for anyone else)."""
    require_coordinator(user)
    return user.organisation


def can_read_personal(user, org) -> bool:
    """Tell whether `user` coordinates the municipal branch `org` (provinces, the nation: never)."""
    return (is_coordinator(user) and user.organisation.kind == "municipality"
            and is_within(org, user.organisation))


def require_personal(user, org) -> None:
    """Raise 403 for a non-coordinator, 404 (as if missing) outside what the coordinator may read."""
    require_coordinator(user)
    if not can_read_personal(user, org):
        raise NotFound()
