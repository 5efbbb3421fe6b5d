"""Each device's push subscription, and sending one push to it.

A subscription's endpoint is a URL the browser got from its push service and the user hands us:
the server POSTs to it, so only https to a public host name is accepted (no IP literal, no
loopback, private or link-local address, also not after a DNS lookup at sending time). Hosts in
PUSH_ALLOWED_HOSTS skip that rule (the tests' local push service).

Sending resolves the host name once, checks those addresses and connects to one of them (the
name still goes into SNI, the Host header and the certificate check), so a second lookup cannot
answer with another address (DNS rebinding); redirects are never followed; and PUSH_TIMEOUT
bounds the whole exchange, not each read (a slow endpoint cannot stall `flask reminders`).
"""
import ipaddress
import json
import logging
import socket
import threading
import time
from urllib.parse import urlsplit

import certifi
import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from pywebpush import WebPusher
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, Timeout
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import NewConnectionError

from backend.db import utcnow
from backend.errors import ValidationError
from backend.extensions import db
from backend.push import vapid
from backend.push.models import PushSubscription

log = logging.getLogger(__name__)

# A host name that names this machine or a private network, whatever it resolves to.
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain")

ENDPOINT_REFUSED = _l("Dit adres voor meldingen kunnen we niet gebruiken.")


def endpoint_problem(endpoint: str) -> str | None:
    """Return why the server must not POST to `endpoint` (a short English reason), or None."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").rstrip(".").lower()
        port = parts.port
    except ValueError:
        return "not a URL"
    if parts.username or parts.password:
        return "credentials in the URL"
    if _allowed(host, port):
        return None if parts.scheme in ("http", "https") else "not http(s)"
    if parts.scheme != "https":
        return "not https"
    if not host:
        return "no host"
    if _is_ip_literal(host):
        return "an IP address"
    if "." not in host or host == "localhost" or host.endswith(LOCAL_SUFFIXES):
        return "a local host name"
    return None


def _allowed(host: str, port: int | None) -> bool:
    allowed = current_app.config.get("PUSH_ALLOWED_HOSTS") or []
    return bool(host) and (host in allowed or f"{host}:{port}" in allowed)


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    # Forms inet_aton takes and some HTTP clients resolve: "2130706433", "0x7f.1", "127.1".
    try:
        socket.inet_aton(host)
        return True
    except OSError:
        return False


def public_addresses(endpoint: str) -> list[str]:
    """Resolve the endpoint's host once; return its addresses if every one is public, else [].

    The push is then sent to these addresses and no others. An allowed host (PUSH_ALLOWED_HOSTS)
    may resolve to anything.
    """
    parts = urlsplit(endpoint)
    host = parts.hostname or ""
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if _allowed(host.lower(), parts.port):
        return addresses
    if not addresses or not all(ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses):
        return []
    return addresses


def origin(endpoint: str) -> str:
    """Return the endpoint without its path: the path is the device's secret, never logged."""
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


def subscribe(user, endpoint: str, p256dh: str, auth: str, locale: str | None) -> PushSubscription:
    """Save this device's subscription for `user` and commit.

    Upsert by endpoint: the same browser subscribing again updates its keys; an endpoint held by
    another user (someone else logged in on this phone before) moves to this one. It belongs to
    the user's current session: when that session ends, the subscription is deleted with it.
    """
    problem = endpoint_problem(endpoint)
    if problem:
        raise ValidationError(ENDPOINT_REFUSED, errors={"endpoint": [str(ENDPOINT_REFUSED)]})
    sub = db.session.scalar(sa.select(PushSubscription).where(PushSubscription.endpoint == endpoint))
    if sub is None:
        sub = PushSubscription(user_id=user.id, endpoint=endpoint)
        db.session.add(sub)
    elif sub.user_id != user.id:
        sub.user_id = user.id
        sub.last_success_at = None
        sub.created_at = utcnow()
    sub.p256dh, sub.auth, sub.locale = p256dh, auth, locale
    sub.session_id = user.session_id  # this device's login: it ends, the subscription goes
    db.session.flush()
    _keep_newest(user.id)
    db.session.commit()
    return sub


def _keep_newest(user_id) -> None:
    """Forget a user's oldest subscriptions beyond PUSH_MAX_DEVICES (browsers that were reset)."""
    ids = db.session.scalars(sa.select(PushSubscription.id).where(PushSubscription.user_id == user_id)
                             .order_by(PushSubscription.created_at.desc(), PushSubscription.id)).all()
    old = ids[current_app.config["PUSH_MAX_DEVICES"]:]
    if old:
        db.session.execute(sa.delete(PushSubscription).where(PushSubscription.id.in_(old)))


def unsubscribe(user, endpoint: str) -> bool:
    """Delete this user's subscription with `endpoint` and commit; another user's is left alone."""
    result = db.session.execute(sa.delete(PushSubscription).where(
        PushSubscription.endpoint == endpoint, PushSubscription.user_id == user.id))
    db.session.commit()
    return result.rowcount > 0


def move_to_session(old_session_id, new_session_id) -> None:
    """Hand the subscriptions of a session to the one that replaces it on the same device (a
    password change: every session ends, this device goes on in a new one). No commit."""
    if old_session_id is not None:
        db.session.execute(sa.update(PushSubscription).where(PushSubscription.session_id == old_session_id)
                           .values(session_id=new_session_id))


def subscriptions_of(user_id) -> list[PushSubscription]:
    return list(db.session.scalars(sa.select(PushSubscription).where(PushSubscription.user_id == user_id)
                                   .order_by(PushSubscription.created_at, PushSubscription.id)))


