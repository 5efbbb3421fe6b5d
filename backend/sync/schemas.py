"""Shapes of /api/sync/push and /api/sync/pull (DESIGN section 6)."""
import marshmallow as ma


class MutationSchema(ma.Schema):
    mid = ma.fields.Integer(required=True, strict=True, validate=ma.validate.Range(min=1))
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=64))
    args = ma.fields.Dict(required=True)


class PushSchema(ma.Schema):
    client_id = ma.fields.UUID(required=True)
    schema_version = ma.fields.Integer(required=True, strict=True)
    mutations = ma.fields.List(ma.fields.Nested(MutationSchema), required=True)


class PushResultSchema(ma.Schema):
    mid = ma.fields.Integer()
    status = ma.fields.String(metadata={"enum": ["applied", "duplicate", "rejected"]})
    code = ma.fields.String(allow_none=True)
    message = ma.fields.String(allow_none=True)
    current = ma.fields.Dict(allow_none=True)
    errors = ma.fields.Dict(allow_none=True)


class StoppedSchema(ma.Schema):
    mid = ma.fields.Integer()
    code = ma.fields.String()
    expected = ma.fields.Integer()


class PushResponseSchema(ma.Schema):
    results = ma.fields.List(ma.fields.Nested(PushResultSchema))
    last_mutation_id = ma.fields.Integer()
    stopped = ma.fields.Nested(StoppedSchema, allow_none=True)


class PullSchema(ma.Schema):
    client_id = ma.fields.UUID(required=True)
    schema_version = ma.fields.Integer(required=True, strict=True)
    cursor = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=8192))
    limit = ma.fields.Integer(load_default=500, strict=True, validate=ma.validate.Range(min=1, max=1000))


class ChangeSchema(ma.Schema):
    op = ma.fields.String(metadata={"enum": ["put", "del"]})
    entity = ma.fields.String()
    id = ma.fields.String()
    scope = ma.fields.String()
    seq = ma.fields.Integer()
    data = ma.fields.Dict(metadata={"description": "The full row; only with put"})


class PullResponseSchema(ma.Schema):
    changes = ma.fields.List(ma.fields.Nested(ChangeSchema))
    drop_scope = ma.fields.List(ma.fields.String())
    reset = ma.fields.Boolean()
    last_mutation_id = ma.fields.Integer()
    has_more = ma.fields.Boolean()
    cursor = ma.fields.String()
