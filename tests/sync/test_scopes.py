"""Scopes: a user only ever receives rows of scopes they hold; losing one drops its rows."""
import marshmallow as ma
import pytest

from backend.sync import changes, registry
from backend.sync.scopes import require_scope
from tests.sync.helpers import Device


class NoteArgs(ma.Schema):
    id = ma.fields.String(required=True)
    scope = ma.fields.String(required=True)
    text = ma.fields.String(required=True)


@pytest.fixture
def note_mutation():
    """A feature-like mutation in a match scope, registered the way features register theirs."""

    def note_put(user, args):
        require_scope(user, args["scope"])
        changes.record_put("note", args["id"], args["scope"], {"text": args["text"]})

    registry.mutation("note.put", NoteArgs())(note_put)
    yield
    del registry.MUTATIONS["note.put"]


@pytest.fixture
def pair(app, auth, make_user, make_match):
    newcomer = make_user("newcomer", email="n@example.org")
    buddy = make_user("buddy", email="b@example.org")
    stranger = make_user("buddy", email="s@example.org")
    match = make_match(newcomer, buddy)
    return newcomer, buddy, stranger, match


def login_device(app, email):
    from tests.conftest import AuthActions

    auth = AuthActions(app.test_client())
    assert auth.login(email).status_code == 200
    return Device(auth)


def test_party_receives_match_rows_and_stranger_never_does(app, pair, note_mutation):
    newcomer, buddy, stranger, match = pair
    n, s = login_device(app, "n@example.org"), login_device(app, "s@example.org")
    result = n.push(n.mutation("note.put", id="x1", scope=f"match:{match.id}", text="Koffie?")).json["results"][0]
    assert result["status"] == "applied"
    b = login_device(app, "b@example.org")
    b.pull()
    assert b.entities("note") == {"x1": {"text": "Koffie?"}}
    s.pull()
    assert s.entities("note") == {}
    assert {row["scope"] for row in s.rows.values()} == {f"user:{stranger.id}"}


def test_change_in_a_scope_the_user_lacks_is_rejected(app, pair, note_mutation):
    newcomer, buddy, stranger, match = pair
    s = login_device(app, "s@example.org")
    result = s.push(s.mutation("note.put", id="x1", scope=f"match:{match.id}", text="sneaky")).json["results"][0]
    assert result["status"] == "rejected" and result["code"] == "scope_forbidden"
    n = login_device(app, "n@example.org")
    n.pull()
    assert n.entities("note") == {}


def test_ending_a_match_drops_its_rows_and_rejects_queued_changes(app, pair, note_mutation):
    from backend.matching.service import end_match

    newcomer, buddy, stranger, match = pair
    n, b = login_device(app, "n@example.org"), login_device(app, "b@example.org")
    n.push(n.mutation("note.put", id="x1", scope=f"match:{match.id}", text="Tot dinsdag"))
    n.pull(), b.pull()
    assert "x1" in b.entities("note")
    with app.app_context():
        end_match(match.id)
    body = b.pull()[0]
    assert body["drop_scope"] == [f"match:{match.id}"]
    assert b.entities("note") == {}
    queued = n.push(n.mutation("note.put", id="x2", scope=f"match:{match.id}", text="offline written")).json
    assert queued["results"][0]["code"] == "scope_forbidden"
    n.pull()
    assert n.entities("note") == {}
    assert [x["code"] for x in n.entities("notice").values()] == ["scope_forbidden"]


def set_match_status(app, match_id, status):
    from backend.extensions import db
    from backend.matching.models import Match

    with app.app_context():
        db.session.get(Match, match_id).status = status
        db.session.commit()


def test_gaining_a_scope_sends_its_full_snapshot(app, pair, note_mutation):
    """Rows written before the user held the scope lie below their cursor: only a snapshot brings them."""
    newcomer, buddy, stranger, match = pair
    n, b = login_device(app, "n@example.org"), login_device(app, "b@example.org")
    for i in range(5):
        n.push(n.mutation("note.put", id=f"old{i}", scope=f"match:{match.id}", text=str(i)))
    set_match_status(app, match.id, "agreed")
    b.pull()
    assert b.entities("note") == {}  # agreed, not yet approved: the scope is not held
    set_match_status(app, match.id, "active")
    n.push(n.mutation("note.put", id="new", scope=f"match:{match.id}", text="weer actief"))
    pages = b.pull(limit=2)
    assert set(b.entities("note")) == {"old0", "old1", "old2", "old3", "old4", "new"}
    assert len(pages) >= 3 and all(len(p["changes"]) <= 2 for p in pages)


def test_a_lost_reply_is_harmless_the_old_cursor_resends(app, pair, note_mutation):
    newcomer, buddy, stranger, match = pair
    n, b = login_device(app, "n@example.org"), login_device(app, "b@example.org")
    n.push(n.mutation("note.put", id="x1", scope=f"match:{match.id}", text="een"))
    before = b.cursor
    lost = b.pull_page().json  # the reply never arrives: b does not apply it
    assert lost["changes"]
    b.cursor = before
    b.pull()
    assert b.entities("note") == {"x1": {"text": "een"}}


def test_up_to_date_pull_moves_past_other_users_writes_and_still_gets_its_own(app, pair, note_mutation):
    """The one-statement answer: others' writes advance the cursor without rows; an own-scope
    write after that still arrives (and a write in the match from the other side too)."""
    newcomer, buddy, stranger, match = pair
    n, b = login_device(app, "n@example.org"), login_device(app, "b@example.org")
    s = login_device(app, "s@example.org")
    n.pull()
    before = n.cursor
    pushed = s.push(s.mutation("profile.update", display_name="Iemand anders"))  # another user's scope
    assert pushed.json["results"][0]["status"] == "applied", pushed.json
    page = n.pull()[-1]
    assert page["changes"] == [] and n.cursor != before  # moved on to the new head, nothing sent
    assert n.pull()[-1]["cursor"] == n.cursor  # nothing new: the same cursor comes back
    b.push(b.mutation("note.put", id="m1", scope=f"match:{match.id}", text="Tot morgen"))
    assert [c["id"] for c in n.pull()[-1]["changes"]] == ["m1"]


def test_a_user_in_many_matches_still_syncs_every_scope(app, auth, make_user, make_match, note_mutation):
    """More scopes than the head statement probes one by one (HELD_SLOTS): the slow path."""
    from backend.sync.pull import HELD_SLOTS

    buddy = make_user("buddy", email="b@example.org")
    matches = [make_match(make_user("newcomer"), buddy) for _ in range(HELD_SLOTS + 1)]
    b = login_device(app, "b@example.org")
    b.pull()
    assert {row["scope"] for row in b.rows.values()} == {f"user:{buddy.id}"}
    for i, match in enumerate(matches):
        b.push(b.mutation("note.put", id=f"n{i}", scope=f"match:{match.id}", text=str(i)))
    other = login_device(app, "b@example.org")
    other.pull()
    assert set(other.entities("note")) == {f"n{i}" for i in range(HELD_SLOTS + 1)}
    b.push(b.mutation("note.put", id="late", scope=f"match:{matches[-1].id}", text="laat"))
    assert [c["id"] for c in other.pull()[-1]["changes"]] == ["late"]
    assert other.pull()[-1]["changes"] == []
