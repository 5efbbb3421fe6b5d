"""The match lifecycle through the API a coordinator and the two phones use: REST for the
coordinator, sync for the newcomer and the buddy (offline answers included)."""
import datetime as dt
import uuid

import sqlalchemy as sa

from backend.db import utcnow
from backend.extensions import db
from backend.matching import rules
from backend.matching.models import Match
from tests.matching.conftest import add_profile, set_user


def propose(people, world, newcomer=None, buddy=None, **extra):
    newcomer, buddy = newcomer or world.newcomer, buddy or world.buddy
    return people.coordinator.post("/api/matches", {"newcomer_id": str(newcomer.id), "buddy_id": str(buddy.id),
                                                    **extra})


def agreed(people, world):
    match_id = propose(people, world).json["id"]
    assert people.newcomer.push("match.accept", match_id=match_id)["status"] == "applied"
    assert people.buddy.push("match.accept", match_id=match_id)["status"] == "applied"
    return match_id


def active(people, world):
    match_id = agreed(people, world)
    assert people.coordinator.post(f"/api/matches/{match_id}/approve").status_code == 200
    return match_id


def test_proposal_reaches_both_phones_without_contact_details(people, world):
    set_user(people.buddy.auth._client.application, world.buddy, phone="0612345678", shares=["phone", "email"])
    response = propose(people, world, score={"total": 0.8, "parts": []})
    assert response.status_code == 201, response.json
    match_id = response.json["id"]
    assert response.json["status"] == "proposed" and response.json["score"] == {"total": 0.8, "parts": []}
    offer = people.newcomer.offer()[match_id]
    assert offer["status"] == "proposed" and offer["role"] == "newcomer"
    assert offer["other_first_name"] == "Sanne"
    assert offer["other_municipality"] == "Utrecht"
    assert offer["shared_languages"] == ["en"] and offer["shared_interests"] == ["sport"]
    assert offer["contact"] is None and "0612345678" not in str(offer)
    assert offer["expires_at"] and offer["own_answer"] is None
    assert people.buddy.offer()[match_id]["other_first_name"] == "Amal"
    assert "match_proposed" in people.newcomer.notices() and "match_proposed" in people.buddy.notices()


def test_both_accept_then_approval_makes_it_active_with_shared_contact(app, people, world):
    set_user(app, world.buddy, phone="0612345678", shares=["phone"])  # e-mail not shared
    match_id = propose(people, world).json["id"]
    assert people.newcomer.push("match.accept", match_id=match_id)["current"]["own_answer"] == "accepted"
    assert "match_accepted" in people.coordinator.notices()
    result = people.buddy.push("match.accept", match_id=match_id)
    assert result["status"] == "applied" and result["current"]["status"] == "agreed"
    assert "match_agreed" in people.coordinator.notices()
    assert people.newcomer.offer()[match_id]["contact"] is None  # agreed is not active yet
    response = people.coordinator.post(f"/api/matches/{match_id}/approve", {"note": "mooi"})
    assert response.status_code == 200 and response.json["status"] == "active"
    today = utcnow().date()
    assert response.json["planned_end"] == today.replace(year=today.year + 1).isoformat()
    assert [(e["action"], e["from_status"], e["to_status"]) for e in response.json["history"]] == [
        ("propose", None, "proposed"), ("accept", "proposed", "proposed"), ("accept", "proposed", "agreed"),
        ("approve", "agreed", "active")]
    assert response.json["history"][1]["actor"]["display_name"] == "Amal Haddad"
    offer = people.newcomer.offer()[match_id]
    assert offer["status"] == "active" and offer["contact"] == {"phone": "0612345678"}
    assert people.buddy.offer()[match_id]["contact"] == {}  # Amal shares nothing
    assert f"match:{match_id}" in {row["scope"] for row in people.newcomer.device.rows.values()} | \
        set(_held_scopes(people.newcomer))
    assert "match_approved" in people.buddy.notices()


