"""Routes under /api/orgs: the organisation tree (public reference data, for logged-in users)."""
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.orgs import service
from backend.pagination import QueryPage
from backend.orgs.schemas import OrganisationQuerySchema, OrganisationSchema

bp = Blueprint("orgs", __name__, url_prefix="/api/orgs", description="The organisation tree")


@bp.route("")
class Organisations(MethodView):
    @login_required
    @bp.arguments(OrganisationQuerySchema(), location="query")
    @bp.response(200, OrganisationSchema(many=True))
    @bp.paginate(QueryPage)
    def get(self, args):
        """List organisations, optionally the children of one code."""
        return service.list_organisations(**args)


@bp.route("/<code>")
class OrganisationByCode(MethodView):
    @login_required
    @bp.response(200, OrganisationSchema)
    def get(self, code):
        """Return one organisation by its code (NL, PV26, GM0344)."""
        return service.get_by_code(code)