def subscription_of(subscription_id, user_id) -> PushSubscription | None:
    """Return the subscription if it still exists and still belongs to `user_id` (else None)."""
    return db.session.scalar(sa.select(PushSubscription).where(
        PushSubscription.id == subscription_id, PushSubscription.user_id == user_id))


def send(subscription: PushSubscription, payload: dict, urgency: str = "normal") -> bool:
    """Send one push (the JSON `payload`, encrypted for the device); return whether it was accepted.

    A push service answering 404 or 410 says the subscription is gone: it is deleted (and
    committed). Other failures (a redirect among them: never followed) are logged with the
    endpoint's origin only.
    """
    endpoint = subscription.endpoint
    deadline = _Deadline(current_app.config["PUSH_TIMEOUT"])
    try:
        addresses = [] if endpoint_problem(endpoint) else public_addresses(endpoint)
        if not addresses:
            log.warning("push refused: endpoint %s is not a public https host", origin(endpoint))
            return False
        body, headers = _encrypted(subscription, payload, urgency)
        try:
            status = _post(endpoint, addresses, body, headers, deadline)
        except Exception as err:  # the network: a timeout, a refused connection, a TLS error
            reason = "no answer within PUSH_TIMEOUT" if deadline.expired else type(err).__name__
            log.warning("push to %s failed: %s", origin(endpoint), reason)
            return False
    finally:
        deadline.close()
    if status in (404, 410):
        db.session.execute(sa.delete(PushSubscription).where(PushSubscription.id == subscription.id))
        db.session.commit()
        log.info("push subscription gone (%s from %s): deleted", status, origin(endpoint))
        return False
    if not 200 <= status < 300:  # 3xx included: a redirect is not followed
        log.warning("push to %s failed: %s", origin(endpoint), status)
        return False
    db.session.execute(sa.update(PushSubscription).where(PushSubscription.id == subscription.id)
                       .values(last_success_at=utcnow()))
    db.session.commit()
    return True


def _encrypted(subscription: PushSubscription, payload: dict, urgency: str) -> tuple[bytes, dict]:
    """Return the body (RFC 8291 aes128gcm, pywebpush's encryption) and headers (VAPID, RFC 8292) of a push."""
    pusher = WebPusher({"endpoint": subscription.endpoint,
                        "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}})
    body = pusher.encode(json.dumps(payload, ensure_ascii=False).encode("utf-8"), "aes128gcm")["body"]
    claims = dict(vapid.claims(), aud=origin(subscription.endpoint), exp=int(time.time()) + 12 * 60 * 60)
    headers = {"TTL": str(current_app.config["PUSH_TTL"]), "Urgency": urgency,
               "Content-Encoding": "aes128gcm", "Content-Type": "application/octet-stream"}
    headers.update(vapid.keys().signer().sign(claims))
    return body, headers


def _post(endpoint: str, addresses: list[str], body: bytes, headers: dict, deadline: "_Deadline") -> int:
    """POST the push to one of `addresses` (the ones checked) and return the answer's status.

    No redirects, no retries, no proxy from the environment; the answer's body is not read.
    """
    parts = urlsplit(endpoint)
    https = parts.scheme == "https"
    pool_class = _PinnedHTTPSPool if https else _PinnedHTTPPool
    extra = {"cert_reqs": "CERT_REQUIRED", "ca_certs": certifi.where()} if https else {}
    pool = pool_class(parts.hostname, parts.port or (443 if https else 80), maxsize=1, retries=False,
                      addresses=addresses, deadline=deadline, **extra)
    left = deadline.left()
    try:
        response = pool.urlopen("POST", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
                                body=body, headers=headers, redirect=False, retries=False,
                                preload_content=False, timeout=Timeout(connect=left, read=left))
        response.close()
        if deadline.expired:  # cut off: http.client takes an answer ended early as complete
            raise TimeoutError("push deadline passed")
        return response.status
    finally:
        pool.close()


class _Deadline:
    """PUSH_TIMEOUT for a whole push: when it passes, the connection is shut down, whatever it
    waits for (the TLS handshake, an answer trickling in byte by byte)."""

    def __init__(self, seconds: float):
        self.at = time.monotonic() + seconds
        self.expired = False
        self._done = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        left = self.at - time.monotonic()
        if left <= 0:
            raise TimeoutError("push deadline passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        """Shut `sock` down at the deadline (through a duplicate: TLS takes the original over)."""
        with self._lock:
            if self.expired:
                raise TimeoutError("push deadline passed")
            self._sockets.append(sock.dup())

    def _expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._done = True
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


class _Pinned:
    """A urllib3 connection that connects to the checked addresses only, never resolving the
    host name again; the name stays the connection's host (SNI, Host header, certificate)."""

    def __init__(self, *args, addresses: list[str], deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self.addresses = addresses
        self.deadline = deadline

    def _new_conn(self) -> socket.socket:
        error: OSError | None = None
        for address in self.addresses:
            try:
                sock = socket.create_connection((address, self.port), timeout=self.deadline.left())
            except OSError as err:
                error = err
                continue
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.deadline.watch(sock)
            except OSError:
                sock.close()
                raise
            return sock
        raise NewConnectionError(self, f"Failed to establish a new connection: {error}")


class _PinnedHTTPConnection(_Pinned, HTTPConnection):
    pass


class _PinnedHTTPSConnection(_Pinned, HTTPSConnection):
    pass


class _PinnedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _PinnedHTTPConnection


class _PinnedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _PinnedHTTPSConnection
