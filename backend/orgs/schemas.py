"""Organisation schemas."""
import marshmallow as ma


class OrganisationSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    code = ma.fields.String(dump_only=True)
    name = ma.fields.String(dump_only=True)
    kind = ma.fields.String(dump_only=True)
    parent_code = ma.fields.Method("_parent_code", dump_only=True)

    def _parent_code(self, org):
        return org.parent.code if org.parent is not None else None


class OrganisationQuerySchema(ma.Schema):
    parent = ma.fields.String(metadata={"description": "Only the children of this code (e.g. PV26)"})
    kind = ma.fields.String(validate=ma.validate.OneOf(["national", "province", "municipality"]))
