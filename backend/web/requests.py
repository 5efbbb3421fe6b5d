"""Read every JSON request body once, within limits, before any route sees it.

One place for what json.loads lets through and the database or Python cannot take: nesting
deep enough to exhaust the stack, integers of thousands of digits, NaN and Infinity, bodies
sent chunked past MAX_CONTENT_LENGTH. Each is a 400 or 413 in the one error shape. Text the
database cannot store (a NUL, a lone surrogate) is valid JSON: it is a 422 per field here, and
the sync push checks each mutation's arguments on its own (unstorable_text) so that one bad
mutation does not refuse the whole batch.
"""
import json
import re
import uuid

from flask import current_app, g, request
from flask_babel import lazy_gettext as _l

from backend.errors import AppError, ValidationError

MAX_DEPTH = 32  # our deepest schema nests 4 levels (push -> mutation -> args -> slot)
MAX_NUMBER_CHARS = 40  # a BIGINT has 19 digits; Python refuses ints past 4300 only after parsing
MAX_TEXT_ERRORS = 20
# Routes whose body is a batch of independent items: they check text per item themselves.
TEXT_CHECKED_PER_ITEM = {"sync.Push"}

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL (PostgreSQL text) and lone surrogates (UTF-8)
UNSTORABLE_MESSAGE = _l("Deze tekst bevat tekens die we niet kunnen opslaan.")
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


class BadJSON(AppError):
    code = 400


def _refuse_constant(name):
    raise BadJSON(_l("Getallen als NaN en Infinity kunnen we niet verwerken."))


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise BadJSON(_l("Dit getal is te lang."))
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text) if len(text) <= MAX_NUMBER_CHARS else float("inf")
    if value in (float("inf"), float("-inf")):
        raise BadJSON(_l("Dit getal is te groot."))
    return value


def loads(text):
    """Parse JSON text strictly; raise BadJSON (400) for what no route can take."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise BadJSON(_l("De JSON is niet geldig.")) from None
    try:
        value = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_refuse_constant)
    except RecursionError:
        raise BadJSON(_l("De gegevens zijn te diep genest.")) from None
    except ValueError:
        raise BadJSON(_l("De JSON is niet geldig.")) from None
    # Fewer brackets than the limit cannot nest past it (the usual small body skips the walk).
    if sum(text.count(c) for c in "[{") > MAX_DEPTH and _depth_exceeds(value, MAX_DEPTH):
        raise BadJSON(_l("De gegevens zijn te diep genest."))
    return value


def _depth_exceeds(value, limit: int) -> bool:
    """Whether lists and objects nest deeper than `limit` (iteratively: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))
    return False


def unstorable_text(value, limit: int = MAX_TEXT_ERRORS) -> dict | list | None:
    """Return marshmallow-style errors for every string (or key) the database cannot store."""
    found = {}
    if isinstance(value, str):
        return [str(UNSTORABLE_MESSAGE)] if UNSTORABLE.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        if isinstance(key, str) and UNSTORABLE.search(key):
            found[UNSTORABLE.sub("?", key)] = [str(UNSTORABLE_MESSAGE)]
        else:
            problem = unstorable_text(child, limit)
            if problem:
                found[key] = problem
        if len(found) >= limit:
            break
    return found or None


def read_json_body():
    """Read and check the JSON body of an API request once; Flask and webargs reuse it."""
    req = request._get_current_object()  # on the path of every sync pull: one proxy lookup, not ten
    if not req.path.startswith("/api/") or req.mimetype != "application/json":
        return
    data = _read_at_most(req.stream, current_app.config["MAX_CONTENT_LENGTH"])
    req._cached_data = data  # what request.get_data() and webargs read from here on
    if not data.strip():
        return
    body = loads(data)
    req._cached_json = (body, body)  # request.get_json() without a second parse
    # NUL and surrogates can only come as \u escapes (raw, they are invalid JSON or UTF-8).
    if b"\\u" in data and req.endpoint not in TEXT_CHECKED_PER_ITEM:
        problems = unstorable_text(body)
        if problems:
            raise ValidationError(errors=problems if isinstance(problems, dict) else {"_schema": problems})


def _read_at_most(stream, limit: int) -> bytes:
    """Read the body; 413 past `limit`. Bodies sent chunked carry no Content-Length, and a
    server may not cut them off: never read more than limit + 1 bytes, whoever framed them."""
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(limit + 1 - size)  # a chunked stream may give less per read
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise AppError(code=413)
    return b"".join(chunks)


def request_id() -> str:
    """Return this request's id: the caller's X-Request-Id when it is sane, else a new one.

    Made on first use (a log line, an error), so requests that log nothing pay nothing.
    """
    if "request_id" not in g:
        sent = request.headers.get("X-Request-Id", "")
        g.request_id = sent if REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex
    return g.request_id


def echo_request_id(response):
    """Send the request id back when one was sent or logged, so a report can be matched to the log."""
    if "request_id" in g or "X-Request-Id" in request.headers:
        response.headers["X-Request-Id"] = request_id()
    return response


def register(app):
    """Install the body reader and the request id on the app."""
    app.before_request(read_json_body)
    app.after_request(echo_request_id)
