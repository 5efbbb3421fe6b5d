"""Routes under /api/sync: push mutations, pull changes."""
from flask import Response
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts.auth import claim_required, me, session_claim
from backend.sync import pull, push
from backend.sync.schemas import PullResponseSchema, PullSchema, PushResponseSchema, PushSchema

bp = Blueprint("sync", __name__, url_prefix="/api/sync", description="Offline sync (docs/sync.md)")


@bp.route("/push")
class Push(MethodView):
    @login_required
    @bp.arguments(PushSchema())
    @bp.response(200, PushResponseSchema)
    def post(self, data):
        """Apply the client's pending mutations, each exactly once."""
        return push.push(me(), data["client_id"], data["schema_version"], data["mutations"])


@bp.route("/pull")
class Pull(MethodView):
    @claim_required  # the session is confirmed inside the pull's one statement
    @bp.arguments(PullSchema())
    @bp.response(200, PullResponseSchema)
    def post(self, data):
        """Return the changes since the cursor, from one snapshot."""
        body = pull.pull(session_claim(), data["client_id"], data["schema_version"], data["cursor"], data["limit"])
        return Response(body, mimetype="application/json")
