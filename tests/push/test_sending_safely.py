"""Sending a push can only reach the push service that was checked: no redirect is followed, the
address checked is the one connected to (DNS rebinding), and a slow endpoint is given up on after
PUSH_TIMEOUT for the whole push (docs/reminders.md, "The endpoint rule")."""
import datetime as dt
import logging
import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import certifi
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from backend.extensions import db
from backend.push import service
from backend.push.models import PushSubscription
from tests.push.helpers import BrowserSubscription, PushService


def add_subscription(user, device) -> PushSubscription:
    sub = PushSubscription(user_id=user.id, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth,
                           locale="nl")
    db.session.add(sub)
    db.session.commit()
    return sub


@pytest.fixture
def fake_dns(monkeypatch):
    """answers[name] = [first lookup's address, second lookup's, ...] (the last one repeats);
    asked[name] counts the lookups. Other names resolve as usual."""
    real = socket.getaddrinfo
    answers, asked = {}, {}

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        asked[host] = asked.get(host, 0) + 1
        address = answers[host][min(asked[host], len(answers[host])) - 1]
        return real(address, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, asked


@pytest.fixture
def listener():
    """A local TCP port that accepts nothing itself: a connection to it waits in its queue."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield sock
    sock.close()


def was_connected_to(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        conn, _ = sock.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True


def test_a_redirect_is_a_failed_push_and_is_never_followed(amal, push_service, caplog, ctx):
    internal = PushService()  # not in PUSH_ALLOWED_HOSTS: stands for an address inside our network
    try:
        device = push_service.device()
        sub = add_subscription(amal, device)
        path = device.endpoint.split(push_service.host)[1]
        push_service.redirects[path] = f"http://{internal.host}/admin/do-something"
        with caplog.at_level(logging.INFO):
            assert service.send(sub, {"title": "x"}) is False
        assert internal.received == []
        assert len(push_service.received) == 1
        assert f"push to http://{push_service.host} failed: 307" in caplog.text
        assert path.rsplit("/", 1)[1] not in caplog.text
        assert db.session.get(PushSubscription, sub.id).last_success_at is None
    finally:
        internal.stop()


def test_the_address_checked_is_the_one_connected_to(app, amal, fake_dns, listener, ctx):
    answers, asked = fake_dns
    # A public address at the check, then this machine at a second lookup (DNS rebinding).
    answers["push.example.com"] = ["8.8.8.8", "127.0.0.1"]
    port = listener.getsockname()[1]
    app.config["PUSH_TIMEOUT"] = 1.0
    sub = add_subscription(amal, BrowserSubscription(f"https://push.example.com:{port}/push/abc"))
    assert service.send(sub, {"title": "x"}) is False  # 8.8.8.8 runs no push service on that port
    assert asked["push.example.com"] == 1
    assert not was_connected_to(listener)


def test_a_name_that_resolves_to_a_private_address_is_never_connected_to(app, amal, fake_dns, listener, ctx):
    answers, asked = fake_dns
    answers["push.example.com"] = ["127.0.0.1"]
    sub = add_subscription(amal, BrowserSubscription(
        f"https://push.example.com:{listener.getsockname()[1]}/push/abc"))
    assert service.send(sub, {"title": "x"}) is False
    assert not was_connected_to(listener)


class TricklingService:
    """A push service that answers one byte at a time, each well within PUSH_TIMEOUT."""

    def __init__(self, pause: float, slow_bytes: int):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.host = f"127.0.0.1:{self.sock.getsockname()[1]}"
        self.pause, self.slow_bytes = pause, slow_bytes
        self.finished = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        try:
            conn, _ = self.sock.accept()
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                conn.sendall(b"HTTP/1.1 201 Created\r\nX-Slow: ")
                for _ in range(self.slow_bytes):
                    time.sleep(self.pause)
                    conn.sendall(b"a")
                conn.sendall(b"\r\nContent-Length: 0\r\n\r\n")
        except OSError:
            pass  # the app hung up
        finally:
            self.finished.set()

    def stop(self):
        self.sock.close()
        self.finished.wait(30)


def test_a_slow_push_service_is_given_up_on_after_push_timeout_for_the_whole_push(app, amal, caplog, ctx):
    slow = TricklingService(pause=0.25, slow_bytes=16)  # 4 seconds in all, a byte every 0.25 s
    try:
        app.config.update(PUSH_ALLOWED_HOSTS=[slow.host], PUSH_TIMEOUT=1.0)
        sub = add_subscription(amal, BrowserSubscription(f"http://{slow.host}/push/abc"))
        with caplog.at_level(logging.INFO):
            assert service.send(sub, {"title": "x"}) is False
        assert "no answer within PUSH_TIMEOUT" in caplog.text
        assert db.session.get(PushSubscription, sub.id).last_success_at is None
    finally:
        slow.stop()


# -- https: connected to the address, the host name still checked --------------------------------

def certificate(name: str, ca_key, ca_name) -> tuple:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return key, cert


@pytest.fixture
def tls_push_service(tmp_path, monkeypatch):
    """Return start(name): an https push service on 127.0.0.1 with a certificate for `name`, from a
    test CA the app trusts; it records the server name the client asked for (SNI) and the Host."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Maatje test CA")])
    now = dt.datetime.now(dt.timezone.utc)
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(ca_key, hashes.SHA256()))
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    monkeypatch.setattr(certifi, "where", lambda: str(ca_file))
    servers = []

    def start(name: str):
        key, cert = certificate(name, ca_key, ca_name)
        cert_file, key_file = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
        seen = {"sni": [], "host": [], "posts": 0}
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        context.sni_callback = lambda sock, server_name, ctx: seen["sni"].append(server_name)

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                seen["posts"] += 1
                seen["host"].append(self.headers.get("Host"))
                self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server.server_address[1], seen

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_over_https_the_host_name_goes_into_sni_the_host_header_and_the_certificate_check(
        app, amal, fake_dns, tls_push_service, ctx):
    answers, asked = fake_dns
    answers["push.example.com"] = ["127.0.0.1"]
    port, seen = tls_push_service("push.example.com")
    app.config["PUSH_ALLOWED_HOSTS"] = [f"push.example.com:{port}"]  # a local address, for the test only
    sub = add_subscription(amal, BrowserSubscription(f"https://push.example.com:{port}/push/abc"))
    assert service.send(sub, {"title": "x"}) is True
    assert seen["sni"] == ["push.example.com"]
    assert seen["host"] == [f"push.example.com:{port}"]
    assert asked["push.example.com"] == 1


def test_over_https_a_certificate_for_another_name_is_refused(app, amal, fake_dns, tls_push_service, ctx):
    answers, _ = fake_dns
    answers["push.example.com"] = ["127.0.0.1"]
    port, seen = tls_push_service("other.example.org")
    app.config["PUSH_ALLOWED_HOSTS"] = [f"push.example.com:{port}"]
    sub = add_subscription(amal, BrowserSubscription(f"https://push.example.com:{port}/push/abc"))
    assert service.send(sub, {"title": "x"}) is False
    assert seen["posts"] == 0
