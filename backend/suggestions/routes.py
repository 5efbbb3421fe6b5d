"""Routes of suggestions: a newcomer's ranked buddies, and a branch's waiting-list proposal.

Both under /api: /api/newcomers/<id>/suggestions and /api/orgs/<code>/waiting-list-proposal
(the blueprint "suggestions" owns just these two rules).
"""
from flask.views import MethodView
from flask_login import current_user, login_required
from flask_smorest import Blueprint

from backend.suggestions import service
from backend.suggestions.schemas import (
    SuggestionQuerySchema, SuggestionsSchema, WaitingListProposalSchema, WaitingListQuerySchema,
)

bp = Blueprint("suggestions", __name__, url_prefix="/api",
               description="Suggested buddies for a newcomer, explained, and the waiting-list proposal")


@bp.route("/newcomers/<uuid:newcomer_id>/suggestions")
class Suggestions(MethodView):
    @login_required
    @bp.arguments(SuggestionQuerySchema(), location="query")
    @bp.response(200, SuggestionsSchema)
    @bp.alt_response(403, response="ErrorForbidden")
    def get(self, args, newcomer_id):
        """Rank the eligible buddies for a newcomer, each score in parts with the facts in words.

        For a municipal coordinator of the newcomer's branch; the read is logged.
        """
        return service.suggestions(current_user, newcomer_id, **args)


@bp.route("/orgs/<code>/waiting-list-proposal")
class WaitingListProposal(MethodView):
    @login_required
    @bp.arguments(WaitingListQuerySchema(), location="query")
    @bp.response(200, WaitingListProposalSchema)
    @bp.alt_response(403, response="ErrorForbidden")
    def get(self, args, code):
        """Propose pairs for every waiting newcomer of a branch at once (the highest total score,
        each buddy within capacity), beside each newcomer's best one at a time; newcomers it
        cannot place come with the reason. Propose a pair with the matching propose route.
        """
        return service.waiting_list_proposal(current_user, code, **args)
