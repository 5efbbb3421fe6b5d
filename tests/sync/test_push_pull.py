"""Push and pull through the API: exactly once, gaps, rejections, limits, schema versions."""
import uuid

import pytest
import sqlalchemy as sa

from tests.sync.helpers import Device, expire_one_tombstone


def test_profile_update_round_trip(device, amal):
    response = device.push(device.mutation("profile.update", display_name="Amal H.", locale="ar"))
    assert response.status_code == 200
    assert response.json["results"][0]["status"] == "applied"
    assert response.json["last_mutation_id"] == 1
    device.pull()
    assert device.entities("profile")[str(amal.id)]["display_name"] == "Amal H."
    assert device.last_mutation_id == 1


def test_push_twice_applies_once(device, client):
    first = device.mutation("profile.update", availability=[{"day": 0, "start": "09:00", "end": "11:00"}])
    assert device.push(first).json["results"][0]["status"] == "applied"
    again = device.push(first).json["results"][0]
    assert again["status"] == "duplicate" and again["current"]["availability"][0]["day"] == 0
    device.pull()
    assert len(device.entities("notice")) == 0


def test_gap_stops_the_batch(device):
    m1 = device.mutation("profile.update", display_name="One")
    device.mutation("profile.update", display_name="Lost")  # mid 2 never sent
    m3 = device.mutation("profile.update", display_name="Three")
    body = device.push(m1, m3).json
    assert [r["mid"] for r in body["results"]] == [1]
    assert body["stopped"] == {"mid": 3, "code": "gap", "expected": 2}
    assert body["last_mutation_id"] == 1


def test_rejection_advances_and_leaves_a_notice(device, amal):
    bad = device.mutation("profile.update", display_name="")
    good = device.mutation("profile.update", display_name="Fine")
    body = device.push(bad, good).json
    assert [r["status"] for r in body["results"]] == ["rejected", "applied"]
    assert body["results"][0]["code"] == "invalid_args" and body["results"][0]["message"]
    assert body["last_mutation_id"] == 2
    device.pull()
    notices = list(device.entities("notice").values())
    assert [(n["code"], n["mutation"]) for n in notices] == [("invalid_args", "profile.update")]
    assert device.entities("profile")[str(amal.id)]["display_name"] == "Fine"


def test_unknown_mutation_is_rejected_with_a_clear_code(device):
    result = device.push(device.mutation("meeting.teleport", to="Mars")).json["results"][0]
    assert result["status"] == "rejected" and result["code"] == "unknown_mutation"


def test_push_of_another_users_client_is_403(app, auth, client, device, make_user):
    device.push(device.mutation("profile.update", display_name="Mine"))
    make_user(email="other@example.org")
    auth.logout()
    auth.login("other@example.org")
    response = Device(auth, client_id=device.client_id).push({"mid": 2, "name": "profile.update", "args": {}})
    assert response.status_code == 403 and response.json["message"]
    assert Device(auth, client_id=device.client_id).pull_page().status_code == 403


def test_batch_too_large_is_413_and_applies_nothing(device):
    mutations = [device.mutation("profile.update", display_name=f"n{i}") for i in range(101)]
    response = device.push(*mutations)
    assert response.status_code == 413 and "100" in response.json["message"]
    assert device.pull_page().json["last_mutation_id"] == 0


def test_old_schema_version_is_426_and_nothing_applies(device):
    response = device.push(device.mutation("profile.update", display_name="x"), schema_version=0)
    assert response.status_code == 426
    assert device.pull_page(schema_version=0).status_code == 426
    assert device.pull_page().json["last_mutation_id"] == 0


@pytest.mark.parametrize("body", [
    {"schema_version": 1, "mutations": []},
    {"client_id": "not-a-uuid", "schema_version": 1, "mutations": []},
    {"client_id": str(uuid.uuid4()), "schema_version": "1", "mutations": []},
    {"client_id": str(uuid.uuid4()), "schema_version": 1, "mutations": [1, {"mid": 1, "name": "x", "args": {}}]},
    {"client_id": str(uuid.uuid4()), "schema_version": 1, "mutations": {"mid": 1}},
])
def test_malformed_push_is_422(auth, amal, body):
    response = auth.post("/api/sync/push", json=body)
    assert response.status_code == 422 and response.json["errors"]


def test_garbage_cursor_is_422(auth, amal):
    response = auth.post("/api/sync/pull", json={"client_id": str(uuid.uuid4()), "schema_version": 1, "cursor": "abc"})
    assert response.status_code == 422 and "cursor" in response.json["errors"]


def test_push_needs_login_and_csrf(client, auth, amal):
    body = {"client_id": str(uuid.uuid4()), "schema_version": 1, "mutations": []}
    assert client.post("/api/sync/push", json=body).status_code == 403  # logged in, no token
    auth.logout()
    assert client.post("/api/sync/push", json=body).status_code == 401


def test_pull_pages_are_in_order_and_complete(app, device, amal):
    from backend.extensions import db
    from backend.sync import changes

    with app.app_context():
        for i in range(25):
            changes.record_put("note", f"n{i:02}", f"user:{amal.id}", {"i": i})
        db.session.commit()
    pages = device.pull(limit=7)
    assert len(pages) >= 4 and all(len(p["changes"]) <= 7 for p in pages)
    seqs = [c["seq"] for p in pages for c in p["changes"]]
    assert seqs == sorted(seqs)
    assert len(device.entities("note")) == 25


