"""Each device's push subscription, and sending one push to it.

A subscription's endpoint is a URL the browser got from its push service and the user hands us:
the server POSTs to it, so only https to a public host name is accepted (no IP literal, no
loopback, private or link-local address, also not after a DNS lookup at sending time). Hosts in
PUSH_ALLOWED_HOSTS skip that rule (the tests' local push service).
"""
import ipaddress
import json
import logging
import socket
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from pywebpush import WebPushException, webpush

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


def resolves_publicly(endpoint: str) -> bool:
    """Whether every address the endpoint's host resolves to is a public one (checked at sending)."""
    parts = urlsplit(endpoint)
    host = parts.hostname or ""
    if _allowed(host.lower(), parts.port):
        return True
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except OSError:
        return False
    addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    return bool(addresses) and all(address.is_global for address in addresses)


def origin(endpoint: str) -> str:
    """Return the endpoint without its path: the path is the device's secret, never logged."""
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


def subscribe(user, endpoint: str, p256dh: str, auth: str, locale: str | None) -> PushSubscription:
    """Save this device's subscription for `user` and commit.

    Upsert by endpoint: the same browser subscribing again updates its keys; an endpoint held by
    another user (someone else logged in on this phone before) moves to this one.
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


def subscriptions_of(user_id) -> list[PushSubscription]:
    return list(db.session.scalars(sa.select(PushSubscription).where(PushSubscription.user_id == user_id)
                                   .order_by(PushSubscription.created_at, PushSubscription.id)))


def send(subscription: PushSubscription, payload: dict, urgency: str = "normal") -> bool:
    """Send one push (the JSON `payload`, encrypted for the device); return whether it was accepted.

    A push service answering 404 or 410 says the subscription is gone: it is deleted (and
    committed). Other failures are logged with the endpoint's origin only.
    """
    endpoint = subscription.endpoint
    if endpoint_problem(endpoint) or not resolves_publicly(endpoint):
        log.warning("push refused: endpoint %s is not a public https host", origin(endpoint))
        return False
    keys = vapid.keys()
    try:
        response = webpush(
            {"endpoint": endpoint, "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}},
            data=json.dumps(payload, ensure_ascii=False),
            vapid_private_key=keys.signer(),
            vapid_claims=vapid.claims(),
            ttl=current_app.config["PUSH_TTL"],
            timeout=current_app.config["PUSH_TIMEOUT"],
            headers={"Urgency": urgency},
        )
    except WebPushException as err:
        status = err.response.status_code if err.response is not None else None
        if status in (404, 410):
            db.session.execute(sa.delete(PushSubscription).where(PushSubscription.id == subscription.id))
            db.session.commit()
            log.info("push subscription gone (%s from %s): deleted", status, origin(endpoint))
        else:
            log.warning("push to %s failed: %s", origin(endpoint), status or type(err.__cause__ or err).__name__)
        return False
    except Exception as err:  # the network: a timeout, a refused connection, a TLS error
        log.warning("push to %s failed: %s", origin(endpoint), type(err).__name__)
        return False
    if getattr(response, "status_code", 201) >= 400:
        log.warning("push to %s failed: %s", origin(endpoint), response.status_code)
        return False
    db.session.execute(sa.update(PushSubscription).where(PushSubscription.id == subscription.id)
                       .values(last_success_at=utcnow()))
    db.session.commit()
    return True
