"""The newcomer intake by a municipal coordinator: the account, the catalogues, the read log."""
import uuid

import pytest
import sqlalchemy as sa

from backend.accounts.models import AccountToken, User
from backend.audit.models import ProfileRead
from backend.catalogues.catalogue import PRIVACY_VERSION
from backend.newcomers.models import NewcomerIntake
from tests.people_factories import as_coordinator, make_buddy, make_intake  # noqa: F401


def intake(**overrides):
    data = {
        "display_name": "Amal Haddad", "locale": "ar", "category": "permit_holder", "arrival_date": "2026-03-01",
        "languages": ["ar", "en"], "dutch_level": "A1", "learning_route": "b1",
        "goals": {"taal": ["speaking"], "werk": ["cv"]}, "interests": ["cooking", "walking"],
        "availability": [{"day": 1, "start": "10:00", "end": "12:00"}],
        "preferences": {"buddy_gender": "female"}, "consents": [{"kind": "privacy", "version": PRIVACY_VERSION}],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_intake_makes_a_pending_account_with_an_activation_code(auth, db, as_coordinator):
    coordinator = as_coordinator("GM0344")
    response = auth.post("/api/newcomers", json=intake())
    assert response.status_code == 201, response.json
    body = response.json
    assert body["username"] == "amal.haddad" and body["activated"] is False and body["waiting"] is True
    assert len(body["activation_code"]) >= 6
    assert body["goals"] == {"taal": ["speaking"], "werk": ["cv"]} and body["municipality"] == "GM0344"
    assert body["consents"][0]["kind"] == "privacy" and body["consents"][0]["at"]
    user = db.session.get(User, uuid.UUID(body["id"]))
    assert user.roles == ["newcomer"] and user.email is None and user.organisation.code == "GM0344"
    assert user.locale == "ar" and not user.password_hash
    stored = db.session.get(NewcomerIntake, user.id)
    assert stored.created_by_id == coordinator.id and stored.preferences == {"buddy_gender": "female"}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AccountToken).where(AccountToken.user_id == user.id)) == 1


def test_the_intake_answer_holds_the_whole_activation_card(auth, client, as_coordinator):
    """The coordinator shows the newcomer's phone the QR code at once; that code is the one that works."""
    as_coordinator("GM0344")
    body = auth.post("/api/newcomers", json=intake()).json
    card = body["activation"]
    assert card["code"] == body["activation_code"]
    assert card["url"].endswith(f"/activeren?lang=ar#{card['code']}") and card["qr_svg"].startswith("<svg")
    assert card["expires_at"]
    auth.logout()
    activated = client.post("/api/auth/activate", json={"code": card["code"], "password": "een-goed-wachtwoord"})
    assert activated.status_code == 200, activated.json


def test_usernames_are_proposed_unique(auth, as_coordinator):
    as_coordinator("GM0344")
    first = auth.post("/api/newcomers", json=intake()).json
    second = auth.post("/api/newcomers", json=intake()).json
    assert (first["username"], second["username"]) == ("amal.haddad", "amal.haddad2")
    arabic = auth.post("/api/newcomers", json=intake(display_name="أمل")).json
    assert arabic["username"]  # a name without Latin letters still gets one
    taken = auth.post("/api/newcomers?lang=nl", json=intake(username="amal.haddad"))
    assert taken.status_code == 422 and "gebruikersnaam" in taken.json["errors"]["username"][0]


