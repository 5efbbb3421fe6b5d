"""Real media made in the test with PyAV: recordings as a phone makes them, and things that are not."""
import io
import math
import os
import struct
import wave

import av
import numpy as np

RATE = 48_000


def _tone(seconds: float, rate: int = RATE) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * math.pi * 440 * t) * 8000).astype(np.int16)


def wav(seconds: float = 1.0, rate: int = 8_000) -> bytes:
    """A mono 16-bit WAV (8 kHz: ten seconds fit in the size limit)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(_tone(seconds, rate).tobytes())
    return out.getvalue()


def encoded(container: str, codec: str, seconds: float = 1.0, bit_rate: int = 24_000, rate: int = RATE) -> bytes:
    """A mono recording of `seconds` in `container` ("webm", "ogg", "mp4") with `codec`."""
    out = io.BytesIO()
    with av.open(out, "w", format=container) as media:
        stream = media.add_stream(codec, rate=rate, layout="mono")
        stream.bit_rate = bit_rate
        samples = _tone(seconds, rate)
        for start in range(0, len(samples), 960):
            frame = av.AudioFrame.from_ndarray(samples[start:start + 960].reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                media.mux(packet)
        for packet in stream.encode(None):
            media.mux(packet)
    return out.getvalue()


def webm(seconds: float = 1.0) -> bytes:
    """What Chrome's MediaRecorder makes: WebM with Opus."""
    return encoded("webm", "libopus", seconds)


def ogg(seconds: float = 1.0) -> bytes:
    """What Firefox makes: Ogg with Opus."""
    return encoded("ogg", "libopus", seconds)


def mp4(seconds: float = 1.0) -> bytes:
    """What Safari makes: MP4 with AAC."""
    return encoded("mp4", "aac", seconds, bit_rate=32_000)


def video(seconds: float = 1.0) -> bytes:
    """A WebM with a video stream (and sound)."""
    out = io.BytesIO()
    with av.open(out, "w", format="webm") as media:
        picture = media.add_stream("libvpx", rate=10)
        picture.width, picture.height, picture.pix_fmt = 64, 48, "yuv420p"
        for i in range(int(seconds * 10)):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), i * 20 % 255, dtype=np.uint8), format="rgb24")
            for packet in picture.encode(frame):
                media.mux(packet)
        for packet in picture.encode(None):
            media.mux(packet)
    return out.getvalue()


def png() -> bytes:
    """A 1x1 PNG (made by hand: no imaging library needed)."""
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def random_bytes(n: int = 4000) -> bytes:
    return os.urandom(n)
