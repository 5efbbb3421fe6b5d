"""Check a user's hold on a scope inside a mutation (a change in a scope they lack is rejected)."""
from flask_babel import lazy_gettext as _l

from backend.extensions import db
from backend.sync import registry


def require_scope(user, scope: str) -> None:
    """Reject the current mutation unless the user holds `scope` right now."""
    if scope not in registry.scopes_of(db.session.connection(), user.id):
        raise registry.Rejected("scope_forbidden", _l("Je hebt geen toegang meer tot deze gegevens."))
