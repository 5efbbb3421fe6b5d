"""Web Push: the server's key, each device's subscription, sending, and the SSRF rule."""
import json
import logging
import os
import stat
import threading

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.push import service, vapid
from backend.push.models import PushSubscription
from tests.conftest import AuthActions
from tests.push.helpers import BrowserSubscription


def subscriptions():
    return db.session.scalars(sa.select(PushSubscription).order_by(PushSubscription.created_at)).all()


def test_the_public_key_is_for_logged_in_users_and_is_a_p256_point(client, auth, amal, vapid_keys):
    response = client.get("/api/push/key")
    assert response.status_code == 200
    key = response.json["public_key"]
    assert key == vapid_keys.public_key
    raw = vapid.b64url_decode(key)
    assert len(raw) == 65 and raw[0] == 4
    auth.logout()
    assert client.get("/api/push/key").status_code == 401


def test_a_device_subscribes_once_and_again_without_a_second_row(auth, amal, push_service, ctx):
    device = push_service.device()
    assert auth.post("/api/push/subscriptions", json=device.json()).status_code == 204
    assert auth.post("/api/push/subscriptions", json=device.json()).status_code == 204
    rows = subscriptions()
    assert [(r.user_id, r.endpoint, r.p256dh, r.auth) for r in rows] == [(amal.id, device.endpoint, device.p256dh, device.auth)]


def test_a_phone_that_changes_hands_moves_its_subscription_to_the_new_user(client, auth, amal, make_user,
                                                                           push_service, ctx):
    device = push_service.device()
    auth.post("/api/push/subscriptions", json=device.json())
    auth.logout()
    sanne = make_user("buddy", email="sanne@example.org", name="Sanne")
    auth.login("sanne@example.org")
    assert auth.post("/api/push/subscriptions", json=device.json()).status_code == 204
    assert [r.user_id for r in subscriptions()] == [sanne.id]


def test_unsubscribing_forgets_only_the_own_device(app, auth, amal, make_user, push_service, ctx):
    mine, theirs = push_service.device(), push_service.device()
    auth.post("/api/push/subscriptions", json=mine.json())
    make_user("buddy", email="sanne@example.org", name="Sanne")
    other = app.test_client()
    sanne = AuthActions(other)
    sanne.login("sanne@example.org")
    sanne.post("/api/push/subscriptions", json=theirs.json())
    # Sanne cannot remove Amal's device by naming its endpoint.
    assert other.delete("/api/push/subscriptions", json={"endpoint": mine.endpoint},
                        headers=sanne.headers()).status_code == 204
    assert len(subscriptions()) == 2
    assert other.delete("/api/push/subscriptions", json={"endpoint": theirs.endpoint},
                        headers=sanne.headers()).status_code == 204
    assert [r.endpoint for r in subscriptions()] == [mine.endpoint]


@pytest.mark.parametrize("keys", [
    {"p256dh": "not-a-key", "auth": "AAAAAAAAAAAAAAAAAAAAAA"},
    {"p256dh": vapid.b64url(b"\x04" + b"x" * 63), "auth": "AAAAAAAAAAAAAAAAAAAAAA"},
    {"p256dh": vapid.b64url(b"\x05" + b"x" * 64), "auth": "AAAAAAAAAAAAAAAAAAAAAA"},
    {"p256dh": vapid.b64url(b"\x04" + b"x" * 64), "auth": "short"},
    {"p256dh": vapid.b64url(b"\x04" + b"x" * 64), "auth": "A" * 5000},
    {"p256dh": "%" * 87, "auth": "AAAAAAAAAAAAAAAAAAAAAA"},
])
def test_keys_that_no_browser_makes_are_refused_in_the_users_language(auth, amal, keys, ctx):
    response = auth.post("/api/push/subscriptions", json={"endpoint": "https://fcm.googleapis.com/fcm/send/abc",
                                                          "keys": keys})
    assert response.status_code == 422
    assert response.json["message"] == "Sommige velden kloppen niet."
    assert "keys" in response.json["errors"]
    assert subscriptions() == []


def test_an_endpoint_too_long_is_refused(auth, amal, ctx):
    device = BrowserSubscription("https://fcm.googleapis.com/fcm/send/" + "a" * 1000)
    assert auth.post("/api/push/subscriptions", json=device.json()).status_code == 422


@pytest.mark.parametrize("endpoint", [
    "http://127.0.0.1/push/abc",
    "https://127.0.0.1/push/abc",
    "https://127.1/push/abc",
    "https://2130706433/push/abc",
    "https://0x7f000001/push/abc",
    "https://[::1]/push/abc",
    "https://[fd00::1]/push/abc",
    "https://10.0.0.8/push/abc",
    "https://192.168.1.1/push/abc",
    "https://169.254.169.254/latest/meta-data",
    "https://localhost/push/abc",
    "https://push.localhost/push/abc",
    "https://printer.local/push/abc",
    "https://metadata.google.internal/computeMetadata",
    "https://intranet/push/abc",
    "http://fcm.googleapis.com/fcm/send/abc",
    "ftp://fcm.googleapis.com/fcm/send/abc",
    "https://user:pw@fcm.googleapis.com/fcm/send/abc",
    "https://fcm.googleapis.com:99999/x",
])
def test_the_server_refuses_to_post_to_local_or_private_addresses(auth, amal, endpoint, ctx):
    response = auth.post("/api/push/subscriptions", json=BrowserSubscription(endpoint).json())
    assert response.status_code == 422
    assert response.json["errors"]["endpoint"] == ["Dit adres voor meldingen kunnen we niet gebruiken."]
    assert subscriptions() == []


