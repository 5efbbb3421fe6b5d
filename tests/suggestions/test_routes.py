"""Suggestions and the waiting-list proposal over HTTP: who may ask, what comes back, filters."""
import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from backend.audit.models import ProfileRead
from backend.extensions import db as _db
from backend.matching.models import Match, MatchEvaluation


def login_as(auth, make_user, role, org):
    email = f"{role}-{org}-{uuid.uuid4().hex[:6]}@example.org"
    make_user(role, org=org, email=email)
    assert auth.login(email).status_code == 200


def suggestions_url(newcomer_id, **query):
    args = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/api/newcomers/{newcomer_id}/suggestions" + (f"?{args}" if args else "")


# who -> (role, organisation) or None for anonymous; the status they get for the branch GM0344.
ACTORS = {
    "anonymous": (None, 401),
    "newcomer": (("newcomer", "GM0344"), 403),
    "buddy": (("buddy", "GM0344"), 403),
    "coordinator of the branch": (("coordinator", "GM0344"), 200),
    "coordinator of another branch": (("coordinator", "GM0363"), 404),
    "coordinator of the province": (("coordinator", "PV26"), 404),
    "coordinator of the nation": (("coordinator", "NL"), 404),
}


@pytest.mark.parametrize("who", list(ACTORS))
def test_authorization_table(who, auth, client, make_user, make_newcomer, make_buddy, app):
    amal = make_newcomer("Amal")
    make_buddy("Bram")
    actor, status = ACTORS[who]
    if actor:
        login_as(auth, make_user, *actor)
    for url in (suggestions_url(amal), "/api/orgs/GM0344/waiting-list-proposal"):
        response = client.get(url)
        assert response.status_code == status, (url, response.json)
        if status != 200:
            assert "Bram" not in response.get_data(as_text=True)
    with app.app_context():
        reads = _db.session.scalar(sa.select(sa.func.count()).select_from(ProfileRead))
    assert reads == (2 if status == 200 else 0)  # each read of the intake is logged, and only those


def test_unknown_ids_answer_404(auth, client, make_user, make_buddy):
    login_as(auth, make_user, "coordinator", "GM0344")
    bram = make_buddy("Bram")
    assert client.get(suggestions_url(uuid.uuid4())).status_code == 404
    assert client.get(suggestions_url(bram)).status_code == 404  # a buddy has no intake
    assert client.get("/api/orgs/GM9999/waiting-list-proposal").status_code == 404


def test_ranked_and_explained_best_first(auth, client, make_user, make_newcomer, make_buddy, app):
    login_as(auth, make_user, "coordinator", "GM0344")
    amal = make_newcomer("Amal", languages=["ar", "nl"], interests=["cooking"])
    dutch_only = make_buddy("Dirk")
    arabic = make_buddy("Sara", languages=["nl", "ar"], interests=["cooking", "music"], gender="female")
    response = client.get(suggestions_url(amal))
    assert response.status_code == 200
    body = response.json
    assert body["newcomer_id"] == str(amal) and body["candidates"] == 2
    assert [s["buddy_id"] for s in body["suggestions"]] == [str(arabic), str(dutch_only)]
    sara = body["suggestions"][0]
    assert sara["display_name"] == "Sara" and sara["score"]["total"] == 30 + 20 + 10 + 4 + 3
    parts = {p["code"]: p for p in sara["score"]["parts"]}
    assert parts["language"]["text"] == "Spreken allebei Arabisch en Nederlands"
    assert parts["language"]["facts"] == {"languages": ["ar", "nl"]}
    assert parts["availability"]["text"] == "2 uur per week samen beschikbaar"
    assert parts["interests"]["text"] == "Delen interesse in Koken"
    with app.app_context():
        read = _db.session.scalars(sa.select(ProfileRead)).one()
    assert (read.subject_id, read.what) == (amal, "intake")


