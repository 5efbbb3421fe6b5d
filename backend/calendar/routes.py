"""Routes under /api/calendar: the user's private feed address, the feed itself, one meeting's .ics.

The feed (GET /api/calendar/feed/<token>.ics) needs no login: calendar apps poll it from their
own servers. Its token is the secret; an unknown, renewed-away or stopped token is a 404.
"""
from flask import Response, request
from flask.views import MethodView
from flask_babel import get_locale
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.calendar import service
from backend.calendar.schemas import FeedCreatedSchema, FeedStatusSchema
from backend.mail.messages import app_url
from backend.web import compression

bp = Blueprint("calendar", __name__, url_prefix="/api/calendar",
               description="A private iCalendar feed of the user's meetings, and a .ics per meeting")

ICS = "text/calendar; charset=utf-8"
# Calendar apps may keep a copy but must ask (If-None-Match) before using it; no shared cache.
FEED_CACHE = "private, no-cache"


@bp.route("/feed")
class Feed(MethodView):
    @login_required
    @bp.response(200, FeedStatusSchema)
    def get(self):
        """Whether the own feed exists and since when (its address is shown only when made)."""
        return service.feed_status(auth.me())

    @login_required
    @bp.response(201, FeedCreatedSchema)
    def post(self):
        """Make a new feed address; an earlier one stops working. The answer is the only time it is shown."""
        token, created_at = service.new_feed(auth.me())
        compression.carries_secret()  # the address is the secret: never compressed (BREACH)
        return {"url": app_url(service.feed_path(token)), "created_at": created_at}

    @login_required
    @bp.response(204)
    def delete(self):
        """Stop the own feed: its address answers 404 from now on."""
        service.stop_feed(auth.me())


@bp.route("/feed/<token>.ics")
class FeedIcs(MethodView):
    @bp.response(200, {"type": "string"}, content_type="text/calendar",
                 description="The VCALENDAR (RFC 5545), with an ETag; Cache-Control: private, no-cache")
    @bp.alt_response(304, description="Not modified: If-None-Match names the current ETag (no body)")
    def get(self, token):
        """The feed of the token's owner, for calendar apps (no login: the token is the secret)."""
        base_url = app_url("/")
        state = service.feed_state(token, base_url)
        headers = {"ETag": state.etag, "Cache-Control": FEED_CACHE}
        if request.if_none_match.contains_weak(state.etag.strip('"')):  # weak: a proxy may have marked it W/
            return Response(status=304, headers=headers)
        body = service.feed_ics(state, base_url)
        return Response(body, headers=headers, content_type=ICS)


@bp.route("/meetings/<uuid:meeting_id>.ics")
class MeetingIcs(MethodView):
    @login_required
    @bp.response(200, {"type": "string"}, content_type="text/calendar",
                 description="One VEVENT in a VCALENDAR, as an attachment")
    @bp.alt_response(409, response="ErrorConflict", description="The meeting has no chosen time yet")
    def get(self, meeting_id):
        """One meeting of the own matches as a .ics file, to add to a calendar by hand."""
        body, starts_at = service.meeting_ics(auth.me(), meeting_id, str(get_locale()), app_url("/"))
        name = f"maatje-{starts_at.astimezone(service.ics.TZ):%Y-%m-%d}.ics"
        return Response(body, content_type=ICS,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