@pytest.mark.parametrize("overrides, field", [
    ({"category": "tourist"}, "category"),
    ({"languages": ["ar", "elvish"]}, "languages"),
    ({"languages": []}, "languages"),
    ({"dutch_level": "C2"}, "dutch_level"),
    ({"learning_route": "x"}, "learning_route"),
    ({"goals": {"taal": ["flying"]}}, "goals"),
    ({"goals": {"sport": ["speaking"]}}, "goals"),
    ({"interests": ["skydiving"]}, "interests"),
    ({"preferences": {"buddy_gender": "robot"}}, "preferences"),
    ({"consents": []}, "consents"),                                          # no privacy consent
    ({"consents": [{"kind": "privacy", "version": "1999"}]}, "consents"),    # an outdated one
    ({"consents": [{"kind": "gossip", "version": PRIVACY_VERSION}]}, "consents"),
    ({"municipality": "GM9999"}, "municipality"),
    ({"arrival_date": "2999-01-01"}, "arrival_date"),
    ({"display_name": None}, "display_name"),
])
def test_every_field_is_checked_against_the_catalogues(auth, db, as_coordinator, overrides, field):
    as_coordinator("GM0344")
    response = auth.post("/api/newcomers?lang=nl", json=intake(**overrides))
    assert response.status_code == 422, response.json
    assert field in response.json["errors"]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(NewcomerIntake)) == 0


def test_only_municipal_coordinators_take_intakes(auth, as_coordinator, make_user):
    as_coordinator("PV26")
    assert auth.post("/api/newcomers", json=intake()).status_code == 403
    buddy = make_user("buddy")
    auth.login(buddy.email)
    assert auth.post("/api/newcomers", json=intake()).status_code == 403


def test_reads_and_changes_are_logged_and_merged_per_field(auth, db, as_coordinator):
    coordinator = as_coordinator("GM0344")
    created = auth.post("/api/newcomers", json=intake()).json
    read = auth._client.get(f"/api/newcomers/{created['id']}")
    assert read.status_code == 200 and "activation_code" not in read.json
    changed = auth.patch(f"/api/newcomers/{created['id']}", json={
        "dutch_level": "A2", "consents": [{"kind": "share_with_buddy", "version": "1"}]})
    assert changed.status_code == 200
    assert changed.json["dutch_level"] == "A2" and changed.json["languages"] == ["ar", "en"]
    assert [c["kind"] for c in changed.json["consents"]] == ["privacy", "share_with_buddy"]
    reads = db.session.scalars(sa.select(ProfileRead)).all()
    assert {(r.reader_id, str(r.subject_id), r.what) for r in reads} == {(coordinator.id, created["id"], "intake")}
    assert len(reads) == 2
    bad = auth.patch(f"/api/newcomers/{created['id']}", json={"interests": ["skydiving"]})
    assert bad.status_code == 422


def test_the_list_shows_the_branch_and_who_waits(auth, db, make_intake, make_buddy, make_match, make_user,
                                                  as_coordinator):
    waiting = make_intake(name="Waiting")
    paired = make_intake(name="Paired")
    make_intake(org="GM0363", name="Amsterdam")
    with auth._client.application.app_context():
        from backend.extensions import db as _db

        buddy = _db.session.get(User, make_buddy(state="available"))
        newcomer = _db.session.get(User, paired)
        _db.session.expunge_all()
    make_match(newcomer, buddy)
    as_coordinator("GM0344")
    everyone = auth._client.get("/api/newcomers").json
    assert {n["display_name"] for n in everyone} == {"Waiting", "Paired"}
    only_waiting = auth._client.get("/api/newcomers?waiting=true").json
    assert [(n["id"], n["waiting"]) for n in only_waiting] == [(str(waiting), True)]
    assert [n["display_name"] for n in auth._client.get("/api/newcomers?waiting=false").json] == ["Paired"]


@pytest.mark.parametrize("org", ["GM0363", "PV26", "NL"])
def test_other_coordinators_get_404(auth, db, make_intake, as_coordinator, org):
    newcomer = make_intake()
    as_coordinator(org)
    assert auth._client.get(f"/api/newcomers/{newcomer}").status_code == 404
    assert auth.patch(f"/api/newcomers/{newcomer}", json={"dutch_level": "B1"}).status_code == 404
    assert db.session.get(NewcomerIntake, newcomer).dutch_level == "A1"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ProfileRead)) == 0