def test_deletes_reach_an_up_to_date_client(app, device, amal):
    from backend.extensions import db
    from backend.sync import changes

    with app.app_context():
        changes.record_put("note", "n1", f"user:{amal.id}", {"text": "hoi"})
        db.session.commit()
    device.pull()
    assert "n1" in device.entities("note")
    with app.app_context():
        changes.record_del("note", "n1", f"user:{amal.id}")
        db.session.commit()
    device.pull()
    assert "n1" not in device.entities("note")


def test_a_fresh_pull_skips_tombstones(app, auth, amal):
    from backend.extensions import db
    from backend.sync import changes

    with app.app_context():
        changes.record_put("note", "n1", f"user:{amal.id}", {})
        db.session.commit()
        changes.record_del("note", "n1", f"user:{amal.id}")
        db.session.commit()
    pages = Device(auth).pull()
    assert all(c["op"] == "put" for p in pages for c in p["changes"])


def test_cursor_older_than_the_tombstone_horizon_resets(app, device, amal):
    device.pull()
    expire_one_tombstone(app, amal.id)
    device.rows[("note", "stale")] = {"scope": f"user:{amal.id}", "data": {}}
    body = device.pull()[0]
    assert body["reset"] is True
    assert ("note", "stale") not in device.rows
    assert str(amal.id) in device.entities("profile")


@pytest.mark.parametrize("cursor", [
    {"v": 1, "s": 10**30, "h": []},
    {"v": 1, "s": -1, "h": []},
    {"v": 1, "s": 1, "h": [], "p": {"sc": [], "at": 0, "to": 2**64}},
    # Forged types: each was taken as a number or a name before, and could come back echoed.
    {"v": 1, "s": "5", "h": []},
    {"v": 1, "s": 5.5, "h": []},
    {"v": True, "s": 5, "h": []},
    {"v": 1, "s": 5, "h": "user:x"},
    {"v": 1, "s": 5, "h": [1, 2]},
    {"v": 1, "s": 5, "h": [], "p": {"sc": ["user:x"], "at": 9, "to": 3}},
    {"v": 1, "s": 5, "h": [], "p": ["user:x"]},
    {"v": 1, "s": 5, "h": [], "x": 1},
    [1, 5, []],
])
def test_out_of_range_or_forged_cursor_is_422(auth, amal, cursor):
    import base64
    import json

    token = base64.urlsafe_b64encode(json.dumps(cursor).encode()).decode()
    response = auth.post("/api/sync/pull", json={"client_id": str(uuid.uuid4()), "schema_version": 1, "cursor": token})
    assert response.status_code == 422


def test_values_the_database_cannot_store_are_rejected_not_retried(device):
    """A NUL character fails on PostgreSQL forever: it must be a rejection, or the queue wedges."""
    bad = device.mutation("profile.update", display_name="Amal\x00")
    good = device.mutation("profile.update", display_name="Amal")
    body = device.push(bad, good).json
    assert [r["status"] for r in body["results"]] == ["rejected", "applied"]
    assert body["results"][0]["code"] == "invalid_args"


def test_a_mutation_name_that_cannot_be_stored_is_rejected(device):
    result = device.push(device.mutation("pro\x00file.update", display_name="x")).json["results"][0]
    assert result["status"] == "rejected" and result["code"] == "unknown_mutation"


def test_cleanup_command_removes_old_tombstones(app, amal):
    from backend.extensions import db
    from backend.sync import changes
    from backend.sync.models import SyncChange

    with app.app_context():
        changes.record_put("note", "n1", f"user:{amal.id}", {})
        db.session.commit()
        changes.record_del("note", "n1", f"user:{amal.id}")
        db.session.commit()
    runner = app.test_cli_runner()
    kept = runner.invoke(args=["sync", "cleanup"])  # default horizon: 180 days, nothing that old
    assert kept.exit_code == 0 and "removed 0 tombstones" in kept.output
    removed = runner.invoke(args=["sync", "cleanup", "--days", "-1"])
    assert removed.exit_code == 0 and "removed 1 tombstones" in removed.output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SyncChange).where(SyncChange.op == "del")) == 0


def test_a_broken_connection_in_a_quick_pull_is_one_error_and_never_reused(device, monkeypatch):
    """The up-to-date answer runs on a pooled connection of its own: when the database drops
    it, the request gets the error shape and that connection never goes back into use."""
    from backend.sync import pull

    device.pull()
    answered = device.cursor
    read_head, broken, used = pull._read_head, [], []

    def breaking(conn, *args):
        broken.append(conn.connection.dbapi_connection)
        conn.connection.dbapi_connection.close()  # as a database restart or a lost network does
        return read_head(conn, *args)

    monkeypatch.setattr(pull, "_read_head", breaking)
    response = device.pull_page()
    assert response.status_code in (500, 503) and response.json["message"]
    monkeypatch.setattr(pull, "_read_head", lambda conn, *args: used.append(conn.connection.dbapi_connection)
                        or read_head(conn, *args))
    assert device.pull()[-1]["cursor"] == answered
    assert used and broken[0] not in used


@pytest.mark.parametrize("forged", [
    {"v": 1, "s": 10**6, "h": []},
    {"v": 1, "s": 0, "h": [], "p": {"sc": [], "at": 0, "to": 10**6}},
])
def test_cursor_beyond_the_feed_head_resets_instead_of_being_echoed(auth, device, amal, forged):
    """A cursor past the head (forged, or from before a restored backup) restarts the view."""
    import base64
    import json

    device.pull()
    held = json.loads(base64.urlsafe_b64decode(device.cursor + "=" * (-len(device.cursor) % 4)))["h"]
    token = base64.urlsafe_b64encode(json.dumps({**forged, "h": held}).encode()).decode().rstrip("=")
    device.cursor = token
    body = device.pull()[0]
    assert body["reset"] is True and body["cursor"] != token
    assert str(amal.id) in device.entities("profile")
