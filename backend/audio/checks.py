"""Is an upload really a short recording? Decided by the bytes, never by a name or a header.

Only four containers are ever opened (told apart by their first bytes, so FFmpeg's probing of
every format it knows never sees a stranger's file), and only the codecs a phone's MediaRecorder
makes are decoded. The length is what the decoder hands out, frame by frame: a MediaRecorder WebM
has no duration in its header, and a header may lie.
"""
import io
from dataclasses import dataclass

import av

# container as FFmpeg names its demuxer -> (the mime we store, the codecs we accept)
CONTAINERS = {
    "matroska": ("audio/webm", {"opus", "vorbis"}),  # Chrome, Edge, Firefox on Android
    "ogg": ("audio/ogg", {"opus", "vorbis", "flac"}),  # Firefox
    "mov": ("audio/mp4", {"aac", "opus", "alac"}),  # Safari (iPhone)
    "wav": ("audio/wav", None),  # any PCM
}
SLACK_SECONDS = 0.5  # a press of the stop button a little late is no reason to refuse


class NotAudio(Exception):
    """The bytes are not a recording we can play."""


class TooLong(Exception):
    """The recording lasts longer than allowed."""


@dataclass(frozen=True)
class Probe:
    mime: str
    duration_ms: int


def container_of(data: bytes) -> str | None:
    """Return the demuxer for these bytes by their signature, or None."""
    if data[:4] == b"OggS":
        return "ogg"
    if data[:4] == b"\x1a\x45\xdf\xa3":  # EBML: Matroska and WebM
        return "matroska"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "wav"
    if data[4:8] == b"ftyp":
        return "mov"
    return None


def _codec_allowed(container: str, codec: str) -> bool:
    allowed = CONTAINERS[container][1]
    return codec.startswith("pcm_") if allowed is None else codec in allowed


def probe(data: bytes, max_seconds: float) -> Probe:
    """Decode `data` and return its mime and length.

    :raise NotAudio: not one of our containers, no audio stream, a video stream, another codec,
        nothing decodable.  :raise TooLong: longer than max_seconds (plus a little slack).
    """
    container = container_of(data)
    if container is None:
        raise NotAudio()
    limit = max_seconds + SLACK_SECONDS
    seconds = 0.0
    try:
        with av.open(io.BytesIO(data), format=container) as media:
            if media.streams.video or len(media.streams.audio) != 1:
                raise NotAudio()
            stream = media.streams.audio[0]
            if not _codec_allowed(container, stream.codec_context.name):
                raise NotAudio()
            for frame in media.decode(stream):
                if frame.sample_rate:
                    seconds += frame.samples / frame.sample_rate
                if seconds > limit:
                    raise TooLong()
    except (av.FFmpegError, ValueError, EOFError, OSError) as err:
        raise NotAudio() from err
    if seconds <= 0:
        raise NotAudio()
    return Probe(CONTAINERS[container][0], round(seconds * 1000))
