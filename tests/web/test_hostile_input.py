"""Every hostile body, to every JSON route with a body: a 4xx in the one error shape, in the
user's language, and nothing written (issue 7, items 11 and 14).

The routes come from the OpenAPI spec, so a new route is covered without touching this file.
To add an input for every route, add a line to HOSTILE: (name, raw body, content type, status).
To add an input for one route (a forged cursor for the pull, say), add a line to PER_ROUTE:
(name, method, path, JSON body with "{client}" for a fresh client id, status).
"""
import http.client
import json
import re
import urllib.parse
import uuid

import pytest
import sqlalchemy as sa

from backend.extensions import db, limiter
from tests.web.test_concurrency import server  # noqa: F401 (a fixture: a live server)
from tests.web.test_errors import assert_error_shape

DEEP = b'{"a":' * 40 + b"1" + b"}" * 40
VERY_DEEP = b"[" * 100_000 + b"]" * 100_000
FLOOD = b"{" + b",".join(b'"k%d":1' % i for i in range(10_000)) + b"}"

HOSTILE = [
    ("deep nesting", DEEP, "application/json", 400),
    ("very deep nesting", VERY_DEEP, "application/json", 400),
    ("huge integer", b'{"mid": 1' + b"0" * 5000 + b"}", "application/json", 400),
    ("long integer", b'{"page": ' + b"9" * 60 + b"}", "application/json", 400),
    ("Infinity", b'{"limit": Infinity}', "application/json", 400),
    ("-Infinity", b'{"limit": -Infinity}', "application/json", 400),
    ("NaN", b'{"limit": NaN}', "application/json", 400),
    ("1e400", b'{"limit": 1e400}', "application/json", 400),
    ("unknown-key flood", FLOOD, "application/json", 422),
    ("lone surrogate", b'{"display_name": "A\\ud800", "email": "\\udfff@x.nl"}', "application/json", 422),
    ("NUL", b'{"display_name": "A\\u0000", "email": "a\\u0000@x.nl"}', "application/json", 422),
    ("wrong content type", b"display_name=x", "application/x-www-form-urlencoded", 415),
    ("invalid JSON", b'{"display_name": ', "application/json", 400),
    ("invalid UTF-8", b'{"display_name": "\xff\xfe"}', "application/json", 400),
]


NEW = "{client}"  # replaced by a fresh client id
PER_ROUTE = [
    ("pull: cursor not base64", "POST", "/api/sync/pull",
     {"client_id": NEW, "schema_version": 1, "cursor": "%%%"}, 422),
    ("pull: limit a string", "POST", "/api/sync/pull", {"client_id": NEW, "schema_version": 1, "limit": "9"}, 422),
    ("pull: cursor with a text position", "POST", "/api/sync/pull",
     {"client_id": NEW, "schema_version": 1, "cursor": "eyJ2IjoxLCJzIjoiNSIsImgiOltdfQ"}, 422),  # {"v":1,"s":"5","h":[]}
    ("pull: cursor with numbers for scopes", "POST", "/api/sync/pull",
     {"client_id": NEW, "schema_version": 1, "cursor": "eyJ2IjoxLCJzIjo1LCJoIjpbMV19"}, 422),  # {"v":1,"s":5,"h":[1]}
    ("pull: cursor that is a list", "POST", "/api/sync/pull",
     {"client_id": NEW, "schema_version": 1, "cursor": "WzEsNSxbXV0"}, 422),  # [1,5,[]]
    ("push: mutations not a list", "POST", "/api/sync/push", {"client_id": NEW, "schema_version": 1, "mutations": {}},
     422),
    ("push: an entry not an object", "POST", "/api/sync/push",
     {"client_id": NEW, "schema_version": 1, "mutations": ["x"]}, 422),
]


def body_routes(app):
    """Return (method, path) of every API operation that takes a JSON body, from the spec."""
    with app.test_request_context():
        from backend.extensions import api

        spec = api.spec.to_dict()
    routes = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if isinstance(operation, dict) and "application/json" in operation.get("requestBody", {}).get("content", {}):
                concrete = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
                routes.append((method.upper(), concrete))
    return sorted(routes)


@pytest.fixture
def logged_in(auth, make_user, monkeypatch):
    monkeypatch.setattr(limiter, "enabled", False)  # the login route gets every input too
    make_user(email="hostile@example.org", name="Original")
    auth.login("hostile@example.org")
    return auth


