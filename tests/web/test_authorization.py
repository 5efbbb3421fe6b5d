"""Every API route but a few public ones needs a login: checked for every route the app has."""
import re

import pytest

from backend import create_app
from backend.config import TestConfig

PUBLIC = {"/api/health", "/api/auth/login", "/api/auth/activate", "/api/auth/password-reset",
          "/api/auth/password-reset/confirm", "/api/openapi.json", "/api/docs/", "/api/docs/init.js",
          "/api/docs/assets/<path:name>",
          "/api/catalogues", "/api/catalogues/municipalities", "/api/buddies/signup",  # the public buddy sign-up page
          "/api/calendar/feed/<token>.ics"}  # polled by calendar apps: the token is the secret


def api_routes():
    app = create_app(TestConfig)
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") and rule.rule not in PUBLIC:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, rule.rule


@pytest.mark.parametrize("method, rule", list(api_routes()))
def test_route_needs_login(client, method, rule):
    url = re.sub(r"<(?:\w+:)?\w+>", "x", re.sub(r"<uuid:\w+>", "00000000-0000-4000-8000-000000000000", rule))
    response = client.open(url, method=method, json={} if method != "GET" else None)
    assert response.status_code == 401, (method, rule, response.status_code)
    assert response.json["code"] == 401
