"""The public buddy sign-up: volunteer or MDT, validated against the catalogues, no enumeration."""
import datetime as dt
import logging

import pytest
import sqlalchemy as sa

from backend.accounts.models import User
from backend.buddies.models import BuddyProfile, VettingStep
from backend.catalogues.catalogue import PRIVACY_VERSION
from tests.people_factories import signup_payload


def years_ago(n, days=0):
    today = dt.date.today()
    try:
        day = today.replace(year=today.year - n)
    except ValueError:
        day = today.replace(year=today.year - n, day=28)
    return (day - dt.timedelta(days=days)).isoformat()


@pytest.fixture
def mails(app, monkeypatch):
    """Record the sign-up mails (backend.mail's functions), and whether the account was committed by then."""
    from backend import mail
    from backend.extensions import db as _db

    sent = []

    def committed(email):
        # Another connection sees only what was committed (and only reads: no SQLite write lock).
        with _db.engine.connect().execution_options(sqlite_immediate=False) as conn:
            return conn.execute(sa.select(User.id).where(User.email == email)).first() is not None

    monkeypatch.setattr(mail, "send_signup_confirmation",
                        lambda user: sent.append(("confirmation", user.email, committed(user.email))))
    monkeypatch.setattr(mail, "send_new_buddy_waiting", lambda buddy, coordinators: sent.append(
        ("waiting", buddy.email, sorted(c.email for c in coordinators))))
    return sent


def test_a_volunteer_signs_up_without_login(client, db, mails, make_user):
    coordinator = make_user("coordinator", org="GM0344")
    make_user("coordinator", org="GM0363")  # another branch: not told
    make_user("coordinator", org="PV26")    # nor the province
    payload = signup_payload(email=" Sanne@Example.org", gender="female")
    response = client.post("/api/buddies/signup", json=payload)
    assert response.status_code == 202, response.json
    assert response.json == {"status": "received"}
    user = db.session.scalar(sa.select(User).where(User.email == "sanne@example.org"))
    assert user.roles == ["buddy"] and user.organisation.code == "GM0344" and user.locale == "nl"
    profile = db.session.get(BuddyProfile, user.id)
    assert (profile.state, profile.kind, profile.capacity, profile.gender) == ("signed_up", "volunteer", 2, "female")
    assert profile.languages == ["nl", "en"] and profile.availability == payload["availability"]
    assert profile.consent_version == PRIVACY_VERSION and profile.consent_at is not None
    assert profile.mdt_hours_target is None
    steps = db.session.scalars(sa.select(VettingStep).where(VettingStep.buddy_id == user.id)).all()
    assert [(s.from_state, s.to_state) for s in steps] == [(None, "signed_up")]
    # The mails go after the commit: to the buddy, and to the coordinators of the branch only.
    assert mails == [("confirmation", "sanne@example.org", True),
                     ("waiting", "sanne@example.org", [coordinator.email])]
    # The new buddy can log in right away.
    login = client.post("/api/auth/login", json={"email": "sanne@example.org", "password": payload["password"]})
    assert login.status_code == 200


def test_an_mdt_buddy_gets_the_80_hour_target(client, db):
    start = dt.date.today() + dt.timedelta(days=10)
    payload = signup_payload(kind="mdt", birth_date=years_ago(19), mdt_start=start.isoformat(),
                             mdt_end=(start + dt.timedelta(days=150)).isoformat())
    assert client.post("/api/buddies/signup", json=payload).status_code == 202
    profile = db.session.scalar(sa.select(BuddyProfile).join(BuddyProfile.user).where(User.email == payload["email"]))
    assert (profile.kind, profile.mdt_hours_target, profile.mdt_start) == ("mdt", 80, start)


