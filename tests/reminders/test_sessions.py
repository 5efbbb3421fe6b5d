"""A push subscription belongs to the login (session) on the device that made it: when that
login ends, however it ends, the phone gets no more reminders; and a push claimed for one user is
not sent once the browser was subscribed by someone else.

These tests hold no application context across requests (no `ctx`): flask-login keeps the
request's user in `g`, which would then be shared by the two devices' requests."""
import datetime as dt

import pytest
import sqlalchemy as sa

from backend.accounts import sessions
from backend.accounts.models import UserSession
from backend.extensions import db
from backend.push.models import PushSubscription
from backend.reminders import service
from tests.conftest import PASSWORD, AuthActions
from tests.reminders.helpers import add_meeting, amsterdam


@pytest.fixture
def meeting(app, amal, make_user, make_match):
    """A confirmed meeting of Amal and Sanne; returns the moment its 24-hour reminder is due."""
    buddy = make_user("buddy", email="sanne@example.org", name="Sanne de Vries")
    with app.app_context():
        return add_meeting(make_match(amal, buddy), amsterdam("2027-05-12T10:00")).starts_at - dt.timedelta(hours=24)


@pytest.fixture
def laptop(app, amal):
    """Amal's second device, logged in too."""
    client = app.test_client()
    auth = AuthActions(client)
    auth.login("amal@example.org")
    return client, auth


def subscribe(client, auth, device):
    assert client.post("/api/push/subscriptions", json=device.json(), headers=auth.headers()).status_code == 204


def endpoints(app):
    with app.app_context():
        return set(db.session.scalars(sa.select(PushSubscription.endpoint)))


def reminded(app, due):
    with app.app_context():
        return service.run(due)


def test_a_subscription_belongs_to_the_login_on_that_device(app, client, auth, amal, laptop, push_service):
    phone, laptop_device = push_service.device(), push_service.device()
    subscribe(client, auth, phone)
    laptop_client, laptop_auth = laptop
    subscribe(laptop_client, laptop_auth, laptop_device)
    [phone_session] = [s["id"] for s in client.get("/api/auth/sessions").json if s["current"]]
    [laptop_session] = [s["id"] for s in laptop_client.get("/api/auth/sessions").json if s["current"]]
    with app.app_context():
        rows = db.session.execute(sa.select(PushSubscription.endpoint, PushSubscription.session_id)).all()
    assert {endpoint: str(session_id) for endpoint, session_id in rows} == {
        phone.endpoint: phone_session, laptop_device.endpoint: laptop_session}


def test_a_phone_signed_out_from_another_device_gets_no_more_reminders(app, client, auth, amal, laptop, meeting,
                                                                       push_service):
    phone, laptop_device = push_service.device(), push_service.device()
    subscribe(client, auth, phone)
    laptop_client, laptop_auth = laptop
    subscribe(laptop_client, laptop_auth, laptop_device)
    # Amal, on her laptop, signs the lost phone out.
    [phone_session] = [s for s in laptop_client.get("/api/auth/sessions").json if not s["current"]]
    assert laptop_client.delete(f"/api/auth/sessions/{phone_session['id']}",
                                headers=laptop_auth.headers()).status_code == 204
    assert endpoints(app) == {laptop_device.endpoint}
    assert reminded(app, meeting)["pushes"] == 1
    assert push_service.to(phone) == []
    assert [p["title"] for _, p in push_service.to(laptop_device)] == ["Herinnering aan je afspraak"]


def test_logging_out_ends_the_reminders_even_if_the_phone_did_not_unsubscribe(app, client, auth, amal, meeting,
                                                                              push_service):
    phone = push_service.device()
    subscribe(client, auth, phone)
    assert auth.logout().status_code == 204
    assert endpoints(app) == set()
    reminded(app, meeting)
    assert push_service.to(phone) == []


def test_a_password_change_ends_the_reminders_of_every_other_device_not_this_one(app, client, auth, amal, laptop,
                                                                                 meeting, push_service):
    phone, laptop_device = push_service.device(), push_service.device()
    subscribe(client, auth, phone)
    laptop_client, laptop_auth = laptop
    subscribe(laptop_client, laptop_auth, laptop_device)
    assert laptop_auth.post("/api/auth/password", json={"current_password": PASSWORD,
                                                        "new_password": "a-new-long-passphrase-7"}).status_code == 200
    assert endpoints(app) == {laptop_device.endpoint}
    reminded(app, meeting)
    assert push_service.to(phone) == []
    assert len(push_service.to(laptop_device)) == 1


def test_an_idle_login_cleaned_up_takes_its_subscription_along(app, client, auth, amal, meeting, push_service):
    phone = push_service.device()
    subscribe(client, auth, phone)
    with app.app_context():
        db.session.execute(sa.update(UserSession).values(last_seen_at=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)))
        db.session.commit()
        assert sessions.delete_idle_sessions() == 1
    assert endpoints(app) == set()
    reminded(app, meeting)
    assert push_service.to(phone) == []


def test_a_push_claimed_for_one_user_is_not_sent_after_someone_else_subscribed_that_browser(
        app, client, auth, amal, meeting, make_user, push_service, monkeypatch):
    phone = push_service.device()
    subscribe(client, auth, phone)
    make_user("newcomer", email="noor@example.org", name="Noor")
    claim_and_notice = service._remind

    def noor_subscribes_the_phone_right_after_the_claim(*args):
        outgoing = claim_and_notice(*args)
        other = app.test_client()
        noor = AuthActions(other)
        noor.login("noor@example.org")
        subscribe(other, noor, phone)
        return outgoing

    monkeypatch.setattr(service, "_remind", noor_subscribes_the_phone_right_after_the_claim)
    counts = reminded(app, meeting)
    assert counts["notices"] == 2
    assert push_service.to(phone) == []  # Amal's reminder never shows on Noor's screen
