"""GET /api/catalogues: public, translated, cacheable."""
from backend.catalogues import catalogue


def test_catalogues_are_public_and_complete(client):
    response = client.get("/api/catalogues?lang=nl")
    assert response.status_code == 200
    body = response.json
    assert [e["code"] for e in body["languages"]] == catalogue.codes("languages")
    assert {"code": "nl", "label": "Nederlands"} in body["languages"]
    assert set(body["goals"]) == {"taal", "werk", "meedoen"}
    assert body["privacy_version"] == catalogue.PRIVACY_VERSION
    for name in catalogue.ALL:
        assert body[name], name


def test_labels_are_in_the_asked_language_and_codes_stay(app, client):
    from flask_babel import force_locale

    for lang in ("en", "ar"):
        body = client.get("/api/catalogues", headers={"Accept-Language": lang}).json
        with app.test_request_context(), force_locale(lang):
            expected = catalogue.translated()
        assert body == expected, lang
        assert [e["code"] for e in body["interests"]] == catalogue.codes("interests")


def test_an_unchanged_catalogue_answers_304_to_its_etag(client):
    first = client.get("/api/catalogues?lang=en")
    etag = first.headers["ETag"]
    assert "no-store" not in first.headers["Cache-Control"]
    again = client.get("/api/catalogues?lang=en", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert "Accept-Language" in again.headers["Vary"]  # a shared cache keeps one answer per language
    outdated = client.get("/api/catalogues?lang=en", headers={"If-None-Match": '"something-older"'})
    assert outdated.status_code == 200 and outdated.json == first.json
