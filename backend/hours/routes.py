"""Routes of MDT hours: the buddy's own (/api/hours/me) and a coordinator's read of one buddy."""
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.hours import service
from backend.hours.schemas import HoursSchema

bp = Blueprint("hours", __name__, url_prefix="/api", description="MDT hours: time spent together against the target")


@bp.route("/hours/me")
class MyHours(MethodView):
    @login_required
    @bp.response(200, HoursSchema)
    @bp.alt_response(404, response="ErrorNotFound", description="Not a buddy")
    def get(self):
        """Return the own hours: held meetings attended and activities, within the MDT service period.

        Over all the buddy's matches, ended ones too. A volunteer gets the same without a target
        and without a period. No notes.
        """
        return service.my_hours(auth.me())


@bp.route("/buddies/<uuid:buddy_id>/hours")
class BuddyHours(MethodView):
    @login_required
    @bp.response(200, HoursSchema)
    @bp.alt_response(404, response="ErrorNotFound",
                     description="Not a buddy of a branch the coordinator may read (anyone else too)")
    def get(self, buddy_id):
        """Return a buddy's hours to a coordinator of the buddy's municipal branch."""
        return service.buddy_hours(auth.me(), buddy_id)
