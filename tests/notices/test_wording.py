"""A notice carries its catalog entry and values, so the phone words it in its current language;
its stored text is in the recipient's language, whoever's request left it."""
import pytest
import sqlalchemy as sa
from flask_babel import lazy_gettext, lazy_ngettext, lazy_pgettext

from backend.extensions import db
from backend.notices.models import Notice
from backend.notices.service import add_notice
from backend.sync import registry

UNKNOWN = "Deze wijziging kent de server niet."  # a rejection text every catalog translates


def notices_of(app, user):
    with app.app_context():
        return db.session.scalars(sa.select(Notice).where(Notice.user_id == user.id)).all()


def test_a_rejected_change_leaves_a_notice_with_its_msgid_and_the_text_in_the_users_language(app, device, amal):
    result = device.push(device.mutation("nothing.here")).json["results"][0]
    assert result["status"] == "rejected" and result["message"] == UNKNOWN  # the request is Dutch
    device.pull()
    (row,) = device.entities("notice").values()
    assert (row["msgid"], row["msgid_plural"], row["params"]) == (UNKNOWN, None, None)
    assert row["message"] == UNKNOWN

    assert device.auth.patch("/api/auth/me", json={"locale": "en"}).status_code == 200
    device.push(device.mutation("nothing.here"))
    device.pull()
    newest = [n for n in device.entities("notice").values() if n["message"] != UNKNOWN]
    assert [n["message"] for n in newest] == ["The server does not know this change."]
    assert newest[0]["msgid"] == UNKNOWN


def test_a_service_rejection_keeps_its_own_text(app, device, amal):
    """Rejected(code, _l("...")) of a feature: the notice words that text, not a text per code."""
    own = "Je hebt geen toegang meer tot deze gegevens."

    def refuse(user, args):
        raise registry.Rejected("conflict", lazy_gettext(own))

    import marshmallow as ma

    registry.mutation("test.refuse", ma.Schema())(refuse)
    try:
        device.push(device.mutation("test.refuse"))
    finally:
        del registry.MUTATIONS["test.refuse"]
    device.pull()
    (row,) = device.entities("notice").values()
    assert (row["code"], row["msgid"], row["message"]) == ("conflict", own, own)


def test_the_text_is_in_the_recipients_language_not_the_requesters(app, make_user):
    """Matching and reminders will leave notices for other users than the one asking."""
    requester = make_user("coordinator", locale="nl")
    recipient = make_user("buddy", locale="en")
    with app.test_request_context("/?lang=nl"):
        from flask_login import login_user

        login_user(db.session.get(type(requester), requester.id))
        add_notice(recipient.id, "alert", "unknown_mutation", lazy_gettext(UNKNOWN))
        add_notice(requester.id, "alert", "unknown_mutation", lazy_gettext(UNKNOWN))
        db.session.commit()
    assert [n.message for n in notices_of(app, recipient)] == ["The server does not know this change."]
    assert [n.message for n in notices_of(app, requester)] == [UNKNOWN]


def test_a_recipient_without_a_saved_language_gets_the_requests(app, make_user):
    recipient = make_user("buddy")
    with app.test_request_context("/?lang=en"):
        add_notice(recipient.id, "alert", "unknown_mutation", lazy_gettext(UNKNOWN))
        db.session.commit()
    with app.app_context():  # no request at all (a command, a scheduled job): the source language
        add_notice(recipient.id, "alert", "unknown_mutation", lazy_gettext(UNKNOWN))
        db.session.commit()
    assert sorted(n.message for n in notices_of(app, recipient)) == [UNKNOWN, "The server does not know this change."]


def test_a_counted_text_keeps_both_forms_and_its_values(app, make_user):
    user = make_user("buddy", locale="nl")
    with app.app_context():
        add_notice(user.id, "reminder", "test", lazy_ngettext("Nog %(n)d dag voor %(name)s", "Nog %(n)d dagen voor %(name)s",
                                                            3, n=3, name="Amal"))
        db.session.commit()
    (notice,) = notices_of(app, user)
    assert (notice.msgid, notice.msgid_plural) == ("Nog %(n)d dag voor %(name)s", "Nog %(n)d dagen voor %(name)s")
    assert notice.params == {"n": 3, "name": "Amal", "num": 3}  # num: the count that picks the form
    assert notice.message == "Nog 3 dagen voor Amal"


def test_a_text_with_a_context_is_keyed_as_gettext_keys_it(app, make_user):
    user = make_user("buddy")
    with app.app_context():
        add_notice(user.id, "alert", "test", lazy_pgettext("melding", "Nieuw"))
        db.session.commit()
    (notice,) = notices_of(app, user)
    assert notice.msgid == "melding\x04Nieuw" and notice.message == "Nieuw"


def test_an_eager_text_is_shown_as_it_is(app, make_user):
    user = make_user("buddy")
    with app.app_context():
        add_notice(user.id, "alert", "test", "Een vaste tekst.")
        db.session.commit()
    (notice,) = notices_of(app, user)
    assert (notice.msgid, notice.params, notice.message) == (None, None, "Een vaste tekst.")


@pytest.mark.parametrize("value", [["a"], {"a": 1}, None, True, float("nan"), object()])
def test_params_that_are_not_json_numbers_or_strings_are_refused_when_the_notice_is_added(app, make_user, value):
    user = make_user("buddy")
    with app.app_context():
        with pytest.raises(ValueError, match="notice param 'what' must be a number or a string"):
            add_notice(user.id, "alert", "test", lazy_gettext("Over %(what)s", what=value))
        db.session.rollback()
    assert notices_of(app, user) == []


def test_a_rejection_whose_values_a_notice_cannot_carry_still_leaves_its_text(app, device, amal):
    """A bug in a feature's rejection must not hold up the phone's queue: the notice keeps its text."""
    import marshmallow as ma

    def refuse(user, args):
        raise registry.Rejected("conflict", lazy_gettext("Botst met %(what)s.", what=["a", "b"]))

    registry.mutation("test.refuse", ma.Schema())(refuse)
    try:
        result = device.push(device.mutation("test.refuse")).json["results"][0]
    finally:
        del registry.MUTATIONS["test.refuse"]
    assert result["status"] == "rejected" and result["message"] == "Botst met ['a', 'b']."
    device.pull()
    (row,) = device.entities("notice").values()
    assert (row["msgid"], row["params"], row["message"]) == (None, None, "Botst met ['a', 'b'].")


def test_a_translated_word_inside_the_message_is_stored_in_the_recipients_language(app, make_user, caplog):
    """A message whose values are themselves translated words (a catalogue label, say) keeps them
    as text in the recipient's language, and is not refused."""
    from flask_babel import force_locale, lazy_gettext

    from backend.catalogues.catalogue import DOMAINS

    user = make_user("newcomer", locale="en")
    message = lazy_gettext("%(name)s had deze afspraak al afgezegd.", name=DOMAINS["werk"])
    with app.app_context():
        add_notice(user.id, "rejected", "conflict", message)
        db.session.commit()
        with force_locale("en"):
            expected = {"name": str(DOMAINS["werk"])}
    (notice,) = notices_of(app, user)
    assert notice.msgid == "%(name)s had deze afspraak al afgezegd."
    assert notice.params == expected and expected["name"] != "Werk"  # English, not Dutch
    assert "ERROR" not in caplog.text
