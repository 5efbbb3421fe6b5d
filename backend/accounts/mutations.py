"""The accounts feature's part in sync: the own scope and the profile.update mutation."""
from backend.accounts import service
from backend.accounts.schemas import ProfileUpdateSchema
from backend.sync import registry


@registry.scope_provider
def own_scope(conn, user):
    """Every user holds their own scope: profile, notices, later reviews and cards."""
    return [f"user:{user.id}"]


@registry.mutation("profile.update", ProfileUpdateSchema())
def profile_update(user, args):
    """Merge the given fields into the own profile (last write per field wins)."""
    service.apply_profile_update(user, args)
    return service.profile_data(user)
