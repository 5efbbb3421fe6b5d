"""A branch's own phrases over REST: who may, the rules, and what every phone of the branch pulls."""
import uuid

from backend.phrases import branch
from tests.matching.conftest import OTHER_BRANCH

PHRASE = {"nl": "Waar is de voedselbank?", "theme": "winkelen", "level": "A1",
          "translations": {"en": "Where is the food bank?", "ar": "أين بنك الطعام؟"}, "note": "Hoofdstraat 12"}


def add(person, **overrides):
    return person.post("/api/phrases/branch", {**PHRASE, **overrides})


def test_a_municipal_coordinators_phrase_reaches_every_phone_of_the_branch(people):
    response = add(people.coordinator)
    assert response.status_code == 201, response.json
    phrase = response.json
    assert phrase["id"].startswith("org:") and phrase["translations"]["en"] == "Where is the food bank?"
    people.newcomer.device.pull()
    assert people.newcomer.device.entities("org_phrase")[phrase["id"]]["nl"] == "Waar is de voedselbank?"
    people.other_coordinator.device.pull()
    assert people.other_coordinator.device.entities("org_phrase") == {}  # another branch never sees it
    listed = people.coordinator.get("/api/phrases/branch").json
    assert [p["id"] for p in listed] == [phrase["id"]]


def test_a_change_and_a_removal_reach_the_phones(people):
    phrase = add(people.coordinator).json
    url = f"/api/phrases/branch/{phrase['id'].removeprefix('org:')}"
    changed = people.coordinator.auth.patch(url, json={"level": "A2", "translations": {"tr": "Gıda bankası nerede?"}})
    assert changed.status_code == 200 and changed.json["level"] == "A2"
    assert changed.json["translations"] == {"tr": "Gıda bankası nerede?"} and changed.json["nl"] == PHRASE["nl"]
    people.newcomer.device.pull()
    assert people.newcomer.device.entities("org_phrase")[phrase["id"]]["level"] == "A2"
    removed = people.coordinator.auth._client.delete(url, headers=people.coordinator.auth.headers())
    assert removed.status_code == 204
    people.newcomer.device.pull()
    assert people.newcomer.device.entities("org_phrase") == {}


def test_province_and_nation_coordinators_and_other_users_are_refused(people):
    for person in (people.province, people.nation, people.newcomer, people.buddy):
        assert add(person).status_code == 403
        assert person.get("/api/phrases/branch").status_code == 403


def test_another_branchs_phrase_answers_404_as_a_missing_one(people):
    phrase = add(people.coordinator).json
    url = f"/api/phrases/branch/{phrase['id'].removeprefix('org:')}"
    other = people.other_coordinator
    assert other.auth.patch(url, json={"level": "B1"}).status_code == 404
    assert other.auth._client.delete(url, headers=other.auth.headers()).status_code == 404
    assert other.auth.patch(f"/api/phrases/branch/{uuid.uuid4()}", json={"level": "B1"}).status_code == 404
    assert other.get("/api/phrases/branch").json == []
    assert OTHER_BRANCH  # the other coordinator's own branch


def test_an_unknown_theme_level_or_language_is_a_translated_422(people):
    for bad in ({"theme": "sterrenkunde"}, {"level": "C2"}, {"translations": {"xx": "?"}},
                {"translations": {"nl": "dubbel"}}, {"nl": "   "}):
        response = add(people.coordinator, **bad)
        assert response.status_code == 422, (bad, response.json)
        assert response.json["message"] and response.json["errors"]
    english = people.coordinator.auth.post("/api/phrases/branch", json={**PHRASE, "theme": "x"},
                                           headers={"Accept-Language": "en"})
    assert english.status_code == 422


def test_a_branch_has_at_most_its_limit_of_phrases(people, monkeypatch):
    monkeypatch.setattr(branch, "MAX_PER_BRANCH", 2)
    assert [add(people.coordinator, nl=f"Zin {n}").status_code for n in range(3)] == [201, 201, 409]
    assert "2" in add(people.coordinator).json["message"]


def test_removing_a_branch_phrase_removes_its_recordings_everywhere(app, people):
    from tests.audio.conftest import stored, upload
    from tests.audio.media import webm

    phrase = add(people.coordinator).json
    recorded = upload(people.coordinator, webm(1.0), phrase_id=phrase["id"])
    assert recorded.status_code == 201, recorded.json
    people.newcomer.device.pull()
    assert [row["phrase_id"] for row in people.newcomer.device.entities("phrase_audio").values()] == [phrase["id"]]
    url = f"/api/phrases/branch/{phrase['id'].removeprefix('org:')}"
    assert people.coordinator.auth._client.delete(url, headers=people.coordinator.auth.headers()).status_code == 204
    assert stored(app) == 0
    people.newcomer.device.pull()
    assert people.newcomer.device.entities("phrase_audio") == {}
    assert people.newcomer.auth._client.get(recorded.json["url"]).status_code == 404
