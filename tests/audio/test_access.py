"""Who may record where, and who may listen: the pair, the branch, nobody else (404)."""
import json
import uuid

import sqlalchemy as sa

from backend.accounts import service as accounts
from backend.extensions import db
from tests.audio import media
from tests.audio.conftest import stored, upload


def test_who_may_record_for_a_pair(pair):
    people = pair.people
    expected = {"buddy": 201, "newcomer": 201, "coordinator": 404, "province": 404, "buddy2": 404, "newcomer2": 404}
    for name, status in expected.items():
        response = upload(getattr(people, name), media.webm(), match_id=pair.match_id)
        assert response.status_code == status, (name, response.json)
    assert stored(pair.app) == 2


def test_who_may_record_for_the_branch(pair):
    people = pair.people
    expected = {"coordinator": 201, "other_coordinator": 201, "province": 403, "nation": 403,
                "buddy": 403, "newcomer": 403}
    for name, status in expected.items():
        response = upload(getattr(people, name), media.webm())
        assert response.status_code == status, (name, response.json)
    # Each row is in the feed under its branch's scope (the phrases feature provides branch:<org id>).
    from backend.orgs.service import get_by_code
    from backend.sync.models import SyncChange

    with pair.app.app_context():
        feed = db.session.scalars(sa.select(SyncChange).where(SyncChange.entity == "phrase_audio")).all()
        assert sorted(c.scope for c in feed) == sorted(f"branch:{get_by_code(code).id}" for code in ("GM0344", "GM0363"))
        assert all(json.loads(c.data)["by"] == "coordinator" for c in feed)


def test_the_403_for_a_province_says_who_can_record(pair):
    response = upload(pair.people.province, media.webm())
    assert response.status_code == 403 and "coördinator van een gemeente" in response.json["message"]


def test_a_paused_match_takes_no_recording(pair):
    response = pair.people.coordinator.post(f"/api/matches/{pair.match_id}/pause", json={})
    assert response.status_code == 200
    response = upload(pair.buddy, media.webm(), match_id=pair.match_id)
    assert response.status_code == 409 and "pauze" in response.json["message"]
    assert stored(pair.app) == 0


def test_an_unknown_match_is_not_found(pair):
    assert upload(pair.buddy, media.webm(), match_id=uuid.uuid4()).status_code == 404


def test_anonymous_gets_401(client):
    assert client.put(f"/api/audio/{uuid.uuid4()}").status_code == 401
    assert client.get(f"/api/audio/{uuid.uuid4()}").status_code == 401


# -- download --------------------------------------------------------------------------------

def test_the_pair_hears_the_clip_with_its_mime_and_an_etag(pair):
    data = media.ogg()
    row = upload(pair.buddy, data, match_id=pair.match_id).json
    response = pair.newcomer.get(row["url"], headers={"Accept-Encoding": "gzip, br"})
    assert response.status_code == 200 and response.data == data
    assert response.mimetype == "audio/ogg"
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "Content-Encoding" not in response.headers  # audio is never compressed again
    import hashlib

    assert response.headers["ETag"] == f'"{hashlib.sha256(data).hexdigest()}"'
    again = pair.newcomer.get(row["url"], headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == response.headers["ETag"]
    assert pair.newcomer.get(row["url"], headers={"If-None-Match": f'W/{response.headers["ETag"]}'}).status_code == 304
    assert pair.newcomer.get(row["url"], headers={"If-None-Match": '"other"'}).status_code == 200


def test_nobody_outside_the_pair_hears_it(pair):
    row = upload(pair.buddy, media.webm(), match_id=pair.match_id).json
    people = pair.people
    for name in ("coordinator", "province", "newcomer2", "buddy2"):
        assert getattr(people, name).get(row["url"]).status_code == 404, name
    assert pair.buddy.get(f"/api/audio/{uuid.uuid4()}").status_code == 404


def test_a_branch_clip_is_heard_in_the_branch_only(pair):
    row = upload(pair.people.coordinator, media.webm()).json
    for name in ("newcomer", "buddy", "coordinator", "newcomer2"):
        assert getattr(pair.people, name).get(row["url"]).status_code == 200, name
    for name in ("other_coordinator", "province", "nation"):
        assert getattr(pair.people, name).get(row["url"]).status_code == 404, name


def test_a_paused_pair_still_hears_its_clips(pair):
    row = upload(pair.buddy, media.webm(), match_id=pair.match_id).json
    pair.people.coordinator.post(f"/api/matches/{pair.match_id}/pause", json={})
    assert pair.newcomer.get(row["url"]).status_code == 200


def test_an_ended_match_takes_its_clips_from_both_phones_and_from_the_server(pair):
    row = upload(pair.buddy, media.webm(), match_id=pair.match_id).json
    upload(pair.buddy, media.webm(), match_id=pair.other_match_id)  # not theirs: Lotte's pair
    pair.newcomer.device.pull()
    assert row["id"] in pair.newcomer.device.entities("phrase_audio")
    response = pair.people.coordinator.post(f"/api/matches/{pair.match_id}/end", json={"reason": "other"})
    assert response.status_code == 200, response.json
    for person in (pair.newcomer, pair.buddy):
        assert person.get(row["url"]).status_code == 404
    pages = pair.newcomer.device.pull()
    assert any(f"match:{pair.match_id}" in page["drop_scope"] for page in pages)
    assert pair.newcomer.device.entities("phrase_audio") == {}
    assert stored(pair.app) == 0  # the pair's voices are not kept once the pair has ended


def test_clips_go_with_their_recorder_and_their_match(pair, app):
    """Erasure: the rows cascade in the database (foreign keys), nothing is left behind."""
    from backend.matching.models import Match

    upload(pair.people.coordinator, media.webm())
    upload(pair.buddy, media.webm(), match_id=pair.match_id)
    upload(pair.newcomer, media.webm(), match_id=pair.match_id)
    with app.app_context():
        db.session.delete(accounts.get_user_by_email(pair.world.coordinator.email))
        db.session.commit()
    assert stored(app) == 2
    with app.app_context():
        db.session.delete(db.session.get(Match, uuid.UUID(pair.match_id)))
        db.session.commit()
    assert stored(app) == 0
