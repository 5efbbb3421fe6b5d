"""Uploading a recording: checked by its content, stored once, in the right scope."""
import uuid

import pytest
from flask_babel import force_locale, gettext

from tests.audio import media
from tests.audio.conftest import national_phrase, stored, upload


@pytest.mark.parametrize("make, mime", [(media.webm, "audio/webm"), (media.ogg, "audio/ogg"),
                                        (media.mp4, "audio/mp4"), (media.wav, "audio/wav")])
def test_a_buddy_records_a_phrase_for_the_pair(pair, make, mime):
    clip_id = str(uuid.uuid4())
    response = upload(pair.buddy, make(1.0), clip_id, match_id=pair.match_id, filename="x.bin")
    assert response.status_code == 201, response.json
    row = response.json
    assert row["id"] == clip_id and row["phrase_id"] == national_phrase()
    assert row["by"] == "buddy" and row["name"] == "Sanne" and row["mime"] == mime
    assert 950 <= row["duration_ms"] <= 1100
    assert row["url"] == f"/api/audio/{clip_id}"
    # Both phones of the pair receive the row; the other pair does not.
    assert pair.newcomer.device.pull() and clip_id in pair.newcomer.device.entities("phrase_audio")
    assert pair.buddy.device.pull() and pair.buddy.device.entities("phrase_audio")[clip_id] == row
    outsider = pair.people.newcomer2
    outsider.device.pull()
    assert outsider.device.entities("phrase_audio") == {}


def test_the_mime_comes_from_the_content_not_the_name_or_header(pair):
    response = pair.buddy.auth._client.put(
        f"/api/audio/{uuid.uuid4()}", headers=pair.buddy.auth.headers(), content_type="multipart/form-data",
        data={"phrase_id": national_phrase(), "match_id": pair.match_id,
              "file": (__import__("io").BytesIO(media.ogg()), "clip.mp3", "audio/mpeg")})
    assert response.status_code == 201 and response.json["mime"] == "audio/ogg"


@pytest.mark.parametrize("data, name", [(media.png(), "foto.png"), (media.random_bytes(), "ruis.webm"),
                                        ("Hallo, dit is tekst.\n".encode() * 50, "tekst.webm"),
                                        (media.video(), "film.webm"), (b"OggS" + media.random_bytes(3000), "kapot.ogg")])
def test_what_is_not_a_recording_is_refused_and_nothing_is_stored(pair, data, name):
    response = upload(pair.buddy, data, match_id=pair.match_id, filename=name)
    assert response.status_code == 415
    assert response.json["message"].startswith("Dit is geen geluidsopname")
    assert stored(pair.app) == 0


def test_a_recording_longer_than_ten_seconds_is_refused(pair):
    response = upload(pair.buddy, media.webm(11), match_id=pair.match_id)
    assert response.status_code == 422
    assert "10 seconden" in response.json["message"]
    assert stored(pair.app) == 0


def test_ten_seconds_and_a_little_is_fine(pair):
    response = upload(pair.buddy, media.webm(10.3), match_id=pair.match_id)
    assert response.status_code == 201 and response.json["duration_ms"] == 10300


def test_a_recording_over_the_size_limit_is_refused(pair):
    big = media.wav(9, rate=16_000)  # 288 KB of PCM: under 10 seconds, over 256 KB
    assert len(big) > 256 * 1024
    response = upload(pair.buddy, big, match_id=pair.match_id)
    assert response.status_code == 413
    assert "256 kB" in response.json["message"]
    assert stored(pair.app) == 0


def test_a_body_over_the_request_limit_is_refused_too(pair):
    # A body made by hand: werkzeug's test builder spools a large file part to a file it never closes.
    body = (b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.webm"\r\n\r\n'
            + media.random_bytes(2 * 1024 * 1024) + b"\r\n--b--\r\n")
    response = pair.buddy.auth._client.put(f"/api/audio/{uuid.uuid4()}", data=body, headers=pair.buddy.auth.headers(),
                                           content_type="multipart/form-data; boundary=b")
    assert response.status_code == 413 and response.json["message"]
    assert stored(pair.app) == 0


def test_no_file_is_a_clear_refusal(pair):
    response = pair.buddy.auth._client.put(
        f"/api/audio/{uuid.uuid4()}", headers=pair.buddy.auth.headers(), content_type="multipart/form-data",
        data={"phrase_id": national_phrase(), "match_id": pair.match_id})
    assert response.status_code == 422 and response.json["message"].startswith("Er zit geen opname bij")
    assert stored(pair.app) == 0


def test_the_refusals_are_in_the_users_language(pair, app):
    pair.buddy.auth.patch("/api/auth/me", json={"locale": "en"})
    response = upload(pair.buddy, media.png(), match_id=pair.match_id)
    with app.test_request_context(), force_locale("en"):
        expected = gettext("Dit is geen geluidsopname die we kunnen afspelen. Neem de zin opnieuw op.")
    assert response.status_code == 415 and response.json["message"] == expected


