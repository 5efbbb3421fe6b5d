"""The pull cursor: opaque to the client, a small base64 JSON to the server.

It carries everything a pull needs to continue, so a lost reply is harmless: the client
simply sends the old cursor again.
  v: data schema version        s: feed position (server seq)
  h: scopes the client holds     p: a snapshot in progress {"sc": scopes, "at": seq, "to": seq}
"""
import base64
import binascii
import json
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from backend.errors import ValidationError


MAX_SEQ = 2**63  # the feed sequence is a BIGINT


@dataclass
class Snapshot:
    scopes: set[str]
    at: int
    to: int


@dataclass
class Cursor:
    version: int
    seq: int
    held: set[str] = field(default_factory=set)
    snapshot: Snapshot | None = None


def encode(cur: Cursor) -> str:
    """Return the opaque string for a cursor."""
    body = {"v": cur.version, "s": cur.seq, "h": sorted(cur.held)}
    if cur.snapshot:
        body["p"] = {"sc": sorted(cur.snapshot.scopes), "at": cur.snapshot.at, "to": cur.snapshot.to}
    raw = json.dumps(body, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(token: str | None) -> Cursor | None:
    """Parse a cursor string; None means 'from scratch'.

    Every field must have the exact type encode() writes: a forged cursor is refused, never
    echoed back half-understood (a "5" where 5 belongs, a float, a list of numbers).

    :raise 422: if the string is not a cursor this server made.
    """
    if token is None:
        return None
    try:
        body = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if type(body) is not dict or not body.keys() <= {"v", "s", "h", "p"}:
            raise ValueError("not a cursor")
        snap = body.get("p")
        cur = Cursor(version=_number(body["v"]), seq=_number(body["s"]), held=_names(body["h"]))
        if snap is not None:
            if type(snap) is not dict or snap.keys() != {"sc", "at", "to"}:
                raise ValueError("not a snapshot")
            cur.snapshot = Snapshot(_names(snap["sc"]), _number(snap["at"]), _number(snap["to"]))
            if cur.snapshot.at > cur.snapshot.to:
                raise ValueError("snapshot runs backwards")
        return cur
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise ValidationError(errors={"cursor": [_l("Deze cursor is ongeldig. Begin opnieuw zonder cursor.")]})


def _number(value) -> int:
    """Return a feed position or version: a plain JSON integer in range (not a bool, a float or text)."""
    if type(value) is not int or not 0 <= value < MAX_SEQ:
        raise ValueError("not a position")
    return value


def _names(value) -> set[str]:
    """Return a list of scope names as a set; anything but a list of short strings is forged."""
    if type(value) is not list or not all(type(v) is str and 0 < len(v) <= 64 for v in value):
        raise ValueError("not a list of scopes")
    return set(value)
