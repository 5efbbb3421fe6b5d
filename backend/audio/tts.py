"""The computer voice: every phrase of the content catalogue spoken by espeak-ng at build time,
as Ogg/Opus (mono, 24 kbit/s) in pwa/public/audio/tts/<phrase id>.ogg.

A manifest (manifest.json, {phrase id: sha256 of its Dutch text}) lets a run skip the phrases
whose text did not change; files of phrases that are gone are removed.
"""
import hashlib
import io
import json
import re
import subprocess
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import av

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "backend" / "phrases" / "content"
OUT_DIR = ROOT / "pwa" / "public" / "audio" / "tts"
ESPEAK = "espeak-ng"
VOICE = ("-v", "nl", "-s", "140")  # the computer voice
BIT_RATE = 24_000
SAMPLE_RATE = 48_000  # Opus's own rate: every browser plays it without resampling surprises
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9.:-]{0,79}")  # a phrase id is a file name here


def content_phrases(content_dir: Path | None = None) -> list[dict]:
    """Return [{"id", "nl"}, ...] of every phrase in the content TOML files, in file order."""
    phrases = []
    for path in sorted((content_dir or CONTENT_DIR).glob("*.toml")):
        with path.open("rb") as f:
            phrases.extend({"id": p["id"], "nl": p["nl"]} for p in tomllib.load(f).get("phrase", ()))
    return phrases


def speak(text: str, voice=VOICE) -> bytes:
    """Return espeak-ng's WAV of `text` (list arguments, no shell; "--": a text may start with "-")."""
    return subprocess.run([ESPEAK, *voice, "--stdout", "--", text], check=True, capture_output=True,
                          timeout=30).stdout


def to_opus(wav: bytes) -> bytes:
    """Encode WAV bytes as Ogg/Opus, mono, 24 kbit/s."""
    out = io.BytesIO()
    with av.open(io.BytesIO(wav), format="wav") as src, av.open(out, "w", format="ogg") as dst:
        stream = dst.add_stream("libopus", rate=SAMPLE_RATE, layout="mono")
        stream.bit_rate = BIT_RATE
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        for frame in src.decode(audio=0):
            for resampled in resampler.resample(frame):
                for packet in stream.encode(resampled):
                    dst.mux(packet)
        for resampled in resampler.resample(None):
            for packet in stream.encode(resampled):
                dst.mux(packet)
        for packet in stream.encode(None):
            dst.mux(packet)
    return out.getvalue()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _make(phrase: dict, out_dir: Path) -> int:
    data = to_opus(speak(phrase["nl"]))
    (out_dir / f"{phrase['id']}.ogg").write_bytes(data)
    return len(data)


def build(phrases: list[dict], out_dir: Path = OUT_DIR, force: bool = False, echo=print, workers: int = 2) -> dict:
    """Make the missing or changed files, remove the ones of phrases that are gone; return totals.

    espeak-ng runs as a child process and FFmpeg encodes without the GIL, so two threads keep
    two cores busy (a process pool would cost more to start than a whole run saves).
    """
    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / "manifest.json"
    try:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        old = {}
    bad = [p["id"] for p in phrases if not SAFE_ID.fullmatch(p["id"])]
    if bad:
        raise ValueError(f"phrase ids that cannot be file names: {bad[:5]}")
    manifest = {p["id"]: text_hash(p["nl"]) for p in phrases}
    todo = [p for p in phrases if force or old.get(p["id"]) != manifest[p["id"]]
            or not (out_dir / f"{p['id']}.ogg").exists()]
    removed = 0
    for path in out_dir.glob("*.ogg"):
        if path.stem not in manifest:
            path.unlink()
            removed += 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for done, _size in enumerate(pool.map(lambda p: _make(p, out_dir), todo), start=1):
            if done % 50 == 0 or done == len(todo):
                echo(f"tts: {done}/{len(todo)}")
    manifest_path.write_text(json.dumps(manifest, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    total_bytes = sum(path.stat().st_size for path in out_dir.glob("*.ogg"))
    totals = {"made": len(todo), "unchanged": len(phrases) - len(todo), "removed": removed,
              "files": len(phrases), "bytes": total_bytes, "seconds": round(time.monotonic() - started, 1)}
    echo("tts: {made} made, {unchanged} unchanged, {removed} removed; {files} files, {kb} KB in {seconds} s".format(
        kb=round(total_bytes / 1024), **totals))
    return totals