def test_the_same_id_again_answers_the_stored_clip(pair):
    clip_id = str(uuid.uuid4())
    first = upload(pair.buddy, media.webm(), clip_id, match_id=pair.match_id)
    again = upload(pair.buddy, media.webm(), clip_id, match_id=pair.match_id)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json == first.json
    assert stored(pair.app) == 1


def test_another_users_id_is_not_found(pair):
    clip_id = str(uuid.uuid4())
    assert upload(pair.buddy, media.webm(), clip_id, match_id=pair.match_id).status_code == 201
    response = upload(pair.newcomer, media.webm(), clip_id, match_id=pair.match_id)
    assert response.status_code == 404
    assert stored(pair.app) == 1


def test_a_newer_clip_of_the_same_phrase_replaces_the_older(pair):
    old = upload(pair.buddy, media.webm(), match_id=pair.match_id).json
    other_phrase = upload(pair.buddy, media.webm(), match_id=pair.match_id, phrase_id=national_phrase(1)).json
    pair.newcomer.device.pull()
    assert set(pair.newcomer.device.entities("phrase_audio")) == {old["id"], other_phrase["id"]}
    new = upload(pair.buddy, media.ogg(), match_id=pair.match_id).json
    pair.newcomer.device.pull()
    assert set(pair.newcomer.device.entities("phrase_audio")) == {new["id"], other_phrase["id"]}
    assert stored(pair.app) == 2
    assert pair.newcomer.get(old["url"]).status_code == 404


def test_the_newcomers_shared_attempt_does_not_replace_the_buddys_clip(pair):
    buddys = upload(pair.buddy, media.webm(), match_id=pair.match_id).json
    attempt = upload(pair.newcomer, media.webm(), match_id=pair.match_id)
    assert attempt.status_code == 201 and attempt.json["by"] == "newcomer" and attempt.json["name"] == "Amal"
    pair.buddy.device.pull()
    assert set(pair.buddy.device.entities("phrase_audio")) == {buddys["id"], attempt.json["id"]}


@pytest.mark.parametrize("phrase_id", ["onbekend.thema", "kennismaken", "kennismaken.Hoe heet je", "../../etc",
                                       f"org:{uuid.uuid4()}", "org:niet-een-uuid-maar-wel-36-tekens-lang"])
def test_an_unknown_phrase_is_refused(pair, phrase_id):
    response = upload(pair.buddy, media.webm(), match_id=pair.match_id, phrase_id=phrase_id)
    assert response.status_code == 422 and "phrase_id" in response.json["errors"]
    assert stored(pair.app) == 0


def test_a_branch_phrase_of_the_own_branch_can_be_recorded(pair, app):
    from backend.orgs.service import get_by_code
    from backend.phrases.models import OrgPhrase
    from backend.extensions import db

    with app.app_context():
        own = OrgPhrase(organisation_id=get_by_code("GM0344").id, nl="Het gemeentehuis is aan de Stadsplaats.",
                        theme="gemeente", level="A1")
        elsewhere = OrgPhrase(organisation_id=get_by_code("GM0363").id, nl="Het stadhuis is aan het Amstel.",
                              theme="gemeente", level="A1")
        db.session.add_all([own, elsewhere])
        db.session.commit()
        own_id, elsewhere_id = f"org:{own.id}", f"org:{elsewhere.id}"
    assert upload(pair.buddy, media.webm(), match_id=pair.match_id, phrase_id=own_id).status_code == 201
    assert upload(pair.buddy, media.webm(), match_id=pair.match_id, phrase_id=elsewhere_id).status_code == 422
    coordinator = pair.people.coordinator
    assert upload(coordinator, media.webm(), phrase_id=own_id).status_code == 201


def test_without_the_csrf_header_nothing_is_stored(pair):
    response = pair.buddy.auth._client.put(
        f"/api/audio/{uuid.uuid4()}", content_type="multipart/form-data",
        data={"phrase_id": national_phrase(), "match_id": pair.match_id,
              "file": (__import__("io").BytesIO(media.webm()), "a.webm")})
    assert response.status_code == 403
    assert stored(pair.app) == 0


def test_the_same_id_sent_twice_at_once_is_stored_once(pair, app):
    """Two tabs (or a retry racing the first try) send one clip at the same moment."""
    import threading

    from tests.matching.conftest import Person

    tabs = [Person(app, pair.world.buddy), Person(app, pair.world.buddy)]
    clip_id, data, answers = str(uuid.uuid4()), media.webm(3), []
    barrier = threading.Barrier(2)

    def send(tab):
        barrier.wait()
        answers.append(upload(tab, data, clip_id, match_id=pair.match_id))

    threads = [threading.Thread(target=send, args=(tab,)) for tab in tabs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [200, 201], [a.json for a in answers]
    assert answers[0].json == answers[1].json
    assert stored(app) == 1
