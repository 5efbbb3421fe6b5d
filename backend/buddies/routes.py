"""Routes under /api/buddies: the public sign-up, and vetting by the coordinators of the buddy's branch."""
from flask import current_app
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.buddies import service
from backend.buddies.schemas import (
    BuddyDetailSchema, BuddyQuerySchema, BuddySummarySchema, SignupResultSchema, SignupSchema, StepSchema,
)
from backend.extensions import limiter
from backend.pagination import QueryPage

bp = Blueprint("buddies", __name__, url_prefix="/api/buddies", description="Buddy sign-up and vetting")


def _signup_limit():
    return current_app.config["SIGNUP_RATE_LIMIT"]


def _signed_up(response) -> bool:
    """Only sign-ups taken count: fixing a typo in the form costs nothing."""
    return response.status_code == 202


@bp.route("/signup")
class Signup(MethodView):
    decorators = [limiter.limit(_signup_limit, deduct_when=_signed_up)]

    @bp.arguments(SignupSchema())
    @bp.response(202, SignupResultSchema)
    def post(self, data):
        """Sign up as a buddy (public, no login): volunteer or MDT.

        Creates the account (role buddy) and the profile in state `signed_up`; the buddy gets a
        confirmation mail and the branch's coordinators a "new buddy waiting" mail. An address
        that already has an account gets the same answer, no second account, and a mail to its
        owner instead. Limited per client address (SIGNUP_RATE_LIMIT).
        """
        service.signup(data)
        return {"status": "received"}


@bp.route("")
class Buddies(MethodView):
    @login_required
    @bp.arguments(BuddyQuerySchema(), location="query")
    @bp.response(200, BuddySummarySchema(many=True))
    @bp.alt_response(403, response="ErrorForbidden")
    @bp.paginate(QueryPage)
    def get(self, args):
        """List the buddies of the own municipal branch, optionally in one vetting state (by name).

        A summary each; the full profile is GET /api/buddies/<id>, a read the branch's log records.
        """
        return service.list_buddies(auth.me(), args.get("state"))


@bp.route("/<uuid:buddy_id>")
class BuddyById(MethodView):
    @login_required
    @bp.response(200, BuddyDetailSchema)
    @bp.alt_response(403, response="ErrorForbidden")
    def get(self, buddy_id):
        """Return a buddy's profile and vetting steps (the read is logged for the branch)."""
        return service.get_buddy(auth.me(), buddy_id)


@bp.route("/<uuid:buddy_id>/steps")
class BuddySteps(MethodView):
    @login_required
    @bp.arguments(StepSchema())
    @bp.response(200, BuddyDetailSchema)
    @bp.alt_response(409, response="ErrorConflict")
    def post(self, data, buddy_id):
        """Record the buddy's next vetting step.

        The path: signed_up -> intake_done -> vog_received (with `vog_date`, not in the future,
        still valid) -> trained -> available. `paused` and `stopped` from any state; from
        `paused` only back to `available`, and only with a valid VOG (send a new `vog_date` if
        the old one expired). `stopped` is final. A step out of order answers 409.
        """
        return service.add_step(auth.me(), buddy_id, data["to_state"], data["vog_date"], data["note"])
