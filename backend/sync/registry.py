"""Where features plug into sync: mutation handlers by name and scope providers.

    @registry.mutation("profile.update", ProfileUpdateSchema)
    def profile_update(user, args): ...            # raise Rejected to refuse

    @registry.scope_provider
    def own_scope(conn, user): return [f"user:{user.id}"]
"""
from dataclasses import dataclass
from typing import Callable

import marshmallow as ma


class Rejected(Exception):
    """A business rejection of one mutation: recorded, shown to the user, never retried."""

    def __init__(self, code: str, message, current: dict | None = None):
        super().__init__(code)
        self.code = code
        self.message = message
        self.current = current


@dataclass(frozen=True)
class Mutation:
    name: str
    schema: ma.Schema
    handler: Callable


MUTATIONS: dict[str, Mutation] = {}
SCOPE_PROVIDERS: list[Callable] = []


def mutation(name: str, schema: ma.Schema):
    """Register the handler of mutation `name`; args are loaded with `schema` first."""

    def decorator(handler):
        if name in MUTATIONS and MUTATIONS[name].handler is not handler:
            raise ValueError(f"mutation {name} registered twice")
        MUTATIONS[name] = Mutation(name, schema, handler)
        return handler

    return decorator


def scope_provider(fn):
    """Register fn(conn, user) -> iterable of scope names the user holds now."""
    if fn not in SCOPE_PROVIDERS:
        SCOPE_PROVIDERS.append(fn)
    return fn


def scopes_of(conn, user) -> set[str]:
    """Return every scope the user holds, read through `conn` (the pull's snapshot)."""
    return {scope for provider in SCOPE_PROVIDERS for scope in provider(conn, user)}