def _held_scopes(person):
    from backend.sync import registry

    app = person.auth._client.application
    with app.app_context():
        return registry.scopes_of(db.session.connection(), person.id)


def test_an_mdt_buddy_match_ends_with_the_service(app, people, world, make_user):
    mdt = make_user("buddy", name="Sem")
    end = utcnow().date() + dt.timedelta(days=150)
    add_profile(app, mdt, kind="mdt", mdt_end=end)
    match_id = propose(people, world, buddy=mdt).json["id"]
    people.newcomer.push("match.accept", match_id=match_id)
    Person = type(people.newcomer)
    assert Person(app, mdt).push("match.accept", match_id=match_id)["status"] == "applied"
    response = people.coordinator.post(f"/api/matches/{match_id}/approve")
    assert response.json["planned_end"] == end.isoformat()


def test_an_ineligible_buddy_cannot_be_proposed_and_the_coordinator_learns_why(app, people, world, make_user):
    stale = make_user("buddy", name="Oud")
    add_profile(app, stale, vog_days_ago=4 * 365)
    response = propose(people, world, buddy=stale)
    assert response.status_code == 409
    assert response.json["message"] == str(rules.VOG_INVALID)
    vetting = make_user("buddy", name="Nieuw")
    add_profile(app, vetting, state="trained", vog_days_ago=None)
    response = propose(people, world, buddy=vetting)
    assert response.status_code == 409 and len(response.json["errors"]["buddy_id"]) == 2


def test_no_intake_no_proposal(app, people, world, make_user):
    fresh = make_user("newcomer", name="Zonder Intake")
    response = propose(people, world, newcomer=fresh)
    assert response.status_code == 409 and "intake" in response.json["message"]


def test_one_open_match_per_newcomer_and_capacity_per_buddy(people, world):
    assert propose(people, world).status_code == 201
    again = propose(people, world, buddy=world.buddy2)
    assert again.status_code == 409 and "al een voorstel" in again.json["message"]
    full = propose(people, world, newcomer=world.newcomer2)  # buddy's capacity is 1
    assert full.status_code == 409 and full.json["message"] == str(rules.NO_CAPACITY)


def test_invalid_transitions_answer_409_with_a_message_and_change_nothing(people, world):
    match_id = propose(people, world).json["id"]
    response = people.coordinator.post(f"/api/matches/{match_id}/approve")
    assert response.status_code == 409
    assert response.json["message"] == "Dat kan nu niet: dit is nog een voorstel."
    assert people.coordinator.post(f"/api/matches/{match_id}/pause").status_code == 409
    assert people.coordinator.post(f"/api/matches/{match_id}/end", {"reason": "other"}).status_code == 409
    detail = people.coordinator.get(f"/api/matches/{match_id}").json
    assert detail["status"] == "proposed" and len(detail["history"]) == 1
    result = people.newcomer.push("match.evaluate", match_id=match_id, avoid=False)
    assert result["status"] == "rejected" and result["code"] == "conflict"
    assert result["current"]["status"] == "proposed"


def test_decline_with_a_reason_closes_the_proposal(people, world):
    match_id = propose(people, world).json["id"]
    result = people.buddy.push("match.decline", match_id=match_id, reason="no_time", note="Druk met werk")
    assert result["status"] == "applied" and result["current"]["status"] == "declined"
    detail = people.coordinator.get(f"/api/matches/{match_id}").json
    assert detail["history"][-1]["reason"] == "no_time" and detail["history"][-1]["note"] == "Druk met werk"
    assert "match_declined" in people.coordinator.notices()
    assert people.newcomer.offer()[match_id]["status"] == "declined"
    bad = people.newcomer.push("match.decline", match_id=match_id, reason="not-a-reason")
    assert bad["code"] == "invalid_args"
    # The buddy is free again: a new proposal for the newcomer with the other buddy works.
    assert propose(people, world, buddy=world.buddy2).status_code == 201


