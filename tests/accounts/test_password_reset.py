"""Password reset by e-mail: the link arrives by real SMTP, works once and for an hour, tells nobody
which addresses have an account."""
import datetime as dt
import re

import sqlalchemy as sa

from backend.accounts.models import AccountToken
from backend.db import utcnow
from backend.extensions import db as _db
from tests.conftest import PASSWORD

NEW_PASSWORD = "een-heel-nieuw-wachtwoord"
LINK = re.compile(r"https://maatje\.test/wachtwoord-herstellen#([A-Za-z0-9_-]+)")


def ask(client, email):
    return client.post("/api/auth/password-reset", json={"email": email})


def link_token(message) -> str:
    return LINK.search(message.get_body(("plain",)).get_content())[1]


def confirm(client, token, password=NEW_PASSWORD):
    return client.post("/api/auth/password-reset/confirm", json={"token": token, "password": password})


def login(client, email, password):
    return client.post("/api/auth/login", json={"login": email, "password": password})


def test_the_link_sets_a_new_password_ends_every_session_and_logs_in(app, client, make_user, smtp_inbox):
    make_user(email="sanne@example.org", name="Sanne")
    other_device = app.test_client()
    assert login(other_device, "sanne@example.org", PASSWORD).status_code == 200
    assert ask(client, "Sanne@Example.org ").status_code == 202
    [message] = smtp_inbox.to("sanne@example.org")
    assert message["Subject"] == "Kies een nieuw wachtwoord voor Maatje"
    assert message["Content-Language"] == "nl"
    assert "Hallo Sanne," in message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert 'dir="ltr"' in html and f'href="https://maatje.test/wachtwoord-herstellen#{link_token(message)}"' in html
    response = confirm(client, link_token(message))
    assert response.status_code == 200 and response.json["csrf_token"]
    assert client.get("/api/auth/me").json["user"]["email"] == "sanne@example.org"
    assert other_device.get("/api/auth/me").status_code == 401
    assert login(app.test_client(), "sanne@example.org", PASSWORD).status_code == 401
    assert login(app.test_client(), "sanne@example.org", NEW_PASSWORD).status_code == 200


def test_a_link_works_once(app, client, make_user, smtp_inbox):
    make_user(email="sanne@example.org")
    ask(client, "sanne@example.org")
    token = link_token(smtp_inbox.wait()[0])
    assert confirm(client, token).status_code == 200
    again = confirm(app.test_client(), token, "nog-een-ander-wachtwoord")
    assert again.status_code == 422 and list(again.json["errors"]) == ["token"]
    assert login(app.test_client(), "sanne@example.org", NEW_PASSWORD).status_code == 200


def test_a_link_works_for_one_hour(app, client, make_user, smtp_inbox):
    user = make_user(email="sanne@example.org")
    ask(client, "sanne@example.org")
    with app.app_context():
        token = _db.session.scalar(sa.select(AccountToken).where(AccountToken.user_id == user.id))
        assert token.kind == "reset"
        assert dt.timedelta(minutes=59) < token.expires_at - utcnow() <= dt.timedelta(hours=1)
        token.expires_at = utcnow() - dt.timedelta(seconds=1)
        _db.session.commit()
    expired = confirm(client, link_token(smtp_inbox.wait()[0]))
    assert expired.status_code == 422 and list(expired.json["errors"]) == ["token"]


def test_a_new_request_ends_the_older_link(app, client, make_user, smtp_inbox):
    make_user(email="sanne@example.org")
    ask(client, "sanne@example.org")
    first = link_token(smtp_inbox.wait()[0])
    ask(client, "sanne@example.org")
    second = link_token(smtp_inbox.wait()[1])
    assert first != second
    assert confirm(client, first).status_code == 422
    assert confirm(client, second).status_code == 200


def test_unknown_addresses_get_the_same_answer_and_no_mail(client, make_user, smtp_inbox):
    make_user(email="sanne@example.org")
    known, unknown = ask(client, "sanne@example.org"), ask(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 202
    assert known.get_data() == unknown.get_data()
    assert [m["To"] for m in smtp_inbox.wait()] == ["sanne@example.org"]


def test_requests_are_rate_limited_per_email(client, make_user, smtp_inbox):
    make_user(email="sanne@example.org")
    codes = [ask(client, "sanne@example.org").status_code for _ in range(4)]
    assert codes == [202, 202, 202, 429]  # TestConfig: 3 per hour per e-mail address
    assert len(smtp_inbox.wait()) == 3
    assert ask(client, "other@example.org").status_code == 202


def test_a_mail_server_that_is_down_does_not_undo_the_link(app, client, make_user, smtp_inbox):
    user = make_user(email="sanne@example.org")
    app.config["MAIL_PORT"] = 9  # nothing listens here (the fixture puts the real port back)
    assert ask(client, "sanne@example.org").status_code == 202
    with app.app_context():
        assert _db.session.scalar(sa.select(sa.func.count()).select_from(AccountToken)
                                  .where(AccountToken.user_id == user.id)) == 1


def test_the_mail_is_in_the_recipients_language(client, make_user, smtp_inbox):
    make_user(email="amal@example.org", locale="ar", name="أمل")
    ask(client, "amal@example.org")
    [message] = smtp_inbox.wait()
    assert message["Content-Language"] == "ar"
    html = message.get_body(("html",)).get_content()
    assert '<html lang="ar" dir="rtl">' in html
    assert "أمل" in message.get_body(("plain",)).get_content()
