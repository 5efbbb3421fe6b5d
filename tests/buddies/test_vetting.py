"""Vetting by a coordinator of the buddy's branch: the path in order, VOG rules, who and when."""
import datetime as dt

import pytest
import sqlalchemy as sa

from backend.audit.models import ProfileRead
from backend.buddies.models import BuddyProfile, VettingStep
from tests.people_factories import as_coordinator, days_ago, make_buddy  # noqa: F401


def step(auth, buddy_id, to_state, **extra):
    return auth.post(f"/api/buddies/{buddy_id}/steps?lang=nl", json={"to_state": to_state, **extra})


def test_the_whole_path_in_order_records_who_and_when(auth, db, make_buddy, as_coordinator):
    buddy = make_buddy()
    coordinator = as_coordinator("GM0344")
    assert step(auth, buddy, "intake_done", note="Goed gesprek").status_code == 200
    assert step(auth, buddy, "vog_received", vog_date=days_ago(3).isoformat()).status_code == 200
    assert step(auth, buddy, "trained").status_code == 200
    response = step(auth, buddy, "available")
    assert response.status_code == 200
    body = response.json
    assert body["state"] == "available" and body["vog_date"] == days_ago(3).isoformat()
    assert [(s["from_state"], s["to_state"]) for s in body["steps"]] == [
        (None, "signed_up"), ("signed_up", "intake_done"), ("intake_done", "vog_received"),
        ("vog_received", "trained"), ("trained", "available")]
    assert {s["by_id"] for s in body["steps"][1:]} == {str(coordinator.id)}
    assert body["steps"][1]["note"] == "Goed gesprek"
    expires = days_ago(3).replace(year=days_ago(3).year + 3)
    assert body["vog_expires"] == expires.isoformat()


@pytest.mark.parametrize("state, to_state", [
    ("signed_up", "vog_received"),   # skipping the intake talk
    ("signed_up", "available"),
    ("intake_done", "trained"),
    ("trained", "trained"),          # already there
    ("available", "trained"),        # backwards
    ("stopped", "available"),        # stopped is final
    ("stopped", "paused"),
    ("paused", "trained"),           # a pause only resumes to available
])
def test_steps_out_of_order_answer_409_in_words(auth, db, make_buddy, as_coordinator, state, to_state):
    buddy = make_buddy(state=state, vog_date=days_ago(10))
    as_coordinator("GM0344")
    response = step(auth, buddy, to_state, **({"vog_date": days_ago(1).isoformat()} if to_state == "vog_received" else {}))
    assert response.status_code == 409, response.json
    assert response.json["message"] and response.json["message"] != "Dit botst met een andere wijziging."
    assert db.session.get(BuddyProfile, buddy).state == state
    assert db.session.scalar(sa.select(sa.func.count()).select_from(VettingStep).where(VettingStep.buddy_id == buddy)) == 1


@pytest.mark.parametrize("state", ["signed_up", "intake_done", "vog_received", "trained", "available", "paused"])
def test_stop_from_anywhere(auth, db, make_buddy, as_coordinator, state):
    buddy = make_buddy(state=state)
    as_coordinator("GM0344")
    assert step(auth, buddy, "stopped").json["state"] == "stopped"


@pytest.mark.parametrize("vog_date, message_part", [
    (None, "Vul de datum"),
    (dt.date.today() + dt.timedelta(days=1), "toekomst"),
    (days_ago(4 * 365), "verlopen"),
])
def test_vog_received_needs_a_valid_date(auth, db, make_buddy, as_coordinator, vog_date, message_part):
    buddy = make_buddy(state="intake_done")
    as_coordinator("GM0344")
    extra = {"vog_date": vog_date.isoformat()} if vog_date else {}
    response = step(auth, buddy, "vog_received", **extra)
    assert response.status_code == 422
    assert message_part in response.json["errors"]["vog_date"][0]


def test_resume_from_pause_only_with_a_valid_vog(auth, db, make_buddy, as_coordinator):
    buddy = make_buddy(state="paused", vog_date=days_ago(3 * 365 + 5))  # expired
    as_coordinator("GM0344")
    refused = step(auth, buddy, "available")
    assert refused.status_code == 409 and "VOG" in refused.json["message"]
    resumed = step(auth, buddy, "available", vog_date=days_ago(1).isoformat())  # a new VOG
    assert resumed.status_code == 200 and resumed.json["state"] == "available"
    assert resumed.json["vog_date"] == days_ago(1).isoformat()


@pytest.fixture
def province_vog_one_year(db):
    from backend.orgs.service import get_by_code

    get_by_code("PV26").settings = {"vog_valid_years": 1}  # the province decides for its branches
    db.session.commit()
    yield
    get_by_code("PV26").settings = {}  # the organisation tree outlives each test
    db.session.commit()


def test_the_vog_validity_is_an_organisation_setting(auth, make_buddy, as_coordinator, province_vog_one_year):
    buddy = make_buddy(state="intake_done")
    as_coordinator("GM0344")
    response = step(auth, buddy, "vog_received", vog_date=days_ago(400).isoformat())
    assert response.status_code == 422 and "verlopen" in response.json["errors"]["vog_date"][0]


def test_list_filters_by_state_and_stays_in_the_branch(auth, make_buddy, as_coordinator):
    mine = make_buddy(state="trained", name="Anna")
    make_buddy(state="signed_up", name="Bram")
    make_buddy(org="GM0363", state="trained", name="Elsewhere")
    as_coordinator("GM0344")
    everyone = auth._client.get("/api/buddies").json
    assert [b["display_name"] for b in everyone] == ["Anna", "Bram"]
    trained = auth._client.get("/api/buddies?state=trained").json
    assert [b["id"] for b in trained] == [str(mine)]
    assert auth._client.get("/api/buddies?state=bogus").status_code == 422


def test_reading_a_profile_is_logged(auth, db, make_buddy, as_coordinator):
    buddy = make_buddy()
    coordinator = as_coordinator("GM0344")
    assert auth._client.get(f"/api/buddies/{buddy}").status_code == 200
    reads = db.session.scalars(sa.select(ProfileRead)).all()
    assert [(r.reader_id, r.subject_id, r.what) for r in reads] == [(coordinator.id, buddy, "buddy_profile")]


@pytest.mark.parametrize("org", ["GM0363", "PV26", "NL"])
def test_other_coordinators_get_404(auth, db, make_buddy, as_coordinator, org):
    buddy = make_buddy()
    as_coordinator(org)
    assert auth._client.get(f"/api/buddies/{buddy}").status_code == 404
    assert step(auth, buddy, "intake_done").status_code == 404
    assert db.session.get(BuddyProfile, buddy).state == "signed_up"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ProfileRead)) == 0
