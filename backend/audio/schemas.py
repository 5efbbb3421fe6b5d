"""What the audio routes take and give (docs/phrases.md, "Audio")."""
import marshmallow as ma

from backend.phrases.schemas import PHRASE_ID


class AudioUploadSchema(ma.Schema):
    """The parts of an upload (multipart/form-data)."""

    class Meta:
        unknown = ma.EXCLUDE

    phrase_id = ma.fields.String(required=True, validate=PHRASE_ID)
    match_id = ma.fields.UUID(load_default=None, metadata={
        "description": "The pair's match: a buddy's clip, or a newcomer's shared attempt. Without it: a "
                       "municipal coordinator's clip for their branch."})

    # Read by the route from request.files (webargs' form location never holds it): here for the spec.
    file = ma.fields.Raw(load_default=None, metadata={
        "type": "string", "format": "binary",
        "description": "WebM/Opus, Ogg/Opus, MP4/AAC or WAV; at most 10 seconds and 256 KB"})


class PhraseAudioSchema(ma.Schema):
    """The synced row `phrase_audio`."""

    id = ma.fields.UUID()
    phrase_id = ma.fields.String()
    by = ma.fields.String(validate=ma.validate.OneOf(("buddy", "coordinator", "newcomer")))
    name = ma.fields.String(metadata={"description": "The recorder's first name"})
    mime = ma.fields.String(validate=ma.validate.OneOf(("audio/webm", "audio/ogg", "audio/mp4", "audio/wav")))
    duration_ms = ma.fields.Integer()
    url = ma.fields.String()
    created_at = ma.fields.String()
