"""Where features plug into sync: mutation handlers by name and scope providers.

    @registry.mutation("profile.update", ProfileUpdateSchema)
    def profile_update(user, args): ...            # raise Rejected to refuse

    @registry.scope_provider("match")
    def match_scope_ids(user_id):                  # user_id: a bound parameter
        return sa.select(matches.c.id).where(...)  # the ids of the match:<id> scopes held
"""
import uuid
from dataclasses import dataclass
from typing import Callable

import marshmallow as ma
import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction


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


def mutation(name: str, schema: ma.Schema):
    """Register the handler of mutation `name`; args are loaded with `schema` first."""

    def decorator(handler):
        if name in MUTATIONS and MUTATIONS[name].handler is not handler:
            raise ValueError(f"mutation {name} registered twice")
        MUTATIONS[name] = Mutation(name, schema, handler)
        return handler

    return decorator


@dataclass(frozen=True)
class ScopeProvider:
    kind: str  # scopes are named "<kind>:<id>"
    ids: Callable  # ids(user_id bindparam) -> a SELECT of one column: the ids held


SCOPE_PROVIDERS: dict[str, ScopeProvider] = {}
_scope_columns: tuple | None = None  # built once from SCOPE_PROVIDERS, see _built()


def scope_provider(kind: str):
    """Register the SELECT of the ids of the `kind:<id>` scopes a user holds now.

    A provider is SQL, not Python, so that the pull asks every provider, the session check and
    the feed head in one statement (one round trip; bench/http_pull.py).
    """

    def decorator(fn):
        if kind in SCOPE_PROVIDERS and SCOPE_PROVIDERS[kind].ids is not fn:
            raise ValueError(f"scope kind {kind} registered twice")
        global _scope_columns
        SCOPE_PROVIDERS[kind] = ScopeProvider(kind, fn)
        _scope_columns = None
        return fn

    return decorator


def scope_columns() -> tuple:
    """Return one labelled scalar subquery per provider: the ids it finds, joined by spaces.

    Bind `user_id` when running them. Built once (the same tuple until a provider is added):
    building costs more than running.
    """
    return _built()[0]


def _built() -> tuple:
    """Return (the columns, (column, kind, ids are UUIDs) per provider), built on first use."""
    global _scope_columns
    if _scope_columns is None:
        built = []
        user_id = sa.bindparam("user_id", type_=sa.Uuid)
        for kind, provider in sorted(SCOPE_PROVIDERS.items()):
            ids = provider.ids(user_id).subquery()
            joined = _space_joined(sa.cast(ids.c[0], sa.String))
            column = sa.select(joined).scalar_subquery().label(f"scopes_{kind}")
            built.append((column, kind, isinstance(ids.c[0].type, sa.Uuid)))
        # One assignment: a parallel first use builds an equal pair.
        _scope_columns = (tuple(column for column, _, _ in built), built)
    return _scope_columns


class _space_joined(GenericFunction):
    """The values of a text column joined by spaces (aggregate_strings with the separator
    written into the SQL: SQLAlchemy's own renders it anew on every execution)."""

    type = sa.String()
    inherit_cache = True


@compiles(_space_joined)
def _space_joined_default(element, compiler, **kw):
    return "group_concat(%s, ' ')" % compiler.process(element.clauses, **kw)  # SQLite


@compiles(_space_joined, "postgresql")
def _space_joined_postgresql(element, compiler, **kw):
    return "string_agg(%s, ' ')" % compiler.process(element.clauses, **kw)


def scopes_in(row) -> set[str]:
    """Return the scope names held, from a row that selected scope_columns()."""
    held = set()
    for column, kind, is_uuid in _built()[1]:
        joined = getattr(row, column.name)
        for value in joined.split() if joined else ():
            # One spelling per id: SQLite keeps a UUID as 32 hex digits, PostgreSQL with dashes.
            held.add(f"{kind}:{uuid.UUID(value) if is_uuid else value}")
    return held


def scopes_of(conn, user_id) -> set[str]:
    """Return every scope the user holds, read through `conn` (one statement)."""
    return scopes_in(conn.execute(sa.select(*scope_columns()), {"user_id": user_id}).one())