def test_withdraw_and_an_offline_accept_arriving_later_is_rejected_with_a_notice(people, world):
    match_id = propose(people, world).json["id"]
    people.newcomer.offer()  # the phone has the proposal, then goes offline
    assert people.coordinator.post(f"/api/matches/{match_id}/withdraw", {"note": "dubbel"}).status_code == 200
    result = people.newcomer.push("match.accept", match_id=match_id)
    assert result["status"] == "rejected" and result["code"] == "conflict"
    assert result["current"]["status"] == "withdrawn"
    assert "ingetrokken" in result["message"]
    assert "conflict" in people.newcomer.notices()


def test_an_offline_accept_arriving_after_the_other_side_is_applied(people, world):
    match_id = propose(people, world).json["id"]
    people.newcomer.offer()  # read on the bus; the answer waits in the outbox
    queued = people.newcomer.device.mutation("match.accept", match_id=match_id)
    assert people.buddy.push("match.accept", match_id=match_id)["status"] == "applied"
    result = people.newcomer.device.push(queued).json["results"][0]
    assert result["status"] == "applied" and result["current"]["status"] == "agreed"


def test_an_accept_after_the_proposal_ran_out_is_rejected(app, people, world):
    match_id = propose(people, world).json["id"]
    with app.app_context():
        match = db.session.get(Match, uuid.UUID(match_id))
        match.expires_at = utcnow() - dt.timedelta(minutes=1)  # 14 days passed; the alerts did not run yet
        db.session.commit()
    result = people.newcomer.push("match.accept", match_id=match_id)
    assert result["status"] == "rejected" and "verlopen" in result["message"]


def test_pause_keeps_the_scope_readable_but_refuses_changes(app, people, world):
    from backend.sync import changes, registry
    from backend.matching.sync import require_writable_match
    import marshmallow as ma

    class NoteArgs(ma.Schema):
        match_id = ma.fields.UUID(required=True)
        id = ma.fields.String(required=True)

    def note_put(user, args):
        require_writable_match(args["match_id"], user)
        changes.record_put("note", args["id"], f"match:{args['match_id']}", {"by": str(user.id)})

    registry.mutation("note.put", NoteArgs())(note_put)
    try:
        match_id = active(people, world)
        assert people.newcomer.push("note.put", match_id=match_id, id="n1")["status"] == "applied"
        assert people.coordinator.post(f"/api/matches/{match_id}/pause").json["status"] == "paused"
        people.buddy.device.pull()
        assert "n1" in people.buddy.device.entities("note")  # still readable
        result = people.buddy.push("note.put", match_id=match_id, id="n2")
        assert result["status"] == "rejected" and result["code"] == "match_paused"
        assert "match_paused" in people.buddy.notices()
        assert people.coordinator.post(f"/api/matches/{match_id}/resume").json["status"] == "active"
        assert people.buddy.push("note.put", match_id=match_id, id="n3")["status"] == "applied"
        stranger = people.newcomer2.push("note.put", match_id=match_id, id="n4")
        assert stranger["code"] == "scope_forbidden"
    finally:
        del registry.MUTATIONS["note.put"]


def test_a_party_ends_then_each_evaluates_once_and_avoid_is_respected(app, people, world):
    match_id = active(people, world)
    people.buddy.offer()
    result = people.newcomer.push("match.end", match_id=match_id, reason="no_click", note="")
    assert result["status"] == "applied" and result["current"]["status"] == "ended"
    assert result["current"]["contact"] is None
    body = people.buddy.device.pull()[0]
    assert body["drop_scope"] == [f"match:{match_id}"]
    assert "match_ended" in people.coordinator.notices() and "match_ended" in people.buddy.notices()
    first = people.newcomer.push("match.evaluate", match_id=match_id, rating=2, comment="Paste niet", avoid=True)
    assert first["status"] == "applied" and first["current"]["evaluated"] is True
    second = people.newcomer.push("match.evaluate", match_id=match_id, rating=5, avoid=False)
    assert second["status"] == "rejected" and second["code"] == "conflict"
    assert people.buddy.push("match.evaluate", match_id=match_id, avoid=False, rating=3)["status"] == "applied"
    bad = people.buddy.push("match.evaluate", match_id=match_id, avoid=False, rating=6)
    assert bad["code"] == "invalid_args"
    again = propose(people, world)
    assert again.status_code == 409 and again.json["message"] == str(rules.AVOIDED)
    with app.app_context():
        avoided = db.session.scalars(rules.avoided_buddy_ids(world.newcomer.id)).all()
    assert avoided == [world.buddy.id]


