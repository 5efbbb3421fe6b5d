"""Accounts made at intake: username login, activation codes from a coordinator, re-issue."""
import datetime as dt

import pytest
import sqlalchemy as sa

from backend.accounts import service, tokens
from backend.accounts.models import AccountToken, User
from backend.db import utcnow
from backend.errors import ValidationError
from backend.extensions import db as _db
from backend.orgs.service import get_by_code
from tests.conftest import PASSWORD, AuthActions

NEW_PASSWORD = "mijn-eigen-wachtwoord"
INVALID = "Deze code klopt niet, is al gebruikt of is verlopen. Vraag je coördinator om een nieuwe code."


@pytest.fixture
def pending(app):
    """Return a factory: pending(username, org) -> (user id, code): an intake account and its first code."""
    def _pending(username="amal.h", org="GM0344", locale="ar", email=None):
        with app.app_context():
            user = service.create_pending_user("Amal", username, ["newcomer"], get_by_code(org), locale, email=email)
            code = tokens.issue_activation_code(user, None)
            _db.session.commit()
            return user.id, code
    return _pending


def activate(client, code, password=NEW_PASSWORD, **extra):
    return client.post("/api/auth/activate", json={"code": code, "password": password, **extra})


def login(client, name, password=NEW_PASSWORD):
    return client.post("/api/auth/login", json={"login": name, "password": password})


def test_codes_are_easy_to_read_aloud(app, pending):
    _, code = pending()
    assert len(code) == 12 and code[4] == code[9] == "-"
    assert set(code.replace("-", "")) <= set(tokens.ALPHABET)
    assert not set("0O1IL") & set(tokens.ALPHABET)


def test_a_pending_account_cannot_log_in_and_says_so_like_a_wrong_password(client, pending, make_user):
    pending("amal.h")
    make_user(email="sanne@example.org")
    never_activated = login(client, "amal.h", "")
    empty = client.post("/api/auth/login", json={"login": "amal.h", "password": "x"})
    unknown = login(client, "nobody.here")
    wrong = login(client, "sanne@example.org", "wrong-password")
    assert never_activated.status_code == 422  # an empty password is no attempt
    assert {empty.status_code, unknown.status_code, wrong.status_code} == {401}
    assert empty.json["message"] == unknown.json["message"] == wrong.json["message"]


def test_activation_sets_the_password_and_the_language_and_logs_in(client, pending):
    user_id, code = pending(locale=None)
    response = activate(client, code, locale="ar")
    assert response.status_code == 200
    assert response.json["user"]["id"] == str(user_id)
    assert response.json["user"]["username"] == "amal.h" and response.json["user"]["locale"] == "ar"
    assert response.json["csrf_token"]
    assert client.get("/api/auth/me").status_code == 200
    other = client.application.test_client()
    assert login(other, "AMAL.H").status_code == 200  # usernames match in any case


def test_a_code_is_tolerant_of_case_spaces_and_dashes(client, pending):
    _, code = pending()
    typed = " " + code.replace("-", " ").lower() + " "
    assert activate(client, typed).status_code == 200


def test_a_code_works_once(app, client, pending):
    _, code = pending()
    assert activate(client, code).status_code == 200
    again = activate(app.test_client(), code, password="nog-een-ander-wachtwoord")
    assert again.status_code == 422
    assert again.json["errors"] == {"code": [INVALID]}
    assert login(app.test_client(), "amal.h").status_code == 200  # the first password stands


def test_a_code_expires_after_14_days(app, client, pending):
    user_id, code = pending()
    with app.app_context():
        token = _db.session.scalar(sa.select(AccountToken).where(AccountToken.user_id == user_id))
        assert dt.timedelta(days=13, hours=23) < token.expires_at - utcnow() <= dt.timedelta(days=14)
        token.expires_at = utcnow() - dt.timedelta(seconds=1)
        _db.session.commit()
    response = activate(client, code)
    assert response.status_code == 422 and response.json["errors"] == {"code": [INVALID]}


def test_unknown_codes_get_the_same_message(client, pending):
    pending()
    response = activate(client, "AAAA-BBBB-CC")
    assert response.status_code == 422
    assert response.json["message"] == INVALID and response.json["errors"] == {"code": [INVALID]}


def test_the_password_rules_apply_and_the_code_stays_usable(client, pending):
    _, code = pending()
    weak = activate(client, code, password="kort")
    assert weak.status_code == 422 and "password" in weak.json["errors"]
    assert activate(client, code).status_code == 200


def test_failed_codes_are_rate_limited_per_address(client, pending):
    _, code = pending()
    codes = [activate(client, f"AAAA-BBBB-C{c}").status_code for c in "23456"]
    assert codes == [422] * 5
    assert activate(client, code).status_code == 429  # even the right code waits now


@pytest.fixture
def coordinator(auth, make_user):
    make_user("coordinator", email="coord@example.org", org="GM0344")
    auth.login("coord@example.org")
    return auth


