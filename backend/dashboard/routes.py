"""Route /api/dashboard: what waits for the logged-in coordinator."""
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.dashboard import service
from backend.dashboard.schemas import DashboardSchema

bp = Blueprint("dashboard", __name__, url_prefix="/api/dashboard", description="The coordinator's dashboard")


@bp.route("")
class Dashboard(MethodView):
    @login_required
    @bp.response(200, DashboardSchema)
    @bp.alt_response(403, response="ErrorForbidden")
    def get(self):
        """Return the dashboard: a municipal branch's lists, or counts per branch above it.

        A municipal coordinator: waiting newcomers, buddies per vetting state, proposals waiting,
        active matches and quiet pairs, VOGs expiring (within vog_warn_days) and expired (with the
        active or paused matches they touch). A provincial or national coordinator: counts per
        municipal branch, a count under 5 as "<5".
        """
        return service.dashboard(auth.me())
