"""The mails other features send (buddy sign-up, a new buddy waiting): over real SMTP, each in
its recipient's language, text and escaped HTML."""
from backend import mail
from backend.accounts.models import User
from backend.extensions import db as _db


def load(user):
    return _db.session.get(User, user.id)


def test_the_signup_confirmation_names_the_branch_and_the_next_steps(app, make_user, smtp_inbox):
    buddy = make_user("buddy", email="sanne@example.org", name="Sanne", org="GM0344")
    with app.test_request_context():
        assert mail.send_signup_confirmation(load(buddy))
    [message] = smtp_inbox.to("sanne@example.org")
    assert message["Subject"] == "We hebben je aanmelding als maatje ontvangen"
    assert message["Content-Language"] == "nl"
    text = message.get_body(("plain",)).get_content()
    assert "Hallo Sanne," in text and "Bedankt voor je aanmelding als maatje bij Utrecht." in text
    assert "https://maatje.test/" in text
    assert 'dir="ltr"' in message.get_body(("html",)).get_content()


def test_coordinators_hear_of_a_new_buddy_each_in_their_language(app, make_user, smtp_inbox):
    buddy = make_user("buddy", email="b@example.org", name="<b>Bram</b> & co", org="GM0344")
    dutch = make_user("coordinator", email="c1@example.org", name="Carla", org="GM0344")
    farsi = make_user("coordinator", email="c2@example.org", name="Dariush", org="GM0344", locale="fa")
    with app.app_context():
        assert mail.send_new_buddy_waiting(load(buddy), [load(dutch), load(farsi)]) == 2
    [nl] = smtp_inbox.to("c1@example.org")
    [fa] = smtp_inbox.to("c2@example.org")
    assert nl["Content-Language"] == "nl" and fa["Content-Language"] == "fa"
    assert "<b>Bram</b> & co heeft zich aangemeld als maatje bij Utrecht" in nl.get_body(("plain",)).get_content()
    html = nl.get_body(("html",)).get_content()
    assert "&lt;b&gt;Bram&lt;/b&gt; &amp; co" in html and "<b>Bram" not in html  # escaped
    assert '<html lang="fa" dir="rtl">' in fa.get_body(("html",)).get_content()


def test_coordinators_without_email_are_skipped(app, make_user, smtp_inbox):
    buddy = make_user("buddy", email="b@example.org", org="GM0344")
    with app.app_context():
        assert mail.send_new_buddy_waiting(load(buddy), []) == 0
    assert smtp_inbox.messages == []


def test_a_refusing_server_is_logged_not_raised(app, make_user, smtp_inbox, caplog):
    """Sign-up mails go after the answer: a server that refuses is logged there, and nothing is raised."""
    buddy = make_user("buddy", email="b@example.org", org="GM0344")
    app.config["MAIL_PORT"] = 9  # nothing listens here (the fixture puts the real port back)
    with app.app_context():
        assert mail.send_signup_confirmation(load(buddy)) is True  # handed over to be sent
        mail.wait_sent()
    assert "mail to an address at example.org failed" in caplog.text
    assert smtp_inbox.messages == []


def _app(app, **settings):
    """A non-test app on the same database (create_app's own checks apply), with these settings."""
    from backend import create_app
    from backend.config import TestConfig

    config = type("Config", (TestConfig,), {"TESTING": False, "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                                            **settings})
    return create_app(config)


def test_a_mail_server_without_public_url_does_not_start(app):
    """Links in mails would take the request's Host header, which a sender of a reset request chooses."""
    import pytest

    with pytest.raises(RuntimeError, match="PUBLIC_URL"):
        _app(app, MAIL_SERVER="smtp.example.org", PUBLIC_URL="")
    _app(app, MAIL_SERVER="smtp.example.org", PUBLIC_URL="https://maatje.example.nl")  # with it, it starts


def test_without_a_mail_server_a_production_log_gets_no_link(app, caplog):
    """A reset link is as good as the account: without MAIL_SERVER only `make run` logs whole mails."""
    quiet = _app(app, MAIL_SERVER="", MAIL_LOG_BODY=False)
    with quiet.app_context(), caplog.at_level("INFO"):
        mail.send("a@example.org", "Wachtwoord herstellen", "https://maatje.test/wachtwoord-herstellen#geheim")
    assert "geheim" not in caplog.text and "example.org" in caplog.text
    caplog.clear()
    loud = _app(app, MAIL_SERVER="", MAIL_LOG_BODY=True)
    with loud.app_context(), caplog.at_level("INFO"):
        mail.send("a@example.org", "Wachtwoord herstellen", "https://maatje.test/wachtwoord-herstellen#geheim")
    assert "geheim" in caplog.text
    for each in (quiet, loud):
        with each.app_context():
            _db.engine.dispose()
