"""Routes under /api/audio: upload a recorded clip (multipart) and download one."""
from flask import Response, current_app, request
from flask.views import MethodView
from flask_login import login_required
from flask_smorest import Blueprint

from backend.accounts import auth
from backend.audio import service
from backend.audio.schemas import AudioUploadSchema, PhraseAudioSchema
from backend.extensions import limiter
from backend.web import guards

bp = Blueprint("audio", __name__, url_prefix="/api/audio",
               description="Recorded phrase audio: clips of a buddy, a newcomer or a coordinator (docs/phrases.md)")
# A clip never changes (a new recording is a new id), but who may hear it does (a match ends, another
# person logs in on the phone): the browser asks every time; the ETag makes that a cheap 304.
CACHE = "private, no-cache"


def _audio_limit():
    return current_app.config["AUDIO_RATE_LIMIT"]


def _attempt_limit():
    return current_app.config["AUDIO_ATTEMPT_LIMIT"]


def _per_user():
    return f"audio:{auth.me().id}"


def _stored(response):
    return response.status_code == 201


def _file_stream():
    upload = request.files.get("file")
    return upload.stream if upload is not None else None


@bp.route("/<uuid:clip_id>")
class AudioClip(MethodView):
    @login_required
    @limiter.limit(_audio_limit, key_func=_per_user, deduct_when=_stored)
    @limiter.limit(_attempt_limit, key_func=lambda: f"audio-try:{auth.me().id}")
    @bp.arguments(AudioUploadSchema(), location="form", content_type="multipart/form-data")
    @bp.response(201, PhraseAudioSchema)
    @bp.alt_response(200, schema=PhraseAudioSchema, description="This id was stored before by you: the stored clip")
    @bp.alt_response(403, response="ErrorForbidden", description="Not a buddy or newcomer of a match, nor a municipal coordinator")
    @bp.alt_response(404, response="ErrorNotFound", description="The id is another user's, or the match is not yours or over")
    @bp.alt_response(409, response="ErrorConflict", description="The match is paused")
    def put(self, form, clip_id):
        """Store a recording of a phrase; its row `phrase_audio` is synced to the clip's scope.

        Checked by content: it must decode as audio (WebM/Opus, Ogg/Opus, MP4/AAC, WAV; 415
        otherwise, also with a video stream), last at most AUDIO_MAX_SECONDS (422) and be at most
        AUDIO_MAX_BYTES (413). Nothing is stored when a check fails. 429: too many uploads, or the
        day's most clips (AUDIO_MAX_PER_DAY).
        """
        row, created = service.upload(auth.me(), clip_id, form["phrase_id"],
                                      form["match_id"], _file_stream())
        return row, 201 if created else 200

    @login_required
    @bp.response(200, content_type="audio/*", description="The clip's bytes (its mime), ETag = sha256")
    @bp.alt_response(304, description="Not modified (If-None-Match)")
    @bp.alt_response(404, response="ErrorNotFound", description="No such clip in a scope you hold")
    def get(self, clip_id):
        """The clip's bytes, for a member of its match (active or paused) or its branch."""
        clip = service.readable_clip(auth.me(), clip_id)
        headers = {"ETag": f'"{clip.sha256}"', "Cache-Control": CACHE}
        if request.if_none_match.contains_weak(clip.sha256):  # If-None-Match compares weakly (RFC 9110)
            return Response(status=304, headers=headers)
        return Response(service.clip_bytes(clip), mimetype=clip.mime, headers=headers)


guards.MULTIPART_ENDPOINTS.add("audio.AudioClip")
