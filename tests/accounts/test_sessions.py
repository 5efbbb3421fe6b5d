"""The session cookie check is remembered per cookie, and still refuses what it must."""
import datetime as dt
import uuid

from flask import request, session

from tests.conftest import PASSWORD


def _cookie(client):
    return client.get_cookie("session").value


def test_a_tampered_cookie_is_not_a_login(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    assert client.get("/api/auth/me").status_code == 200
    good = _cookie(client)
    bad = good[:-2] + ("AA" if not good.endswith("AA") else "BB")  # same payload, broken signature
    client.set_cookie("session", bad)
    assert client.get("/api/auth/me").status_code == 401
    client.set_cookie("session", good)
    assert client.get("/api/auth/me").status_code == 200


def test_a_remembered_cookie_still_expires(app, auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    assert client.get("/api/auth/me").status_code == 200  # checked once: now remembered
    lifetime = app.permanent_session_lifetime
    try:
        app.permanent_session_lifetime = dt.timedelta(seconds=-1)
        assert client.get("/api/auth/me").status_code == 401
    finally:
        app.permanent_session_lifetime = lifetime
    assert client.get("/api/auth/me").status_code == 200


def test_a_change_to_one_request_session_does_not_leak_into_the_next(app, auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    cookie = _cookie(client)
    headers = {"Cookie": f"session={cookie}"}
    with app.test_request_context("/", headers=headers):
        app.session_interface.open_session(app, request)  # warm the cache
    with app.test_request_context("/", headers=headers):
        session["csrf"] = "changed in this request only"
    with app.test_request_context("/", headers=headers):
        assert session["csrf"] == auth.csrf


def test_other_sessions_revoked_by_a_password_change_cannot_pull(app, auth, client, make_user):
    """The pull confirms the session itself (no flask-login query): a stale generation is 401."""
    make_user(email="a@example.org")
    phone = app.test_client()
    phone_csrf = phone.post("/api/auth/login", json={"email": "a@example.org", "password": PASSWORD}).json["csrf_token"]
    body = {"client_id": str(uuid.uuid4()), "schema_version": 1}
    assert phone.post("/api/sync/pull", json=body, headers={"X-CSRF-Token": phone_csrf}).status_code == 200
    auth.login("a@example.org")
    auth.post("/api/auth/password", json={"current_password": PASSWORD, "new_password": "a-new-long-password"})
    response = phone.post("/api/sync/pull", json=body, headers={"X-CSRF-Token": phone_csrf})
    assert response.status_code == 401 and response.json["message"]
    assert auth.post("/api/sync/pull", json={**body, "client_id": str(uuid.uuid4())}).status_code == 200


def test_pull_needs_login_and_csrf(client, auth, make_user):
    make_user(email="a@example.org")
    body = {"client_id": str(uuid.uuid4()), "schema_version": 1}
    assert client.post("/api/sync/pull", json=body).status_code == 401  # not logged in
    auth.login("a@example.org")
    assert client.post("/api/sync/pull", json=body).status_code == 403  # logged in, no token
    assert auth.post("/api/sync/pull", json=body).status_code == 200
