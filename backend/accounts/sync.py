"""The accounts feature's part in sync: the own scope and the profile.update mutation."""
import sqlalchemy as sa

from backend.accounts import service
from backend.accounts.models import User
from backend.accounts.schemas import ProfileUpdateSchema
from backend.sync import registry


@registry.scope_provider("user")
def own_scope(user_id):
    """Every user holds their own scope user:<id>: profile, notices, later reviews and cards."""
    return sa.select(User.__table__.c.id).where(User.__table__.c.id == user_id)


@registry.mutation("profile.update", ProfileUpdateSchema())
def profile_update(user, args):
    """Merge the given fields into the own profile (last write per field wins)."""
    service.apply_profile_update(user, args)
    return service.profile_data(user)
