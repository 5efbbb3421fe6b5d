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

    :raise 422: if the string is not a cursor this server made.
    """
    if token is None:
        return None
    try:
        body = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        snap = body.get("p")
        cur = Cursor(
            version=int(body["v"]),
            seq=int(body["s"]),
            held={str(s) for s in body["h"]},
            snapshot=Snapshot({str(s) for s in snap["sc"]}, int(snap["at"]), int(snap["to"])) if snap else None,
        )
        numbers = (cur.version, cur.seq) + ((cur.snapshot.at, cur.snapshot.to) if cur.snapshot else ())
        if not all(0 <= n < MAX_SEQ for n in numbers):
            raise ValueError("out of range")
        return cur
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError, binascii.Error):
        raise ValidationError(errors={"cursor": [_l("Deze cursor is ongeldig. Begin opnieuw zonder cursor.")]})
