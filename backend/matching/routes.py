"""Routes under /api/matches: a coordinator proposes, approves, withdraws, pauses, resumes and ends.

The newcomer and the buddy answer through sync (matching/sync.py: match.accept, match.decline,
match.end, match.evaluate), so they can answer offline; GET /api/matches/<id> gives them their
own view. Anything outside the coordinator's branch answers 404.
"""
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.matching import service
from backend.matching.schemas import (
    EndSchema, MatchListItemSchema, MatchQuerySchema, MatchSchema, NoteSchema, ProposeSchema,
)
from backend.pagination import QueryPage

bp = Blueprint("matches", __name__, url_prefix="/api/matches",
               description="The match lifecycle: proposals, approval, pause, end, with the audit trail")


@bp.route("")
class Matches(MethodView):
    @login_required
    @bp.arguments(MatchQuerySchema(), location="query")
    @bp.response(200, MatchListItemSchema(many=True))
    @bp.alt_response(403, response="ErrorForbidden", description="Not a coordinator")
    @bp.paginate(QueryPage)
    def get(self, args):
        """List the matches of the own branch, newest first (coordinators of a municipal branch)."""
        return service.list_matches(auth.me(), args.get("status"))

    @login_required
    @bp.arguments(ProposeSchema())
    @bp.response(201, MatchSchema)
    @bp.alt_response(409, response="ErrorConflict",
                     description="No intake yet, the buddy is not eligible (`errors.buddy_id` says why), "
                                 "or the newcomer already has an open match")
    @bp.alt_response(404, response="ErrorNotFound",
                     description="The newcomer or the buddy is not one the coordinator's branch may see")
    def post(self, data):
        """Propose a buddy to a newcomer of the own branch; both answer on their phone."""
        match = service.propose(auth.me(), data["newcomer_id"], data["buddy_id"], data.get("score"), data["note"])
        return service.coordinator_view(match)


@bp.route("/<uuid:match_id>")
class MatchById(MethodView):
    @login_required
    @bp.response(200, MatchSchema)
    def get(self, match_id):
        """A match: its history for a coordinator of its branch, their own view for the newcomer and buddy."""
        return service.get_match(auth.me(), match_id)


def _transition(name, doc, schema, call):
    """Add POST /api/matches/<id>/<name>: one coordinator transition."""

    @login_required
    @bp.arguments(schema)
    @bp.response(200, MatchSchema)
    @bp.alt_response(409, response="ErrorConflict", description="The match's status does not allow this")
    def post(self, data, match_id):
        return service.coordinator_view(call(auth.me(), match_id, data))

    post.__doc__ = doc
    view = type(f"Match{name.title()}", (MethodView,), {"post": post})
    bp.route(f"/<uuid:match_id>/{name}")(view)


_transition("approve", "Approve a match both sides accepted: it becomes active, with its planned end.",
            NoteSchema(), lambda user, match_id, d: service.approve(user, match_id, d["note"]))
_transition("withdraw", "Withdraw a proposal before it is approved.",
            NoteSchema(), lambda user, match_id, d: service.withdraw(user, match_id, d["note"]))
_transition("pause", "Pause an active match: the pair keeps reading, new changes are refused.",
            NoteSchema(), lambda user, match_id, d: service.pause(user, match_id, d["note"]))
_transition("resume", "Resume a paused match.",
            NoteSchema(), lambda user, match_id, d: service.resume(user, match_id, d["note"]))
_transition("end", "End an active or paused match with a reason code (catalogue end_reasons).",
            EndSchema(), lambda user, match_id, d: service.end(user, match_id, d["reason"], d["note"]))