@pytest.mark.parametrize("overrides, field", [
    ({"kind": "mdt", "birth_date": years_ago(31, days=1)}, "birth_date"),   # too old for MDT
    ({"kind": "mdt", "birth_date": years_ago(11)}, "birth_date"),            # too young
    ({"kind": "mdt", "birth_date": None}, "birth_date"),
    ({"kind": "mdt", "birth_date": years_ago(20), "mdt_start": "2030-01-01", "mdt_end": "2030-09-01"}, "mdt_end"),  # > 6 months
    ({"kind": "mdt", "birth_date": years_ago(20), "mdt_start": "2030-03-01", "mdt_end": "2030-02-01"}, "mdt_end"),
    ({"kind": "mdt", "birth_date": years_ago(20)}, "mdt_start"),
    ({"mdt_hours_target": 80}, "mdt_hours_target"),                           # volunteers have none
    ({"kind": "mdt", "birth_date": years_ago(20), "mdt_start": "2030-01-01", "mdt_end": "2030-03-01",
      "mdt_hours_target": 40}, "mdt_hours_target"),                            # MDT means at least 80 hours
    ({"languages": ["nl", "klingon"]}, "languages"),                           # not in the catalogue
    ({"languages": []}, "languages"),
    ({"languages": ["nl", "nl"]}, "languages"),
    ({"interests": ["skydiving"]}, "interests"),
    ({"gender": "x"}, "gender"),
    ({"municipality": "GM9999"}, "municipality"),                              # no such municipality
    ({"municipality": "PV26"}, "municipality"),                                # a province is no branch
    ({"capacity": 4}, "capacity"),
    ({"capacity": 0}, "capacity"),
    ({"privacy_version": "2001-01"}, "privacy_version"),                       # an outdated statement
    ({"privacy_version": None}, "privacy_version"),
    ({"password": "kort"}, "password"),
    ({"locale": "xx"}, "locale"),
    ({"availability": [{"day": 7, "start": "10:00", "end": "11:00"}]}, "availability"),
])
def test_bad_sign_ups_are_refused_with_a_translated_reason(client, db, overrides, field):
    response = client.post("/api/buddies/signup?lang=nl", json=signup_payload(**overrides))
    assert response.status_code == 422, response.json
    assert field in response.json["errors"]
    message = str(response.json["errors"][field])
    assert "Not a valid" not in message and "Must be" not in message  # our Dutch, not the library's English
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_the_catalogue_message_is_dutch(client):
    response = client.post("/api/buddies/signup?lang=nl", json=signup_payload(interests=["skydiving"]))
    assert response.json["errors"]["interests"] == {"0": ["Deze keuze staat niet in de lijst."]}


def test_a_known_address_gets_the_same_answer_and_no_second_account(client, db, make_user, caplog, mails):
    existing = make_user("newcomer", email="known@example.org")
    from backend import mail

    with caplog.at_level(logging.INFO):
        response = client.post("/api/buddies/signup", json=signup_payload(email="Known@example.org"))
        mail.wait_sent()  # sent after the answer, as every sign-up mail is
    assert response.status_code == 202 and response.json == {"status": "received"}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1
    assert db.session.get(User, existing.id).roles == ["newcomer"]  # untouched
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BuddyProfile)) == 0
    assert mails == []  # no confirmation, no coordinator told
    # Its owner hears of it, by mail (to the log without MAIL_SERVER).
    assert "To: known@example.org" in caplog.text and "Subject: Aanmelding bij Maatje" in caplog.text


def test_sign_ups_are_limited_per_address(app, client):
    limit = int(app.config["SIGNUP_RATE_LIMIT"].split()[0])
    for _ in range(limit):
        assert client.post("/api/buddies/signup", json=signup_payload()).status_code == 202
    refused = client.post("/api/buddies/signup", json=signup_payload())
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    # Another address is not held up.
    other = client.post("/api/buddies/signup", json=signup_payload(), environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 202


def test_a_corrected_form_does_not_count_against_the_limit(app, client):
    limit = int(app.config["SIGNUP_RATE_LIMIT"].split()[0])
    for _ in range(limit + 2):
        assert client.post("/api/buddies/signup", json=signup_payload(languages=[])).status_code == 422
    assert client.post("/api/buddies/signup", json=signup_payload()).status_code == 202



def test_a_failing_mail_server_undoes_nothing(client, db, monkeypatch, make_user):
    from backend import mail

    told = []

    def refuse(user):
        raise mail.MailError("421 try later")

    monkeypatch.setattr(mail, "send_signup_confirmation", refuse)
    monkeypatch.setattr(mail, "send_new_buddy_waiting", lambda buddy, coordinators: told.append(buddy.email))
    payload = signup_payload()
    assert client.post("/api/buddies/signup", json=payload).status_code == 202
    assert db.session.scalar(sa.select(User).where(User.email == payload["email"])) is not None
    assert told == [payload["email"]]  # the coordinators still hear of the new buddy


def test_a_logged_in_device_can_sign_someone_up_without_a_csrf_token(client, auth, make_user):
    """The public page sends no session token; the sign-up acts on no session, so none is asked."""
    make_user("buddy", email="al-ingelogd@example.org")
    assert auth.login("al-ingelogd@example.org").status_code == 200
    response = client.post("/api/buddies/signup", json=signup_payload(email="vriendin@example.org"))
    assert response.status_code == 202, response.json