def test_only_eligible_buddies_of_the_coordinators_subtree(auth, client, make_user, make_newcomer, make_buddy, app):
    login_as(auth, make_user, "coordinator", "GM0344")
    amal = make_newcomer("Amal")
    ok = make_buddy("Ok")
    make_buddy("Elsewhere", org="GM0307")  # Amersfoort: another branch, 19 km
    make_buddy("Vetting", state="trained")
    make_buddy("Old VOG", vog_date=dt.date.today() - dt.timedelta(days=4 * 366))
    full = make_buddy("Full")
    avoided = make_buddy("Avoided")
    other = make_newcomer("Other")
    with app.app_context():
        _db.session.add(Match(newcomer_id=other, buddy_id=full, organisation_id=1, status="active"))
        ended = Match(newcomer_id=amal, buddy_id=avoided, organisation_id=1, status="ended")
        _db.session.add(ended)
        _db.session.flush()
        _db.session.add(MatchEvaluation(match_id=ended.id, user_id=avoided, avoid=True))
        _db.session.commit()
    body = client.get(suggestions_url(amal, max_km=100)).json
    assert [s["buddy_id"] for s in body["suggestions"]] == [str(ok)]


def test_filters(auth, client, make_user, make_newcomer, make_buddy):
    login_as(auth, make_user, "coordinator", "GM0344")
    amal = make_newcomer("Amal", languages=["ar", "en"], municipality_code="GM0344")
    english = make_buddy("English", languages=["nl", "en"])
    mdt = make_buddy("Mdt", kind="mdt", mdt_end=dt.date.today() + dt.timedelta(days=300))
    near = make_buddy("Near", municipality_code="GM0307")  # Amersfoort, 19 km from Utrecht
    woman = make_buddy("Woman", gender="female")

    def names(**query):
        response = client.get(suggestions_url(amal, **query))
        assert response.status_code == 200, response.json
        return {s["buddy_id"] for s in response.json["suggestions"]}

    assert names() == {str(english), str(mdt), str(near), str(woman)}
    assert names(language="en") == {str(english)}
    assert names(kind="mdt") == {str(mdt)}
    assert names(max_km=10) == {str(english), str(mdt), str(woman)}
    assert len(names(limit=1)) == 1
    assert client.get(suggestions_url(amal, kind="robot")).status_code == 422
    assert client.get(suggestions_url(amal, limit=0)).status_code == 422


def test_the_preferred_gender_filters_the_suggestions(auth, client, make_user, make_newcomer, make_buddy):
    login_as(auth, make_user, "coordinator", "GM0344")
    amal = make_newcomer("Amal", preferences={"buddy_gender": "female"})
    make_buddy("Man", gender="male")
    woman = make_buddy("Woman", gender="female")
    body = client.get(suggestions_url(amal)).json
    assert [s["buddy_id"] for s in body["suggestions"]] == [str(woman)]
    parts = {p["code"]: p["text"] for p in body["suggestions"][0]["score"]["parts"]}
    assert parts["preference"] == "Voorkeur van de nieuwkomer: Vrouw, en dat klopt"


