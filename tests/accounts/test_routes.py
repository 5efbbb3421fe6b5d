"""Login, logout, me, profile, password, CSRF and rate limits through the HTTP API."""
import pytest

from tests.conftest import PASSWORD


def test_login_returns_user_and_csrf_token(auth, make_user):
    user = make_user("buddy", email="sanne@example.org")
    response = auth.login("Sanne@Example.org ")
    assert response.status_code == 200
    assert response.json["user"]["id"] == str(user.id)
    assert response.json["user"]["roles"] == ["buddy"]
    assert response.json["user"]["organisation"]["code"] == "GM0344"
    assert len(response.json["csrf_token"]) > 20
    assert "password" not in response.json["user"] and "password_hash" not in response.json["user"]


def test_session_cookie_is_httponly_and_lax(auth, make_user):
    make_user(email="a@example.org")
    response = auth.login("a@example.org")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


@pytest.mark.parametrize("email, password", [("a@example.org", "wrong-password"), ("nobody@example.org", PASSWORD)])
def test_wrong_credentials_get_one_401_message(auth, make_user, email, password):
    make_user(email="a@example.org")
    response = auth.login(email, password)
    assert response.status_code == 401
    assert response.json["status"] == "Unauthorized"
    assert response.json["message"] == "Dit e-mailadres of deze gebruikersnaam en dit wachtwoord horen niet bij elkaar."


def test_me_requires_login(client):
    response = client.get("/api/auth/me")
    assert response.status_code == 401
    assert response.json["code"] == 401 and response.json["message"]


def test_me_then_logout_ends_the_session(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    assert client.get("/api/auth/me").status_code == 200
    assert auth.logout().status_code == 204
    assert client.get("/api/auth/me").status_code == 401


def test_unsafe_request_without_csrf_token_is_forbidden(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    assert client.post("/api/auth/logout").status_code == 403
    assert client.post("/api/auth/logout", headers={"X-CSRF-Token": "forged"}).status_code == 403
    assert client.patch("/api/auth/me", json={"locale": "en"}).status_code == 403
    assert client.get("/api/auth/me").status_code == 200  # still logged in: nothing happened


def test_login_is_rate_limited(auth, make_user):
    make_user(email="a@example.org")
    codes = [auth.login("a@example.org", "wrong-password").status_code for _ in range(6)]
    assert codes[:5] == [401] * 5
    assert codes[5] == 429
    # Even the right password waits now: guessing cannot continue by luck.
    response = auth.login("a@example.org")
    assert response.status_code == 429
    assert response.json["message"] == "Te veel pogingen. Wacht even en probeer het opnieuw."


def test_locale_choice_is_saved_and_used(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    response = auth.patch("/api/auth/me", json={"locale": "en"})
    assert response.status_code == 200 and response.json["user"]["locale"] == "en"
    # The saved choice wins over the browser's Accept-Language.
    response = client.get("/api/nothing-here", headers={"Accept-Language": "nl"})
    assert response.status_code == 404 and response.json["message"] == "Not found."


def test_unknown_locale_is_refused(auth, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    response = auth.patch("/api/auth/me", json={"locale": "xx"})
    assert response.status_code == 422
    assert response.json["errors"] == {"locale": ["Deze taal bieden we (nog) niet aan."]}


def test_password_change_logs_out_other_sessions(app, auth, client, make_user):
    make_user(email="a@example.org")
    other = app.test_client()
    other.post("/api/auth/login", json={"email": "a@example.org", "password": PASSWORD})
    auth.login("a@example.org")
    response = auth.post("/api/auth/password", json={"current_password": PASSWORD, "new_password": "a-new-long-password"})
    assert response.status_code == 200
    assert client.get("/api/auth/me").status_code == 200  # this session goes on
    assert other.get("/api/auth/me").status_code == 401  # the other is revoked
    assert auth.login("a@example.org", "a-new-long-password").status_code == 200


@pytest.mark.parametrize("new_password, fragment", [("short", "minstens 10"), ("wachtwoord1", "te makkelijk")])
def test_weak_passwords_are_refused(auth, make_user, new_password, fragment):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    response = auth.post("/api/auth/password", json={"current_password": PASSWORD, "new_password": new_password})
    assert response.status_code == 422
    assert fragment in response.json["errors"]["new_password"][0]


def test_password_change_needs_the_current_password(auth, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    response = auth.post("/api/auth/password", json={"current_password": "nope", "new_password": "another-long-one"})
    assert response.status_code == 422 and "current_password" in response.json["errors"]
    assert auth.login("a@example.org").status_code == 200  # the old password still works


def test_me_only_ever_shows_the_own_account(auth, client, make_user):
    make_user(email="a@example.org")
    other = make_user(email="b@example.org")
    auth.login("a@example.org")
    assert client.get("/api/auth/me").json["user"]["email"] == "a@example.org"
    # There is no route that takes another user's id; guessing one finds nothing.
    assert client.get(f"/api/auth/users/{other.id}").status_code == 404


def test_behind_a_proxy_each_client_has_its_own_login_limit(app, make_user):
    from backend import create_app
    from backend.config import TestConfig
    from backend.extensions import db

    class ProxiedConfig(TestConfig):
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]
        TRUSTED_PROXIES = 1

    make_user(email="a@example.org")
    proxied = create_app(ProxiedConfig)
    try:
        client = proxied.test_client()
        for i in range(5):
            client.post("/api/auth/login", json={"email": f"x{i}@example.org", "password": "wrong-one"},
                        headers={"X-Forwarded-For": "203.0.113.7"})
        blocked = client.post("/api/auth/login", json={"email": "a@example.org", "password": PASSWORD},
                              headers={"X-Forwarded-For": "203.0.113.7"})
        other = client.post("/api/auth/login", json={"email": "a@example.org", "password": PASSWORD},
                            headers={"X-Forwarded-For": "198.51.100.9"})
        assert (blocked.status_code, other.status_code) == (429, 200)
    finally:
        with proxied.app_context():
            db.engine.dispose()