def row_counts():
    return {table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


@pytest.fixture(scope="module")
def our_messages(tmp_path_factory):
    """Every Dutch msgid marked for translation in the code, freshly extracted (as `make i18n` does)."""
    from backend.i18n import catalogs

    saved, catalogs.TRANSLATIONS = catalogs.TRANSLATIONS, tmp_path_factory.mktemp("pot")
    try:
        return {m.id for m in catalogs.extract() if isinstance(m.id, str) and m.id}
    finally:
        catalogs.TRANSLATIONS = saved


def assert_translated(app, ours, dutch, english):
    """The Dutch answer uses our marked texts (never the libraries' English), and the English
    answer is their English translation (the msgid itself until the catalog has one)."""
    from flask_babel import force_locale, gettext

    pairs = [(dutch["message"], english["message"])]
    pairs += zip(_leaves(dutch.get("errors")), _leaves(english.get("errors")))
    for nl, en in pairs:
        assert nl in ours, f"not a marked message: {nl!r}"
        with app.test_request_context(), force_locale("en"):
            assert en == gettext(nl)


def _leaves(value):
    if isinstance(value, dict):
        return [t for v in value.values() for t in _leaves(v)]
    if isinstance(value, list):
        return [t for v in value for t in _leaves(v)]
    return [] if value is None else [str(value)]


def test_the_spec_lists_the_body_routes(app):
    routes = body_routes(app)
    assert ("POST", "/api/sync/push") in routes and ("PATCH", "/api/auth/me") in routes
    assert ("POST", "/api/auth/login") in routes


@pytest.mark.parametrize("name, raw, content_type, status", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_bodies_are_refused_everywhere(app, logged_in, our_messages, name, raw, content_type, status):
    for method, path in body_routes(app):
        with app.app_context():
            before = row_counts()
        bodies = {}
        for lang in ("nl", "en"):
            response = logged_in._client.open(f"{path}?lang={lang}", method=method, data=raw,
                                              headers=logged_in.headers(**{"Content-Type": content_type}))
            assert response.status_code == status, (method, path, lang, response.json)
            bodies[lang] = assert_error_shape(response, status)
        assert_translated(app, our_messages, bodies["nl"], bodies["en"])
        if name == "unknown-key flood":
            assert len(bodies["nl"]["errors"]) <= 20 and bodies["nl"]["errors_omitted"] >= 9_980
        with app.app_context():
            assert row_counts() == before, (method, path)


def test_the_english_answer_differs_from_the_dutch(app, logged_in):
    dutch = logged_in.post("/api/auth/me", json=None)  # 405: a message every catalog has
    english = logged_in._client.post("/api/auth/me?lang=en", headers=logged_in.headers())
    assert dutch.json["message"] != english.json["message"] == "This action does not exist here."


def test_chunked_body_over_the_limit_is_413_everywhere(app, logged_in, server):  # noqa: F811
    cookie = "; ".join(f"{c.key}={c.value}" for c in logged_in._client._cookies.values())
    host = urllib.parse.urlsplit(server).netloc
    limit = app.config["MAX_CONTENT_LENGTH"]
    for method, path in body_routes(app):
        connection = http.client.HTTPConnection(host, timeout=30)
        chunks = (b'{"display_name": "' + b"a" * (64 * 1024 - 20) + b'",' for _ in range(limit // (64 * 1024) + 2))
        connection.request(method, path, body=chunks, encode_chunked=True, headers={
            "Content-Type": "application/json", "Transfer-Encoding": "chunked",
            "Cookie": cookie, "X-CSRF-Token": logged_in.csrf})
        response = connection.getresponse()
        assert response.status == 413, (method, path, response.read())
        connection.close()


@pytest.mark.parametrize("page", ["1000000000000", str(2**63), "9" * 30])
def test_a_page_too_large_is_422(app, logged_in, our_messages, page):
    dutch, english = (assert_error_shape(logged_in._client.get(f"/api/orgs?page={page}&lang={lang}"), 422)
                      for lang in ("nl", "en"))
    assert set(dutch["errors"]) == {"page"}
    assert_translated(app, our_messages, dutch, english)


@pytest.mark.parametrize("text", ["A\\ud800", "A\\u0000", "\\udfff"])
def test_unstorable_text_is_422_on_rest_routes(app, logged_in, text):
    with app.app_context():
        before = row_counts()
    for path, method, body in (("/api/auth/me", "PATCH", '{"display_name": "%s"}' % text),
                               ("/api/auth/login", "POST", '{"email": "a%s@x.nl", "password": "x"}' % text)):
        response = logged_in._client.open(path, method=method, data=body, headers=logged_in.headers(
            **{"Content-Type": "application/json"}))
        body = assert_error_shape(response, 422)
        assert list(body["errors"].values()) == [["Deze tekst bevat tekens die we niet kunnen opslaan."]]
    with app.app_context():
        assert row_counts() == before


@pytest.mark.parametrize("name, method, path, body, status", PER_ROUTE, ids=[c[0] for c in PER_ROUTE])
def test_hostile_bodies_for_one_route(app, logged_in, our_messages, name, method, path, body, status):
    raw = json.dumps(body).replace('"{client}"', json.dumps(str(uuid.uuid4())))
    with app.app_context():
        before = row_counts()
    answers = {}
    for lang in ("nl", "en"):
        response = logged_in._client.open(f"{path}?lang={lang}", method=method, data=raw,
                                          headers=logged_in.headers(**{"Content-Type": "application/json"}))
        answers[lang] = assert_error_shape(response, status)
    assert_translated(app, our_messages, answers["nl"], answers["en"])
    with app.app_context():
        assert row_counts() == before


def test_a_csrf_header_with_non_ascii_bytes_is_403_everywhere(app, logged_in, our_messages):
    """Headers arrive as latin-1 text: a token with bytes above 127 must be refused, not crash."""
    for method, path in body_routes(app):
        if path in ("/api/auth/login", "/api/auth/activate", "/api/auth/password-reset",
                    "/api/auth/password-reset/confirm", "/api/buddies/signup"):
            continue  # no session yet (or, for the public sign-up, none acted on), so no token to check
        with app.app_context():
            before = row_counts()
        answers = {}
        for lang in ("nl", "en"):
            response = logged_in._client.open(f"{path}?lang={lang}", method=method, json={},
                                              headers={"X-CSRF-Token": "t\u00e9st\u00ff"})
            answers[lang] = assert_error_shape(response, 403)
        assert_translated(app, our_messages, answers["nl"], answers["en"])
        with app.app_context():
            assert row_counts() == before, (method, path)
