"""The server's VAPID key pair (RFC 8292): it signs every push, and the browser's subscription is
bound to its public key, so every instance of the app must use the same pair.

From the environment (VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY: base64url, as `web-push
generate-vapid-keys` or `vapid --gen` print them), else generated once into the instance folder
(`vapid.json`, mode 0600). Several instances need the environment or a shared instance folder
(docs/reminders.md).
"""
import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from py_vapid import Vapid02

FILE_NAME = "vapid.json"


def b64url(data: bytes) -> str:
    """Return base64url without padding (how Web Push writes keys)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode base64url with or without padding."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class VapidKeys:
    private_key: str  # the 32-byte private number, base64url
    public_key: str  # the uncompressed P-256 point (65 bytes), base64url: the applicationServerKey

    def signer(self) -> Vapid02:
        """Return the py_vapid object pywebpush signs with."""
        return Vapid02.from_raw(self.private_key.encode("ascii"))


def generate() -> VapidKeys:
    """Return a new key pair."""
    key = ec.generate_private_key(ec.SECP256R1())
    private = key.private_numbers().private_value.to_bytes(32, "big")
    public = key.public_key().public_bytes(serialization.Encoding.X962,
                                           serialization.PublicFormat.UncompressedPoint)
    return VapidKeys(b64url(private), b64url(public))


def public_from_private(private_key: str) -> str:
    """Return the public key that belongs to a base64url private key."""
    number = int.from_bytes(b64url_decode(private_key), "big")
    key = ec.derive_private_key(number, ec.SECP256R1())
    return b64url(key.public_key().public_bytes(serialization.Encoding.X962,
                                                serialization.PublicFormat.UncompressedPoint))


def load_or_create(folder: Path) -> VapidKeys:
    """Return the pair in `folder`/vapid.json, writing a new one first if there is none.

    O_EXCL: of two processes starting at once, one writes the file and both then read it (the
    loser waits until the winner's write is complete: the file is written to a temporary name
    and linked into place, so it is never seen half written).
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    if not path.exists():
        keys = generate()
        tmp = folder / f".{FILE_NAME}.{os.getpid()}.{secrets.token_hex(8)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump({"private_key": keys.private_key, "public_key": keys.public_key}, f)
        try:
            os.link(tmp, path)  # fails with FileExistsError when another process was first (like O_EXCL)
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    data = json.loads(path.read_text())
    return VapidKeys(data["private_key"], data["public_key"])


def keys() -> VapidKeys:
    """Return this app's pair: the environment's (config) or the instance folder's; cached per app."""
    cached = current_app.extensions.get("maatje_vapid")
    if cached is not None:
        return cached
    private = current_app.config.get("VAPID_PRIVATE_KEY") or ""
    if private:
        derived = public_from_private(private)
        public = current_app.config.get("VAPID_PUBLIC_KEY") or derived
        if public != derived:
            raise RuntimeError("VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY")
        pair = VapidKeys(private, public)
    else:
        pair = load_or_create(Path(current_app.instance_path))
    current_app.extensions["maatje_vapid"] = pair
    return pair


def claims() -> dict:
    """Return the VAPID claims: `sub` is who push services may contact about our pushes."""
    return {"sub": current_app.config["VAPID_SUBJECT"]}
