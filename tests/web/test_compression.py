"""API answers are compressed (Brotli or gzip, as the client accepts) above a size, never with a secret."""
import gzip
import json

import brotli
import pytest
from flask import Response

from backend.web import compression
from tests.conftest import PASSWORD

DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.fixture
def big_feed(app, amal):
    """300 notices in Amal's scope: a pull page of about 60 KB of JSON."""
    from backend.extensions import db
    from backend.sync import changes

    with app.app_context():
        for i in range(300):
            changes.record_put("notice", f"n{i}", f"user:{amal.id}", {"id": f"n{i}", "message": f"Afspraak {i} bij de gemeente"})
        db.session.commit()


def pull(auth, accept=None, cursor=None, client_id="5f0c3d1e-2a4b-4c6d-8e9f-0a1b2c3d4e5f"):
    headers = {"Accept-Encoding": accept} if accept is not None else {}
    return auth.post("/api/sync/pull", json={"client_id": client_id, "schema_version": 1, "cursor": cursor, "limit": 500},
                     headers=headers)


@pytest.mark.parametrize("accept, encoding", [("gzip, deflate, br", "br"), ("gzip, deflate", "gzip"),
                                              ("br;q=0, gzip", "gzip"), ("*", "br")])
def test_a_big_pull_is_compressed_and_decodes_to_the_same_json(auth, big_feed, accept, encoding):
    plain = pull(auth)
    packed = pull(auth, accept)
    assert packed.status_code == 200
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    body = packed.get_data()
    assert int(packed.headers["Content-Length"]) == len(body)
    assert len(body) < len(plain.get_data()) / 4
    assert json.loads(DECODE[encoding](body)) == plain.json
    assert len(plain.json["changes"]) == 301  # the notices and Amal's profile


def test_without_accept_encoding_a_big_pull_is_sent_as_it_is(auth, big_feed):
    for accept in (None, "identity", "gzip;q=0, br;q=0"):
        response = pull(auth, accept)
        assert "Content-Encoding" not in response.headers
        assert len(response.json["changes"]) == 301


def test_a_small_answer_is_not_compressed(auth, big_feed):
    cursor = pull(auth).json["cursor"]
    response = pull(auth, "gzip, br", cursor=cursor)  # up to date: a few hundred bytes
    assert response.json["changes"] == []
    assert len(response.get_data()) < compression.MIN_SIZE
    assert "Content-Encoding" not in response.headers


def test_answers_with_the_csrf_token_are_never_compressed_even_when_large(auth, client, amal, monkeypatch):
    monkeypatch.setattr(compression, "MIN_SIZE", 1)  # every other JSON answer would be compressed now
    accept = {"Accept-Encoding": "gzip, deflate, br"}
    login = client.post("/api/auth/login", json={"email": "amal@example.org", "password": PASSWORD}, headers=accept)
    auth.csrf = login.json["csrf_token"]
    me = client.get("/api/auth/me", headers=accept)
    password = auth.post("/api/auth/password", json={"current_password": PASSWORD, "new_password": "een-nieuw-lang-wachtwoord"},
                         headers=accept)
    for response in (login, me, password):
        assert response.status_code == 200
        assert "csrf_token" in response.json
        assert "Content-Encoding" not in response.headers
    auth.csrf = password.json["csrf_token"]
    assert pull(auth, "gzip").headers["Content-Encoding"] == "gzip"  # the threshold did change


def test_an_answer_already_encoded_is_left_alone(app):
    body = gzip.compress(json.dumps({"x": "y" * 5000}).encode())
    with app.test_request_context(headers={"Accept-Encoding": "br, gzip"}):
        response = compression.compress(Response(body, mimetype="application/json", headers={"Content-Encoding": "gzip"}))
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.get_data() == body
