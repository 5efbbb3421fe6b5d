"""Flask's signed-cookie sessions, with each verified cookie remembered by the process.

A phone sends the same session cookie with every request, and checking it (base64, HMAC,
zlib, tagged JSON) cost a sixth of an up-to-date sync pull (bench/http_pull.py). The check
is deterministic, so its result is kept, keyed by the exact cookie text and the signing
keys: a cookie is only ever served from the cache after it passed the full check once.
Expiry is still enforced on every request from the signing time kept with the result.
"""
import copy
import functools
import time

from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

CACHE_SIZE = 4096  # cookies per process (about 1 MiB); the oldest unused go first
_PLAIN = (str, int, float, bool, type(None))


class CachedCookieSessionInterface(SecureCookieSessionInterface):
    """SecureCookieSessionInterface whose signature checks are memoised per process."""

    def open_session(self, app, request):
        val = request.cookies.get(self.get_cookie_name(app))
        if not val or not app.secret_key:
            return super().open_session(app, request)
        keys = (*(app.config["SECRET_KEY_FALLBACKS"] or ()), app.secret_key)
        try:
            signed_at, data = _verify(self, keys, val)
        except BadSignature:
            return self.session_class()
        if time.time() - signed_at > app.permanent_session_lifetime.total_seconds():
            return self.session_class()  # expired since it was first checked
        # The cached dict is shared: hand out a copy (deep only when a value is mutable).
        plain = all(isinstance(v, _PLAIN) for v in data.values())
        return self.session_class(data if plain else copy.deepcopy(data))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _verify(interface, keys: tuple, val: str):
    """Return (signing time, data) of a cookie; raise BadSignature. Only successes are cached."""
    serializer = interface.get_signing_serializer(_KeysOnly(keys))
    data, signed_at = serializer.loads(val, return_timestamp=True)
    return signed_at.timestamp(), data


class _KeysOnly:
    """The two attributes get_signing_serializer reads from the app."""

    def __init__(self, keys: tuple):
        self.secret_key = keys[-1]
        self.config = {"SECRET_KEY_FALLBACKS": list(keys[:-1])}
