"""The CSRF token belongs to the session: new at each login, per user, renewed by a password change."""
import uuid

from tests.conftest import PASSWORD


def _pull(client, token):
    return client.post("/api/sync/pull", json={"client_id": str(uuid.uuid4()), "schema_version": 1},
                       headers={"X-CSRF-Token": token})


def test_each_login_gets_a_new_token(auth, client, make_user):
    make_user(email="a@example.org")
    first = auth.login("a@example.org").json["csrf_token"]
    assert auth.logout().status_code == 204
    second = auth.login("a@example.org").json["csrf_token"]
    assert second != first
    assert _pull(client, first).status_code == 403  # the old session's token is not this one's
    assert _pull(client, second).status_code == 200
    assert client.get("/api/auth/me").json["csrf_token"] == second


def test_another_user_in_the_same_browser_gets_another_token(auth, client, make_user):
    make_user(email="a@example.org")
    make_user(email="b@example.org")
    token_a = auth.login("a@example.org").json["csrf_token"]
    token_b = auth.login("b@example.org").json["csrf_token"]  # B logs in over A's session
    assert token_a != token_b
    assert _pull(client, token_a).status_code == 403
    assert client.get("/api/auth/me").json["user"]["email"] == "b@example.org"


def test_a_password_change_gives_a_new_token(auth, client, make_user):
    make_user(email="a@example.org")
    old = auth.login("a@example.org").json["csrf_token"]
    new = auth.post("/api/auth/password", json={"current_password": PASSWORD,
                                                "new_password": "a-new-long-password"}).json["csrf_token"]
    assert new != old
    assert client.get("/api/auth/me").json["csrf_token"] == new
    assert _pull(client, old).status_code == 403 and _pull(client, new).status_code == 200


def test_a_token_with_non_ascii_characters_is_403_not_500(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    for token in ("é" * 43, "\u00ff\u00fe", auth.csrf[:-1] + "é"):
        response = client.post("/api/auth/logout", headers={"X-CSRF-Token": token})
        assert response.status_code == 403
        assert response.json["code"] == 403 and response.json["message"]
    # Raw bytes as a client sends them (latin-1 in the WSGI environ): still the error shape.
    response = client.post("/api/auth/logout", environ_base={"HTTP_X_CSRF_TOKEN": "\xc3\xa9\xff"})
    assert response.status_code == 403 and response.json["code"] == 403
    assert client.get("/api/auth/me").status_code == 200  # nothing happened