def test_the_waiting_list_proposal(auth, client, make_user, make_newcomer, make_buddy, app):
    login_as(auth, make_user, "coordinator", "GM0344")
    # Both newcomers like Sara best; she has one place. The proposal gives her to Amal (who shares
    # Arabic with her and nobody else) and Dirk to Bilal (who shares Tigrinya with neither).
    amal = make_newcomer("Amal", languages=["ar"])
    bilal = make_newcomer("Bilal", languages=["ti"], interests=["music"])
    wants_woman = make_newcomer("Chadia", languages=["ar"], preferences={"buddy_gender": "male"})
    matched = make_newcomer("Matched")
    sara = make_buddy("Sara", languages=["nl", "ar"], interests=["music"], gender="female")
    dirk = make_buddy("Dirk", gender="female")
    kees = make_buddy("Kees", gender="male", state="paused")
    with app.app_context():
        _db.session.add(Match(newcomer_id=matched, buddy_id=kees, organisation_id=1, status="proposed"))
        _db.session.commit()
    response = client.get("/api/orgs/GM0344/waiting-list-proposal")
    assert response.status_code == 200, response.json
    body = response.json
    assert body["newcomers"] == 3 and body["buddies"] == 2  # the matched newcomer and the paused buddy are out
    pairs = {p["newcomer_id"]: p for p in body["pairs"]}
    assert {n: p["buddy_id"] for n, p in pairs.items()} == {str(amal): str(sara), str(bilal): str(dirk)}
    assert pairs[str(bilal)]["best"]["buddy_id"] == str(sara) and not pairs[str(bilal)]["same_as_best"]
    assert pairs[str(amal)]["same_as_best"]
    assert pairs[str(amal)]["proposal"]["score"]["total"] == 30 + 20 + 10 + 0 + 3
    assert body["total"] == pytest.approx(sum(p["proposal"]["score"]["total"] for p in body["pairs"]))
    assert body["unplaced"] == [{
        "newcomer_id": str(wants_woman), "newcomer_name": "Chadia", "reason": "no_admissible_buddy",
        "message": "Geen beschikbaar maatje binnen de filters (afstand, voorkeur, soort).", "best": None}]
    with app.app_context():
        subjects = set(_db.session.scalars(sa.select(ProfileRead.subject_id).where(ProfileRead.what == "intake")))
    assert subjects == {amal, bilal, wants_woman}
    filtered = client.get("/api/orgs/GM0344/waiting-list-proposal?kind=mdt").json  # no MDT buddy here
    assert filtered["buddies"] == 0 and filtered["pairs"] == []
    assert {u["reason"] for u in filtered["unplaced"]} == {"no_admissible_buddy"}
    assert client.get("/api/orgs/GM0344/waiting-list-proposal?max_km=-1").status_code == 422


def test_a_newcomer_without_a_free_place_is_told_so(auth, client, make_user, make_newcomer, make_buddy):
    login_as(auth, make_user, "coordinator", "GM0344")
    first, second = make_newcomer("Eerste"), make_newcomer("Tweede")
    make_buddy("Enige")
    body = client.get("/api/orgs/GM0344/waiting-list-proposal").json
    assert len(body["pairs"]) == 1
    [unplaced] = body["unplaced"]
    assert unplaced["reason"] == "no_capacity" and unplaced["best"]["display_name"] == "Enige"
    assert {unplaced["newcomer_id"], body["pairs"][0]["newcomer_id"]} == {str(first), str(second)}


def test_a_changed_profile_or_a_new_match_counts_at_once(auth, client, make_user, make_newcomer, make_buddy, app):
    """What the server keeps between requests (parsed profiles, arrays) never hides a change."""
    from backend.buddies.models import BuddyProfile

    login_as(auth, make_user, "coordinator", "GM0344")
    amal = make_newcomer("Amal", languages=["ar"])
    sara = make_buddy("Sara", capacity=2)
    make_buddy("Dirk")

    def first():
        suggestion = client.get(suggestions_url(amal)).json["suggestions"][0]
        parts = {p["code"]: p["text"] for p in suggestion["score"]["parts"]}
        return suggestion["display_name"], parts["language"], parts["capacity"]

    assert first() == ("Sara", "Geen gemeenschappelijke taal", "Nog 2 plekken vrij")
    with app.app_context():
        _db.session.get(BuddyProfile, sara).languages = ["nl", "ar"]
        _db.session.commit()
    assert first() == ("Sara", "Spreken allebei Arabisch", "Nog 2 plekken vrij")
    other = make_newcomer("Other")
    with app.app_context():
        _db.session.add(Match(newcomer_id=other, buddy_id=sara, organisation_id=1, status="active"))
        _db.session.commit()
    assert first() == ("Sara", "Spreken allebei Arabisch", "Nog 1 plek vrij")


def test_ties_are_broken_by_buddy_id_the_same_way_every_time(auth, client, make_user, make_newcomer, make_buddy):
    login_as(auth, make_user, "coordinator", "GM0344")
    amal = make_newcomer("Amal")
    twins = sorted(str(make_buddy(f"Tweeling {i}")) for i in range(6))
    for _ in range(3):
        body = client.get(suggestions_url(amal)).json
        assert [s["buddy_id"] for s in body["suggestions"]] == twins
        assert len({s["score"]["total"] for s in body["suggestions"]}) == 1
