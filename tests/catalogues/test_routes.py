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


def test_the_municipalities_are_public_by_name_and_cacheable(client, db):
    """The sign-up page offers them before any login; an inactive branch is not offered."""
    from backend.orgs.models import Organisation
    from backend.orgs.service import get_by_code, read_municipalities

    first = client.get("/api/catalogues/municipalities")
    assert first.status_code == 200
    rows = first.json
    assert len(rows) == len(read_municipalities()) == 342
    assert {"code": "GM0344", "name": "Utrecht", "province": "Utrecht"} in rows
    assert rows == sorted(rows, key=catalogue.municipality_order)  # by name, on either database
    names = [r["name"] for r in rows]
    assert names.index("Amsterdam") < names.index("Den Haag") < names.index("Haarlem")
    assert names.index("Haarlem") < names.index("'s-Hertogenbosch") < names.index("Hilversum")  # not first
    assert all(r["code"].startswith("GM") for r in rows)  # no provinces, no nation
    again = client.get("/api/catalogues/municipalities", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304

    get_by_code("GM0363").active = False
    db.session.commit()
    codes = [r["code"] for r in client.get("/api/catalogues/municipalities").json]
    assert "GM0363" not in codes and "GM0344" in codes
    assert db.session.get(Organisation, get_by_code("GM0363").id) is not None

