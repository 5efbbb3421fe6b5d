"""Guessing the current password is slowed down like guessing a login, more after each round."""
import time

import pytest

from tests.conftest import PASSWORD


class Clock:
    """A clock for the rate-limit storage: tests move it instead of sleeping."""

    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    import flask_limiter._extension
    import limits.storage.memory

    fake = Clock()
    monkeypatch.setattr(limits.storage.memory, "time", fake)
    monkeypatch.setattr(flask_limiter._extension, "time", fake)
    return fake


def _change(auth, current, new="a-new-long-password"):
    return auth.post("/api/auth/password", json={"current_password": current, "new_password": new})


def test_wrong_current_passwords_get_a_growing_wait(app, auth, make_user, clock):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    assert app.config["PASSWORD_RATE_LIMIT"] == "3 per minute;5 per hour"
    assert [_change(auth, "wrong-guess").status_code for _ in range(3)] == [422] * 3
    blocked = _change(auth, "wrong-guess")
    assert blocked.status_code == 429 and blocked.json["code"] == 429 and blocked.json["message"]
    first_wait = int(blocked.headers["Retry-After"])
    assert 0 < first_wait <= 60
    assert _change(auth, PASSWORD).status_code == 429  # even the right one waits
    clock.now += 61
    assert [_change(auth, "wrong-guess").status_code for _ in range(2)] == [422] * 2
    blocked = _change(auth, "wrong-guess")
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 60  # the second round waits longer
    clock.now += 3601
    assert _change(auth, PASSWORD).status_code == 200


def test_successes_and_weak_new_passwords_are_not_counted(auth, make_user, clock):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    password = PASSWORD
    for i in range(4):
        assert _change(auth, password, "short").status_code == 422  # the current one was right
        new = f"another-long-password-{i}"
        response = _change(auth, password, new)
        assert response.status_code == 200
        auth.csrf, password = response.json["csrf_token"], new


def test_the_limit_follows_the_user_across_addresses(app, auth, client, make_user, clock):
    from tests.conftest import AuthActions

    make_user(email="a@example.org")
    make_user(email="b@example.org")
    auth.login("a@example.org")
    for _ in range(3):
        _change(auth, "wrong-guess")
    assert _change(auth, "wrong-guess").status_code == 429
    client.environ_base["REMOTE_ADDR"] = "198.51.100.9"  # the same session from another network
    assert _change(auth, PASSWORD).status_code == 429
    other = AuthActions(app.test_client())
    other._client.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    other.login("b@example.org")
    assert _change(other, PASSWORD).status_code == 200


def test_failed_logins_wait_longer_each_round(app, auth, make_user, clock):
    make_user(email="a@example.org")
    assert app.config["LOGIN_RATE_LIMIT"] == "5 per minute;8 per hour"
    assert [auth.login("a@example.org", "wrong-one").status_code for _ in range(5)] == [401] * 5
    assert auth.login("a@example.org", "wrong-one").status_code == 429
    clock.now += 61
    assert [auth.login("a@example.org", "wrong-one").status_code for _ in range(3)] == [401] * 3
    blocked = auth.login("a@example.org")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 60


def test_successful_logins_are_not_counted(auth, make_user, clock):
    make_user(email="a@example.org")
    assert all(auth.login("a@example.org").status_code == 200 for _ in range(8))
