"""Who may act on what: the checks every coordinator route shares.

A coordinator acts only inside their organisation's subtree (orgs/service.is_within). Personal
data (a newcomer's intake, a buddy's profile) is read only by a coordinator of the person's own
municipal branch; provincial and national coordinators see counts per branch, never names
(DESIGN section 9). A forbidden id answers 404, the same as a missing one: nobody learns what
exists outside their branch.
"""
import sqlalchemy as sa

from backend.accounts.models import User
from backend.errors import Forbidden, NotFound
from backend.extensions import db
from backend.orgs.models import Organisation
from backend.orgs.service import is_within


def is_coordinator(user: User | None) -> bool:
    """Tell whether `user` is a logged-in coordinator with an organisation."""
    return bool(user is not None and getattr(user, "is_authenticated", False)
                and user.has_role("coordinator") and user.organisation_id is not None)


def require_coordinator(user: User | None) -> User:
    """Return `user` if they are a coordinator of some organisation.

    :raise 403: otherwise (the caller has already required a login: anonymous is a 401 there).
    """
    if not is_coordinator(user):
        raise Forbidden()
    return user


def coordinator_scope(user: User) -> Organisation:
    """Return the organisation whose subtree `user` coordinates.

    :raise 403: if the user is not a coordinator.
    """
    require_coordinator(user)
    return user.organisation


def is_municipal_coordinator(user: User | None) -> bool:
    """Tell whether `user` coordinates a municipal branch (the level that sees personal data)."""
    return is_coordinator(user) and user.organisation.kind == "municipality"


def can_act_on(user: User | None, org: Organisation | None) -> bool:
    """Tell whether `user` coordinates `org` or an organisation above it (counts, lists of states)."""
    return is_coordinator(user) and is_within(org, user.organisation)


def can_read_personal(user: User | None, org: Organisation | None) -> bool:
    """Tell whether `user` may read the personal data of people of branch `org`.

    Only a coordinator of a municipal branch, for people of that branch (its subtree, which
    for a municipality is the branch itself). Provinces and the nation: never.
    """
    return is_municipal_coordinator(user) and is_within(org, user.organisation)


def require_personal(user: User | None, org: Organisation | None) -> None:
    """Raise unless `user` may read personal data of branch `org`.

    :raise 403: if the user is no coordinator at all.
    :raise 404: if the person lies outside what the coordinator may read (as if missing).
    """
    require_coordinator(user)
    if not can_read_personal(user, org):
        raise NotFound()


def load_personal(user: User | None, model, person_id, lock: bool = False):
    """Return the `model` row of person `person_id` (a buddy profile, an intake) if `user` may read it.

    The row names its branch in `organisation_id`; `lock` takes it FOR UPDATE (a change follows).

    :raise 403: if the user is no coordinator at all.  :raise 404: if missing or outside what they may read.
    """
    require_coordinator(user)
    query = sa.select(model).where(model.user_id == person_id)
    if lock:
        query = query.with_for_update()
    row = db.session.scalar(query)
    if row is None:
        raise NotFound()
    require_personal(user, db.session.get(Organisation, row.organisation_id))
    return row


def require_municipal_coordinator(user: User | None) -> Organisation:
    """Return the municipal branch `user` coordinates.

    :raise 403: for anyone else (provincial and national coordinators included).
    """
    if not is_municipal_coordinator(user):
        raise Forbidden()
    return user.organisation


def branch_coordinators(org_id: int) -> list[User]:
    """Return the coordinators of one branch itself, oldest account first (they vet its buddies and
    hear of its matches' answers, expiries and quiet pairs)."""
    users = db.session.scalars(sa.select(User).where(User.organisation_id == org_id,
                                                     User.role_names.contains("coordinator"))
                               .order_by(User.created_at, User.id))
    return [u for u in users if u.has_role("coordinator")]
