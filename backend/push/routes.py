"""Routes under /api/push: the server's public key and this device's subscription."""
from flask import current_app
from flask.views import MethodView
from flask_babel import get_locale
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.push import service, vapid
from backend.push.schemas import EndpointSchema, PublicKeySchema, SubscriptionSchema

bp = Blueprint("push", __name__, url_prefix="/api/push",
               description="Web Push: meeting reminders on this device (docs/reminders.md)")


@bp.route("/key")
class PushKey(MethodView):
    @login_required
    @bp.response(200, PublicKeySchema)
    def get(self):
        """The server's VAPID public key, for pushManager.subscribe({applicationServerKey})."""
        return {"public_key": vapid.keys().public_key}


@bp.route("/subscriptions")
class PushSubscriptions(MethodView):
    @login_required
    @bp.arguments(SubscriptionSchema())
    @bp.response(204)
    def post(self, data):
        """Save this device's subscription (again) for the logged-in user; reminders are pushed to it.

        422 for keys that are not a browser's, or an endpoint that is not https to a public host.
        """
        locale = str(get_locale() or "")
        service.subscribe(auth.me(), data["endpoint"], data["keys"]["p256dh"].rstrip("="),
                          data["keys"]["auth"].rstrip("="),
                          locale if locale in current_app.config["LANGUAGES"] else None)

    @login_required
    @bp.arguments(EndpointSchema())
    @bp.response(204)
    def delete(self, data):
        """Forget this device's subscription (at logout, or when reminders are turned off here)."""
        service.unsubscribe(auth.me(), data["endpoint"])