@pytest.mark.parametrize("endpoint", [
    "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAA",
    "https://web.push.apple.com/QGuQyavXutnMH",
])
def test_the_push_services_of_browsers_are_accepted(auth, amal, endpoint, ctx):
    assert auth.post("/api/push/subscriptions", json=BrowserSubscription(endpoint).json()).status_code == 204


def test_a_local_endpoint_is_allowed_only_through_the_test_setting(auth, amal, app, push_service, ctx):
    device = push_service.device()
    app.config["PUSH_ALLOWED_HOSTS"] = []
    assert auth.post("/api/push/subscriptions", json=device.json()).status_code == 422
    app.config["PUSH_ALLOWED_HOSTS"] = [push_service.host]
    assert auth.post("/api/push/subscriptions", json=device.json()).status_code == 204


def add_subscription(user, device, locale="nl"):
    sub = PushSubscription(user_id=user.id, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth,
                           locale=locale)
    db.session.add(sub)
    db.session.commit()
    return sub


def test_a_push_arrives_encrypted_for_the_device_and_signed_with_our_key(amal, push_service, vapid_keys, ctx):
    device = push_service.device()
    sub = add_subscription(amal, device)
    assert service.send(sub, {"title": "Hallo", "body": "Morgen om 10:00", "url": "/x"}, urgency="high") is True
    [(headers, payload)] = push_service.to(device)
    assert payload == {"title": "Hallo", "body": "Morgen om 10:00", "url": "/x"}
    assert headers["content-encoding"] == "aes128gcm"
    assert headers["urgency"] == "high"
    assert int(headers["ttl"]) > 0
    assert f"k={vapid_keys.public_key}" in headers["authorization"]
    assert subscriptions()[0].last_success_at is not None


@pytest.mark.parametrize("status", [404, 410])
def test_a_subscription_the_push_service_calls_gone_is_deleted(amal, push_service, status, ctx):
    device = push_service.device()
    sub = add_subscription(amal, device)
    push_service.answers[device.endpoint.split(push_service.host)[1]] = status
    assert service.send(sub, {"title": "x"}) is False
    assert subscriptions() == []


def test_other_failures_keep_the_subscription_and_never_log_its_secret_path(amal, push_service, caplog, ctx):
    device = push_service.device()
    sub = add_subscription(amal, device)
    path = device.endpoint.split(push_service.host)[1]
    push_service.answers[path] = 500
    with caplog.at_level(logging.INFO):
        assert service.send(sub, {"title": "x"}) is False
    assert len(subscriptions()) == 1
    assert "push to http://" in caplog.text and "500" in caplog.text
    assert path.rsplit("/", 1)[1] not in caplog.text


def test_sending_to_a_private_address_is_refused_even_if_it_was_stored(amal, push_service, app, ctx):
    device = push_service.device()
    sub = add_subscription(amal, device)
    app.config["PUSH_ALLOWED_HOSTS"] = []  # the test setting off: 127.0.0.1 is never posted to
    assert service.send(sub, {"title": "x"}) is False
    assert push_service.received == []


def test_a_device_limit_replaces_the_oldest_subscription(auth, amal, app, push_service, ctx):
    devices = [push_service.device() for _ in range(app.config["PUSH_MAX_DEVICES"] + 1)]
    for device in devices:
        assert auth.post("/api/push/subscriptions", json=device.json()).status_code == 204
    endpoints = {r.endpoint for r in subscriptions()}
    assert len(endpoints) == app.config["PUSH_MAX_DEVICES"]
    assert devices[-1].endpoint in endpoints


# -- the VAPID pair --------------------------------------------------------------------------

def test_keys_are_generated_once_into_the_instance_folder_even_by_two_at_once(tmp_path):
    results = []
    barrier = threading.Barrier(8)

    def start():
        barrier.wait()
        results.append(vapid.load_or_create(tmp_path))

    threads = [threading.Thread(target=start) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1
    path = tmp_path / "vapid.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["vapid.json"]  # no temporary file left
    assert json.loads(path.read_text())["public_key"] == results[0].public_key
    assert vapid.public_from_private(results[0].private_key) == results[0].public_key
    assert vapid.load_or_create(tmp_path) == results[0]  # and read back later


def test_keys_from_the_environment_win_and_must_belong_together(app, ctx):
    pair, other = vapid.generate(), vapid.generate()
    app.config.update(VAPID_PRIVATE_KEY=pair.private_key, VAPID_PUBLIC_KEY=other.public_key)
    app.extensions.pop("maatje_vapid", None)
    with pytest.raises(RuntimeError):
        vapid.keys()
    app.config.update(VAPID_PUBLIC_KEY="")
    assert vapid.keys() == pair  # the public key follows from the private one
