"""Bad input of every kind gets a 4xx in the one error shape, translated, and writes nothing."""
import pytest
import sqlalchemy as sa

from backend.accounts.models import User

SHAPE = {"code", "status", "message"}


def assert_error_shape(response, code):
    assert response.status_code == code
    assert response.is_json
    body = response.json
    assert SHAPE <= set(body) <= SHAPE | {"errors", "errors_omitted"}
    assert body["code"] == code and isinstance(body["message"], str) and body["message"]
    return body


@pytest.fixture
def logged_in(auth, make_user):
    make_user(email="a@example.org", name="Original")
    auth.login("a@example.org")
    return auth


def test_malformed_json_is_400(client):
    response = client.post("/api/auth/login", data="{not json", content_type="application/json")
    body = assert_error_shape(response, 400)
    assert body["message"] == "De JSON is niet geldig."


def test_wrong_content_type_is_415(client):
    response = client.post("/api/auth/login", data="email=a&password=b", content_type="application/x-www-form-urlencoded")
    assert_error_shape(response, 415)


def test_missing_fields_are_422_per_field(client):
    body = assert_error_shape(client.post("/api/auth/login", json={}), 422)
    assert body["errors"] == {"login": ["Dit veld is verplicht."], "password": ["Dit veld is verplicht."]}


def test_unknown_fields_are_422(client):
    body = assert_error_shape(client.post("/api/auth/login", json={"email": "a@b.nl", "password": "x", "admin": True}), 422)
    assert body["errors"] == {"admin": ["Dit veld kennen we niet."]}


def test_wrong_types_are_422(client):
    body = assert_error_shape(client.post("/api/auth/login", json={"login": 12, "password": ["x"]}), 422)
    assert set(body["errors"]) == {"login", "password"}


def test_json_that_is_not_an_object_is_422(client):
    assert_error_shape(client.post("/api/auth/login", json=["a", "b"]), 422)


def test_huge_body_is_413(client):
    response = client.post("/api/auth/login", data='{"email": "' + "a" * (2 * 1024 * 1024) + '"}',
                           content_type="application/json")
    assert_error_shape(response, 413)


def test_unknown_route_is_404_json(client):
    assert_error_shape(client.get("/api/does-not-exist"), 404)


def test_wrong_method_is_405_json(client):
    assert_error_shape(client.get("/api/auth/login"), 405)


@pytest.mark.parametrize("payload", [
    {"display_name": ""},
    {"display_name": "x" * 81},
    {"availability": [{"day": 7, "start": "09:00", "end": "10:00"}]},
    {"availability": [{"day": 1, "start": "10:00", "end": "09:00"}]},
    {"availability": [{"day": 1, "start": "9 uur", "end": "10:00"}]},
    {"display_name": "New", "locale": "klingon"},
])
def test_invalid_profile_update_writes_nothing(app, logged_in, payload):
    body = assert_error_shape(logged_in.patch("/api/auth/me", json=payload), 422)
    assert body["errors"]
    with app.app_context():
        from backend.extensions import db

        user = db.session.scalar(sa.select(User).where(User.email == "a@example.org"))
        assert user.display_name == "Original" and user.availability == []


def test_error_message_follows_accept_language(client):
    response = client.post("/api/auth/login", json={}, headers={"Accept-Language": "ar,en;q=0.5"})
    body = assert_error_shape(response, 422)
    assert body["message"] == "بعض الحقول غير صحيحة."
    assert body["errors"]["login"] == ["هذا الحقل مطلوب."]


def test_lang_query_parameter_beats_accept_language(client):
    response = client.get("/api/nope?lang=en", headers={"Accept-Language": "ar"})
    assert assert_error_shape(response, 404)["message"] == "Not found."


def test_default_language_is_dutch(client):
    response = client.get("/api/nope", headers={"Accept-Language": "ja"})
    assert assert_error_shape(response, 404)["message"] == "Niet gevonden."


def test_unexpected_error_is_a_translated_500_without_details(logged_in, client, monkeypatch):
    from backend.orgs import service

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(service, "get_by_code", boom)
    response = client.get("/api/orgs/GM0344")
    body = assert_error_shape(response, 500)
    assert "secret" not in response.get_data(as_text=True)
    assert body["message"] == "Er ging iets mis aan onze kant. Probeer het later opnieuw."