def test_a_coordinator_gets_a_code_link_and_qr_code(app, coordinator, pending):
    user_id, first = pending()
    response = coordinator.post(f"/api/accounts/{user_id}/activation-code")
    assert response.status_code == 201
    body = response.json
    assert body["code"] != first and len(body["code"]) == 12
    assert body["url"] == f"http://localhost/activeren?lang=ar#{body['code']}"  # opens in the newcomer's language
    assert body["qr_svg"].startswith("<svg") and "</svg>" in body["qr_svg"]
    assert dt.datetime.fromisoformat(body["expires_at"]) > dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=13)
    app.config["PUBLIC_URL"] = "https://maatje.example.nl/"
    try:
        again = coordinator.post(f"/api/accounts/{user_id}/activation-code").json
    finally:
        app.config["PUBLIC_URL"] = ""
    assert again["url"] == f"https://maatje.example.nl/activeren?lang=ar#{again['code']}"
    client = app.test_client()
    assert activate(client, first).status_code == 422  # the older codes ended
    assert activate(client, body["code"]).status_code == 422
    assert activate(client, again["code"]).status_code == 200


def test_a_reissued_code_ends_every_session_of_the_user(app, coordinator, pending):
    user_id, code = pending()
    phone, laptop = app.test_client(), app.test_client()
    assert activate(phone, code).status_code == 200
    assert login(laptop, "amal.h").status_code == 200
    new_code = coordinator.post(f"/api/accounts/{user_id}/activation-code").json["code"]
    assert phone.get("/api/auth/me").status_code == 401
    assert laptop.get("/api/auth/me").status_code == 401
    assert login(laptop, "amal.h").status_code == 200  # the password stays until the new code is used
    assert activate(phone, new_code, password="weer-een-nieuw-wachtwoord").status_code == 200
    assert laptop.get("/api/auth/me").status_code == 401  # using the code ends the other sessions
    assert login(app.test_client(), "amal.h").status_code == 401


@pytest.mark.parametrize("org", ["GM0363", "PV26", "NL"])  # another branch, a province, the nation
def test_a_coordinator_elsewhere_gets_404(app, client, make_user, pending, org):
    user_id, code = pending(org="GM0344")
    make_user("coordinator", email="elsewhere@example.org", org=org)
    other = AuthActions(client)
    other.login("elsewhere@example.org")
    response = other.post(f"/api/accounts/{user_id}/activation-code")
    assert response.status_code == 404
    assert activate(app.test_client(), code).status_code == 200  # the code still works


def test_no_codes_for_coordinators_or_unknown_ids(coordinator, make_user):
    colleague = make_user("coordinator", email="colleague@example.org", org="GM0344")
    assert coordinator.post(f"/api/accounts/{colleague.id}/activation-code").status_code == 404
    assert coordinator.post("/api/accounts/00000000-0000-4000-8000-000000000000/activation-code").status_code == 404


def test_a_newcomer_cannot_make_codes(auth, make_user, pending):
    user_id, _ = pending()
    make_user("newcomer", email="nc@example.org")
    auth.login("nc@example.org")
    assert auth.post(f"/api/accounts/{user_id}/activation-code").status_code == 403


def test_usernames_are_checked_and_unique(app, pending):
    pending("amal.h")
    with app.test_request_context():
        check_usernames()


def check_usernames():
    org = get_by_code("GM0344")
    for bad in ("ab", "a" * 41, "amal_h", "amal h", "émile"):
        with pytest.raises(ValidationError) as err:
            service.create_pending_user("X", bad, ["newcomer"], org, "nl")
        assert "username" in err.value.errors
        _db.session.rollback()
    with pytest.raises(ValidationError) as err:
        service.create_pending_user("Other Amal", "Amal.H", ["newcomer"], org, "nl")
    assert [str(m) for m in err.value.errors["username"]] == ["Deze gebruikersnaam is al in gebruik."]
    _db.session.rollback()
    user = service.create_pending_user("Yonas", " Yonas-T.2 ", ["newcomer"], org, "ti")
    assert user.username == "yonas-t.2" and user.password_hash == "" and user.email is None


def test_login_by_email_still_accepts_the_old_field(client, make_user):
    make_user(email="sanne@example.org")
    assert client.post("/api/auth/login", json={"email": "sanne@example.org", "password": PASSWORD}).status_code == 200


def test_login_limit_is_per_account_whichever_name_is_used(app, client, pending):
    _, code = pending("amal.h", email="amal@example.org")
    activate(client, code)
    names = ["amal.h", "amal@example.org"] * 3
    codes = [login(app.test_client(), name, "wrong-password").status_code for name in names]
    # TestConfig: 5 failures per minute per account; the two names share them.
    assert codes == [401] * 5 + [429]
    with app.app_context():
        assert _db.session.scalar(sa.select(User.username).where(User.email == "amal@example.org")) == "amal.h"


def test_activating_on_a_phone_someone_else_was_logged_in_on_ends_their_session(app, client, make_user, pending):
    from backend.accounts.models import UserSession

    sanne = make_user("buddy", email="sanne@example.org")
    assert client.post("/api/auth/login", json={"login": "sanne@example.org", "password": PASSWORD}).status_code == 200
    user_id, code = pending()
    assert activate(client, code).json["user"]["id"] == str(user_id)
    assert client.get("/api/auth/me").json["user"]["id"] == str(user_id)
    with app.app_context():
        assert _db.session.scalar(sa.select(sa.func.count()).select_from(UserSession)
                                  .where(UserSession.user_id == sanne.id)) == 0