def test_coordinator_ends_with_a_reason_code(people, world):
    match_id = active(people, world)
    assert people.coordinator.post(f"/api/matches/{match_id}/end", {"reason": "nope"}).status_code == 422
    response = people.coordinator.post(f"/api/matches/{match_id}/end", {"reason": "completed", "note": "Klaar"})
    assert response.status_code == 200 and response.json["end_reason"] == "completed"
    assert response.json["history"][-1]["reason"] == "completed"


def test_list_filters_by_status_within_the_branch(people, world):
    first = active(people, world)
    second = propose(people, world, newcomer=world.newcomer2, buddy=world.buddy2).json["id"]
    everything = people.coordinator.get("/api/matches").json
    assert {m["id"] for m in everything} == {first, second}
    assert {m["newcomer"]["display_name"] for m in everything} == {"Amal Haddad", "Olena Kovalenko"}
    proposed = people.coordinator.get("/api/matches?status=proposed").json
    assert [m["id"] for m in proposed] == [second]
    both = people.coordinator.get("/api/matches?status=proposed&status=active").json
    assert len(both) == 2
    assert people.other_coordinator.get("/api/matches").json == []
    assert people.coordinator.get("/api/matches?status=bogus").status_code == 422


def test_a_party_sees_their_own_view_not_the_history(people, world):
    match_id = propose(people, world).json["id"]
    view = people.newcomer.get(f"/api/matches/{match_id}").json
    assert view["offer"]["other_first_name"] == "Sanne" and "history" not in view and "buddy" not in view


def test_a_changed_contact_choice_reaches_the_other_side(app, people, world):
    from backend.accounts.models import User
    from backend.matching import service

    match_id = active(people, world)
    assert people.newcomer.offer()[match_id]["contact"] == {}
    with app.app_context():
        buddy = db.session.get(User, world.buddy.id)
        buddy.phone, buddy.shares = "0687654321", ["phone"]
        service.publish_contact_change(buddy.id)
        db.session.commit()
    assert people.newcomer.offer()[match_id]["contact"] == {"phone": "0687654321"}


def test_the_buddy_shares_a_phone_number_from_the_own_profile_offline_and_the_newcomer_sees_it(people, world):
    """The contact details an approved pair sees are what each chose in their own profile
    (profile.update, offline too): nothing until they choose, and only what they chose."""
    match_id = active(people, world)
    assert people.newcomer.offer()[match_id]["contact"] == {}
    applied = people.buddy.push("profile.update", phone=" +31 6  1234 5678 ", shares=["phone"])
    assert applied["status"] == "applied" and applied["current"]["phone"] == "+31 6 1234 5678"
    assert people.newcomer.offer()[match_id]["contact"] == {"phone": "+31 6 1234 5678"}
    people.buddy.push("profile.update", shares=["email", "phone"])
    assert set(people.newcomer.offer()[match_id]["contact"]) == {"email", "phone"}
    people.buddy.push("profile.update", shares=[])  # stops sharing: gone from the newcomer's phone
    assert people.newcomer.offer()[match_id]["contact"] == {}
    refused = people.buddy.push("profile.update", phone="bel me maar")
    assert refused["status"] == "rejected" and refused["code"] == "invalid_args"
