"""A local push service (a small http.server thread) and subscriptions made the way a browser
makes them: the test holds the device's private ECDH key and auth secret, so it can decrypt what
the server pushed (RFC 8291, aes128gcm) with http_ece."""
import json
import os
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from backend.push.vapid import b64url


class BrowserSubscription:
    """What pushManager.subscribe() gives a page: an endpoint and the device's keys."""

    def __init__(self, endpoint: str):
        self.endpoint = endpoint
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.auth_secret = os.urandom(16)
        public = self.private_key.public_key().public_bytes(serialization.Encoding.X962,
                                                            serialization.PublicFormat.UncompressedPoint)
        self.p256dh = b64url(public)
        self.auth = b64url(self.auth_secret)

    def json(self) -> dict:
        return {"endpoint": self.endpoint, "expirationTime": None, "keys": {"p256dh": self.p256dh, "auth": self.auth}}

    def decrypt(self, body: bytes) -> dict:
        return json.loads(http_ece.decrypt(body, private_key=self.private_key, auth_secret=self.auth_secret,
                                           version="aes128gcm"))


class PushService:
    """Records every POST; answers 201, or the status set for a device's path in `answers`, or a
    307 to the address set for it in `redirects`."""

    def __init__(self):
        self.received = []  # (path, headers, body) in order of arrival
        self.answers = {}  # path -> status
        self.redirects = {}  # path -> Location of a 307
        self.lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with service.lock:
                    service.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                if self.path in service.redirects:
                    self.send_response(307)
                    self.send_header("Location", service.redirects[self.path])
                else:
                    self.send_response(service.answers.get(self.path, 201))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def device(self) -> BrowserSubscription:
        return BrowserSubscription(f"http://{self.host}/push/{uuid.uuid4().hex}")

    def to(self, sub: BrowserSubscription) -> list[tuple[dict, dict]]:
        """Return (headers, decrypted payload) of every push that reached this device."""
        path = sub.endpoint.split(self.host, 1)[1]
        with self.lock:
            return [(headers, sub.decrypt(body)) for p, headers, body in self.received if p == path]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
