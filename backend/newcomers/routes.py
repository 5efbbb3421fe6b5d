"""Routes under /api/newcomers: the intake by a coordinator of a municipal branch."""
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.newcomers import service
from backend.newcomers.schemas import (
    IntakeCreatedSchema, IntakeCreateSchema, IntakeFieldsSchema, IntakeSchema, IntakeSummarySchema,
    NewcomerQuerySchema,
)
from backend.pagination import QueryPage

bp = Blueprint("newcomers", __name__, url_prefix="/api/newcomers", description="Newcomer intake")


@bp.route("")
class Newcomers(MethodView):
    @login_required
    @bp.arguments(NewcomerQuerySchema(), location="query")
    @bp.response(200, IntakeSummarySchema(many=True))
    @bp.alt_response(403, response="ErrorForbidden")
    @bp.paginate(QueryPage)
    def get(self, args):
        """List the newcomers of the own municipal branch, waiting longest first (`waiting`: no open match).

        A summary each; the full intake is GET /api/newcomers/<id>, a read the branch's log records.
        """
        return service.list_intakes(auth.me(), args.get("waiting"))

    @login_required
    @bp.arguments(IntakeCreateSchema())
    @bp.response(201, IntakeCreatedSchema)
    @bp.alt_response(409, response="ErrorConflict")
    def post(self, data):
        """Record a newcomer's intake; this makes their account (role newcomer, no password yet).

        The answer holds the `activation_code` (shown once): the newcomer activates the account
        on their own phone with it. The username is proposed from the name when left out.
        Every list field takes catalogue codes (GET /api/catalogues).
        """
        return service.create_intake(auth.me(), data)


@bp.route("/<uuid:newcomer_id>")
class NewcomerById(MethodView):
    @login_required
    @bp.response(200, IntakeSchema)
    @bp.alt_response(403, response="ErrorForbidden")
    def get(self, newcomer_id):
        """Return a newcomer's intake (the read is logged for the branch)."""
        return service.get_intake(auth.me(), newcomer_id)

    @login_required
    @bp.arguments(IntakeFieldsSchema())
    @bp.response(200, IntakeSchema)
    def patch(self, data, newcomer_id):
        """Change fields of the intake (only those sent); consents sent are added with the time now."""
        return service.update_intake(auth.me(), newcomer_id, data)
