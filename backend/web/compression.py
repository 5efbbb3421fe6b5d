"""Compress JSON answers with Brotli or gzip when the client accepts it, never answers with a secret.

A first sync of 10,000 rows is about 4 MB of JSON, over a minute on a slow 3G link; compressed it
is a tenth of that (bench/first_sync.py). The app compresses itself, so the embedded server
(Flask or gunicorn facing the phone) gains as much as a deployment behind a proxy. A proxy that
compresses too leaves an answer alone once it has a Content-Encoding, and so does this module:
nothing is compressed twice.

BREACH: an attacker who can make the browser send requests and watch the compressed sizes can
guess a secret in the answer byte by byte when the answer also reflects their input. So an answer
that carries a secret is never compressed: everything under /api/auth (the session payload with
the CSRF token: login, me, password), and any answer whose view called `carries_secret()`.
"""
import gzip

import brotli
from flask import g, request

MIN_SIZE = 1024  # below this the header and the CPU cost more than the bytes saved
TYPES = ("application/json",)
GZIP_LEVEL = 6
# Quality 4 compresses 10,000 rows about as fast as gzip 6 and a fifth smaller; 11 (the default)
# is meant for static files and takes tens of times longer.
BROTLI_QUALITY = 4
SECRET_BLUEPRINTS = ("auth",)


def carries_secret() -> None:
    """Mark the answer to this request as holding a secret, so it is never compressed (BREACH)."""
    g.carries_secret = True


def _encoding() -> str | None:
    """Pick what the client accepts: Brotli first (smaller), then gzip; None means identity."""
    accepted = request.accept_encodings
    if accepted["br"] > 0:
        return "br"
    if accepted["gzip"] > 0:
        return "gzip"
    return None


def _secret() -> bool:
    return g.get("carries_secret", False) or request.blueprint in SECRET_BLUEPRINTS


def compress(response):
    """Compress a JSON answer of at least MIN_SIZE bytes with what the client accepts."""
    if (response.mimetype not in TYPES or response.direct_passthrough or response.is_streamed
            or response.status_code in (204, 206, 304) or "Content-Encoding" in response.headers
            or _secret()):
        return response
    body = response.get_data()
    if len(body) < MIN_SIZE:
        return response
    response.vary.add("Accept-Encoding")  # caches must key on it: the same URL has two bodies
    encoding = _encoding()
    if encoding == "br":
        response.set_data(brotli.compress(body, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY))
    elif encoding == "gzip":
        response.set_data(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))
    else:
        return response
    response.headers["Content-Encoding"] = encoding
    return response


def register(app):
    """Compress the app's answers on their way out."""
    app.after_request(compress)
