"""Who may do what with a match: every matching route and mutation against every kind of user.

Coordinators of another branch, of the province and of the nation get 404 for a match of the
branch (never its data); newcomers and buddies get 403 on coordinator routes and see only
their own match; a party of another match gets 404 / not_found. Denied attempts change nothing:
each table row tries the denied users first, then the allowed ones.
"""
import pytest

from backend.extensions import db
from backend.matching import service
from backend.matching.models import Match, MatchEvent
from tests.conftest import AuthActions
from tests.sync.helpers import Device

ACTORS = ("anonymous", "stranger", "other_coordinator", "province", "nation", "newcomer", "buddy", "coordinator")

# action: (the state to start from, {actor: expected}); actors not named get the row's default.
# REST: HTTP status. Mutations: the push result's status or code.
TABLE = {
    "list": ("active", 403, {"anonymous": 401, "coordinator": 200, "other_coordinator": "empty",
                             "province": "empty", "nation": "empty"}),
    "propose": (None, 404, {"anonymous": 401, "stranger": 403, "newcomer": 403, "buddy": 403, "coordinator": 201}),
    "get": ("proposed", 404, {"anonymous": 401, "newcomer": 200, "buddy": 200, "coordinator": 200}),
    "approve": ("agreed", 404, {"anonymous": 401, "stranger": 403, "newcomer": 403, "buddy": 403, "coordinator": 200}),
    "withdraw": ("proposed", 404, {"anonymous": 401, "stranger": 403, "newcomer": 403, "buddy": 403,
                                   "coordinator": 200}),
    "pause": ("active", 404, {"anonymous": 401, "stranger": 403, "newcomer": 403, "buddy": 403, "coordinator": 200}),
    "resume": ("paused", 404, {"anonymous": 401, "stranger": 403, "newcomer": 403, "buddy": 403, "coordinator": 200}),
    "end": ("active", 404, {"anonymous": 401, "stranger": 403, "newcomer": 403, "buddy": 403, "coordinator": 200}),
    "match.accept": ("proposed", "not_found", {"anonymous": 401, "newcomer": "applied", "buddy": "applied"}),
    "match.decline": ("proposed", "not_found", {"anonymous": 401, "buddy": "applied", "newcomer": "conflict"}),
    "match.end": ("active", "not_found", {"anonymous": 401, "newcomer": "applied", "buddy": "conflict"}),
    "match.evaluate": ("ended", "not_found", {"anonymous": 401, "newcomer": "applied", "buddy": "applied"}),
}


def start(app, world, state):
    """Make the branch's match in `state` (None: no match) and a match of two others (the stranger's)."""
    with app.app_context():
        coordinator = db.session.get(type(world.coordinator), world.coordinator.id)
        other = service.propose(coordinator, world.newcomer2.id, world.buddy2.id)
        if state is None:
            return None
        match = service.propose(coordinator, world.newcomer.id, world.buddy.id)
        newcomer, buddy = (db.session.get(type(world.newcomer), u.id) for u in (world.newcomer, world.buddy))
        if state != "proposed":
            service.apply_accept(newcomer, match.id)
            service.apply_accept(buddy, match.id)
            db.session.commit()
        if state in ("active", "paused", "ended"):
            service.approve(coordinator, match.id)
        if state == "paused":
            service.pause(coordinator, match.id)
        if state == "ended":
            service.end(coordinator, match.id, "completed")
        assert other.id != match.id
        return match.id


def snapshot(app, match_id):
    with app.app_context():
        match = db.session.get(Match, match_id)
        events = db.session.scalar(db.select(db.func.count()).where(MatchEvent.match_id == match_id))
        return match.status, match.newcomer_answer, match.buddy_answer, events


def call(app, world, actor, action, match_id):
    """Do `action` as `actor`; return what came back in the table's terms."""
    client = app.test_client()
    auth = AuthActions(client)
    if actor != "anonymous":
        user = world.newcomer2 if actor == "stranger" else getattr(world, actor)
        assert auth.login(user.email).status_code == 200
    if action.startswith("match."):
        args = {"match_id": str(match_id)}
        args.update({"match.end": {"reason": "moved"}, "match.evaluate": {"avoid": False, "rating": 4},
                     "match.decline": {"reason": "no_time"}}.get(action, {}))
        device = Device(auth)
        response = device.push(device.mutation(action, **args))
        if response.status_code != 200:
            return response.status_code
        result = response.json["results"][0]
        return result["status"] if result["status"] == "applied" else result["code"]
    if action == "list":
        response = client.get("/api/matches")
        if response.status_code == 200 and response.json == []:
            return "empty"
        return response.status_code
    if action == "propose":
        return auth.post("/api/matches", json={"newcomer_id": str(world.newcomer.id),
                                               "buddy_id": str(world.buddy.id)}).status_code
    if action == "get":
        return client.get(f"/api/matches/{match_id}").status_code
    body = {"reason": "completed"} if action == "end" else {}
    return auth.post(f"/api/matches/{match_id}/{action}", json=body).status_code


@pytest.mark.parametrize("action", list(TABLE))
def test_authorization_table(app, world, action):
    state, default, expected = TABLE[action]
    match_id = start(app, world, state)
    allowed = {a for a, outcome in expected.items() if outcome in (200, 201, "applied")}
    late = {a for a, outcome in expected.items() if outcome == "conflict"}  # the other party, after the first
    order = [a for a in ACTORS if a not in allowed | late] + [a for a in ACTORS if a in allowed] + sorted(late)
    for actor in order:
        before = snapshot(app, match_id) if match_id else None
        outcome = call(app, world, actor, action, match_id)
        assert outcome == expected.get(actor, default), (action, actor, outcome)
        if actor not in allowed | late and match_id:
            assert snapshot(app, match_id) == before, (action, actor)


def test_a_forbidden_match_answers_404_without_data(app, world):
    match_id = start(app, world, "active")
    for actor in ("stranger", "other_coordinator", "province", "nation"):
        client = app.test_client()
        user = world.newcomer2 if actor == "stranger" else getattr(world, actor)
        AuthActions(client).login(user.email)
        body = client.get(f"/api/matches/{match_id}").get_data(as_text=True)
        assert "Amal" not in body and "Sanne" not in body and str(world.newcomer.id) not in body
