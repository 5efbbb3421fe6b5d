"""Shapes of /api/sync/push and /api/sync/pull (DESIGN section 6)."""
import uuid

import marshmallow as ma


MAX_CURSOR = 8192
MAX_LIMIT = 1000
_PULL_KEYS = frozenset(("client_id", "schema_version", "cursor", "limit"))


class MutationSchema(ma.Schema):
    """One mutation; push checks each on its own, so one malformed entry does not refuse the batch."""

    mid = ma.fields.Integer(required=True, strict=True, validate=ma.validate.Range(min=1))
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=64))
    args = ma.fields.Dict(required=True)


class PushSchema(ma.Schema):
    client_id = ma.fields.UUID(required=True)
    schema_version = ma.fields.Integer(required=True, strict=True)
    # Any objects: each is checked against MutationSchema by push (docs/sync.md, "Push").
    mutations = ma.fields.List(ma.fields.Dict(), required=True, metadata={
        "description": 'Each {"mid": int, "name": "<entity>.<verb>", "args": {...}}'})


class PushResultSchema(ma.Schema):
    mid = ma.fields.Integer()
    status = ma.fields.String(metadata={"enum": ["applied", "duplicate", "rejected"]})
    code = ma.fields.String(allow_none=True)
    message = ma.fields.String(allow_none=True)
    current = ma.fields.Dict(allow_none=True)
    errors = ma.fields.Dict(allow_none=True)
    errors_omitted = ma.fields.Integer(metadata={"description": "Field errors left out of `errors` (at most 20 kept)"})


class StoppedSchema(ma.Schema):
    mid = ma.fields.Integer(allow_none=True, metadata={"description": "null: the entry had no usable mid"})
    code = ma.fields.String()
    expected = ma.fields.Integer()


class PushResponseSchema(ma.Schema):
    results = ma.fields.List(ma.fields.Nested(PushResultSchema))
    last_mutation_id = ma.fields.Integer()
    stopped = ma.fields.Nested(StoppedSchema, allow_none=True)
    user_id = ma.fields.UUID(metadata={"description": "The session's user: the phone checks it is whose data it holds"})


class PullSchema(ma.Schema):
    client_id = ma.fields.UUID(required=True)
    schema_version = ma.fields.Integer(required=True, strict=True)
    cursor = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=MAX_CURSOR))
    limit = ma.fields.Integer(load_default=500, strict=True, validate=ma.validate.Range(min=1, max=MAX_LIMIT))

    def load(self, data, *, many=None, partial=None, unknown=None):
        """Take the usual well-formed body directly; anything else goes through the fields.

        Every phone pulls every few minutes, and the fields cost a tenth of an up-to-date
        pull (bench/http_pull.py). The direct path accepts only bodies the fields accept,
        with the same result (tests/sync/test_schemas.py); errors always come from the fields.
        """
        if many is None and partial is None and unknown is None:
            loaded = _plain_pull(data)
            if loaded is not None:
                return loaded
        return super().load(data, many=many, partial=partial, unknown=unknown)


def _plain_pull(data) -> dict | None:
    """Return what PullSchema loads from `data` if it is plainly valid, else None."""
    if type(data) is not dict or not data.keys() <= _PULL_KEYS or "client_id" not in data:
        return None
    client_id, version = data["client_id"], data.get("schema_version")
    cursor, limit = data.get("cursor"), data.get("limit", 500)
    if (type(client_id) is not str or type(version) is not int or type(limit) is not int
            or not 1 <= limit <= MAX_LIMIT or not (cursor is None or (type(cursor) is str and len(cursor) <= MAX_CURSOR))):
        return None
    try:
        client_id = uuid.UUID(client_id)
    except ValueError:
        return None
    return {"client_id": client_id, "schema_version": version, "cursor": cursor, "limit": limit}


class ChangeSchema(ma.Schema):
    op = ma.fields.String(required=True, validate=ma.validate.OneOf(["put", "del"]))
    entity = ma.fields.String(required=True)
    id = ma.fields.String(required=True)
    scope = ma.fields.String(required=True)
    seq = ma.fields.Integer(required=True)
    data = ma.fields.Dict(metadata={"description": "The full row; only with put"})


class PullResponseSchema(ma.Schema):
    """The pull answer. It is written as JSON text by pull._render, not dumped through this
    schema (speed); tests/sync/helpers.py validates every pull answer of the tests against this
    schema as the spec publishes it, so the two cannot drift."""

    changes = ma.fields.List(ma.fields.Nested(ChangeSchema), required=True)
    drop_scope = ma.fields.List(ma.fields.String(), required=True)
    reset = ma.fields.Boolean(required=True)
    last_mutation_id = ma.fields.Integer(required=True)
    has_more = ma.fields.Boolean(required=True)
    cursor = ma.fields.String(required=True)
    user_id = ma.fields.UUID(required=True, metadata={"description": "The session's user: the phone checks it is whose data it holds"})
