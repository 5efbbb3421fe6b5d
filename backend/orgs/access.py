"""Who may act on what (minimal version written by suggest9; people9 owns this file: take theirs at merge).

Coordinators act only inside their organisation subtree; provincial and national coordinators
see counts, never a newcomer's intake (DESIGN section 9).
"""
from backend.errors import Forbidden
from backend.orgs.service import is_within


def require_coordinator(user):
    """Raise 403 unless the user is a coordinator."""
    if not user.has_role("coordinator"):
        raise Forbidden()


def coordinator_scope(user):
    """Return the organisation a coordinator acts for (the root of their subtree)."""
    return user.organisation


def can_read_personal(user, org) -> bool:
    """Tell whether the user may read personal data (an intake) held by `org`.

    Only a municipal coordinator whose branch is `org` (or contains it); provinces and the nation: False.
    """
    own = coordinator_scope(user)
    return (user.has_role("coordinator") and own is not None and own.kind == "municipality"
            and is_within(org, own))
