"""Routes under /api/phrases/branch: a municipal coordinator's own phrases for their branch."""
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.phrases import branch
from backend.phrases.schemas import OrgPhraseChangeSchema, OrgPhraseSchema

bp = Blueprint("phrases", __name__, url_prefix="/api/phrases",
               description="Phrase practice: a branch's own phrases (the rest syncs, docs/phrases.md)")


@bp.route("/branch")
class BranchPhrases(MethodView):
    @login_required
    @bp.response(200, OrgPhraseSchema(many=True))
    @bp.alt_response(403, response="ErrorForbidden", description="Not a coordinator of a municipal branch")
    def get(self):
        """List the own branch's phrases, by theme."""
        return [branch.org_phrase_data(p) for p in branch.list_phrases(auth.me())]

    @login_required
    @bp.arguments(OrgPhraseSchema())
    @bp.response(201, OrgPhraseSchema)
    @bp.alt_response(403, response="ErrorForbidden", description="Not a coordinator of a municipal branch")
    @bp.alt_response(409, response="ErrorConflict", description="The branch has its most phrases already")
    def post(self, data):
        """Add a phrase for the own branch's newcomers (theme, level, the translations you have)."""
        return branch.org_phrase_data(branch.add_phrase(auth.me(), data))


@bp.route("/branch/<uuid:phrase_uuid>")
class BranchPhrase(MethodView):
    @login_required
    @bp.arguments(OrgPhraseChangeSchema(partial=True))
    @bp.response(200, OrgPhraseSchema)
    @bp.alt_response(404, response="ErrorNotFound", description="Not a phrase of the own branch")
    def patch(self, data, phrase_uuid):
        """Change the named fields of one of the own branch's phrases."""
        return branch.org_phrase_data(branch.change_phrase(auth.me(), phrase_uuid, data))

    @login_required
    @bp.response(204)
    @bp.alt_response(404, response="ErrorNotFound", description="Not a phrase of the own branch")
    def delete(self, phrase_uuid):
        """Remove one of the own branch's phrases (phones stop practising it; reviews stay)."""
        branch.remove_phrase(auth.me(), phrase_uuid)
