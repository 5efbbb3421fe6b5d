"""Route /api/audit/reads: who read which person's profile, for the person's branch."""
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.audit import service
from backend.audit.schemas import ProfileReadSchema
from backend.pagination import QueryPage

bp = Blueprint("audit", __name__, url_prefix="/api/audit", description="The read log of personal data")


@bp.route("/reads")
class Reads(MethodView):
    @login_required
    @bp.response(200, ProfileReadSchema(many=True))
    @bp.alt_response(403, response="ErrorForbidden")
    @bp.paginate(QueryPage)
    def get(self):
        """List the reads of the branch's newcomers' intakes and buddies' profiles, newest first."""
        return service.list_reads(auth.me())
