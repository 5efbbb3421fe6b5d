"""The dashboard: a municipal branch's lists; counts per branch (small ones suppressed) above it."""

import pytest

from backend.dashboard.service import suppressed
from backend.matching.models import Match
from tests.people_factories import as_coordinator, days_ago, make_buddy, make_intake  # noqa: F401


@pytest.fixture
def branch(app, make_intake, make_buddy, make_user):
    """Utrecht: 2 waiting newcomers, 1 paired, buddies in several states, VOGs ok/expiring/expired."""
    from backend.extensions import db

    make_intake(name="Olena")
    make_intake(name="Mehmet")
    paired = make_intake(name="Amal")
    proposed_to = make_intake(name="Reza")
    make_buddy(state="signed_up")
    make_buddy(state="signed_up")
    make_buddy(state="intake_done")
    ok = make_buddy(state="available", vog_date=days_ago(30), name="Fresh")
    expiring = make_buddy(state="available", vog_date=days_ago(3 * 365 - 20), name="Expiring")
    expired = make_buddy(state="available", vog_date=days_ago(3 * 365 + 10), name="Expired", capacity=2)
    make_buddy(org="GM0363", state="signed_up")
    with app.app_context():
        db.session.add(Match(newcomer_id=paired, buddy_id=expired, organisation_id=_org("GM0344"), status="active"))
        db.session.add(Match(newcomer_id=proposed_to, buddy_id=ok, organisation_id=_org("GM0344"), status="agreed"))
        db.session.commit()
    return {"ok": ok, "expiring": expiring, "expired": expired, "paired": paired}


def _org(code):
    from backend.orgs.service import get_by_code

    return get_by_code(code).id


def test_a_municipal_coordinator_sees_what_waits(auth, branch, as_coordinator):
    as_coordinator("GM0344")
    response = auth._client.get("/api/dashboard")
    assert response.status_code == 200
    body = response.json
    assert body["kind"] == "branch" and body["organisation"]["code"] == "GM0344"
    board = body["branch"]
    assert board["waiting_newcomers"]["count"] == 2
    assert {i["display_name"] for i in board["waiting_newcomers"]["items"]} == {"Olena", "Mehmet"}
    assert board["buddies_to_vet"] == {"signed_up": 2, "intake_done": 1, "vog_received": 0, "trained": 0}
    assert [(p["status"], p["newcomer_name"], p["buddy_name"]) for p in board["proposals_waiting"]] == [
        ("agreed", "Reza", "Fresh")]
    assert board["active_matches"] == 1 and board["quiet_pairs"] == []
    assert [v["display_name"] for v in board["vogs_expiring"]] == ["Expiring"]
    [expired] = board["vogs_expired"]
    assert expired["buddy_id"] == str(branch["expired"])
    assert [(m["status"], m["newcomer_name"]) for m in expired["matches"]] == [("active", "Amal")]


def test_the_warning_window_is_an_organisation_setting(auth, db, branch, as_coordinator):
    from backend.orgs.service import get_by_code

    get_by_code("GM0344").settings = {"vog_warn_days": 10}
    db.session.commit()
    try:
        as_coordinator("GM0344")
        assert auth._client.get("/api/dashboard").json["branch"]["vogs_expiring"] == []  # 20 days ahead: not yet
    finally:
        get_by_code("GM0344").settings = {}
        db.session.commit()


@pytest.mark.parametrize("org", ["PV26", "NL"])
def test_provinces_and_the_nation_see_suppressed_counts_and_no_names(auth, branch, as_coordinator, make_intake, org):
    for i in range(5):
        make_intake(name=f"Extra {i}")  # Utrecht now has 7 waiting
    as_coordinator(org)
    body = auth._client.get("/api/dashboard").json
    assert body["kind"] == "counts" and "branch" not in body
    rows = {row["code"]: row for row in body["branches"]}
    utrecht = rows["GM0344"]
    assert utrecht["waiting_newcomers"] == "7"
    assert utrecht["buddies_to_vet"] == "<5" and utrecht["active_matches"] == "<5" and utrecht["vogs_expired"] == "<5"
    assert ("GM0363" in rows) is (org == "NL")  # Amsterdam lies in another province
    text = str(body)
    for name in ("Olena", "Amal", "Expired", "Fresh"):
        assert name not in text


def test_small_counts_are_suppressed():
    assert [suppressed(n) for n in (0, 1, 4, 5, 12)] == ["<5", "<5", "<5", "5", "12"]


def test_only_coordinators_have_a_dashboard(auth, make_user, client):
    assert client.get("/api/dashboard").status_code == 401
    for role in ("newcomer", "buddy"):
        user = make_user(role)
        auth.login(user.email)
        assert client.get("/api/dashboard").status_code == 403


def test_a_pair_gone_quiet_shows_until_it_does_something(auth, db, branch, as_coordinator):
    """Quiet by the measure of `flask alerts`: nothing synced into the match for 14 days."""
    import datetime as dt

    from backend.db import utcnow
    from backend.sync import changes

    as_coordinator("GM0344")
    match = db.session.scalar(db.select(Match).where(Match.status == "active"))
    match_id = match.id
    match.created_at = match.approved_at = utcnow() - dt.timedelta(days=20)
    db.session.commit()
    [quiet] = auth._client.get("/api/dashboard").json["branch"]["quiet_pairs"]
    assert (quiet["match_id"], quiet["quiet_days"], quiet["newcomer_name"]) == (str(match_id), 20, "Amal")
    changes.record_put("note", "n1", f"match:{match_id}", {"id": "n1"})  # the pair logs something together
    db.session.commit()
    assert auth._client.get("/api/dashboard").json["branch"]["quiet_pairs"] == []
