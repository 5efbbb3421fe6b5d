"""Who may call the intake, vetting, dashboard and read-log routes: one row per route, one column per role.

Roles: anonymous, a newcomer, a buddy, coordinators of the person's branch (Utrecht), of another
branch (Amsterdam), of the province (Utrecht) and of the nation. A forbidden id answers 404.
"""
import uuid

import pytest

from backend.catalogues.catalogue import PRIVACY_VERSION

from tests.people_factories import make_buddy, make_intake  # noqa: F401

ROLES = ("anonymous", "newcomer", "buddy", "branch", "other_branch", "province", "nation")
ORGS = {"newcomer": "GM0344", "buddy": "GM0344", "branch": "GM0344", "other_branch": "GM0363",
        "province": "PV26", "nation": "NL"}
INTAKE = {"display_name": "Nieuw", "locale": "ar", "category": "permit_holder", "languages": ["ar"],
          "dutch_level": "A0", "consents": [{"kind": "privacy", "version": PRIVACY_VERSION}]}

#        method, url,                          body,                       anonymous newcomer buddy branch other province nation
TABLE = [
    ("GET", "/api/catalogues", None,                                        (200, 200, 200, 200, 200, 200, 200)),
    ("GET", "/api/buddies", None,                                           (401, 403, 403, 200, 200, 403, 403)),
    ("GET", "/api/buddies/{buddy}", None,                                   (401, 403, 403, 200, 404, 404, 404)),
    ("POST", "/api/buddies/{buddy}/steps", {"to_state": "intake_done"},     (401, 403, 403, 200, 404, 404, 404)),
    ("GET", "/api/newcomers", None,                                         (401, 403, 403, 200, 200, 403, 403)),
    ("POST", "/api/newcomers", INTAKE,                                      (401, 403, 403, 201, 201, 403, 403)),
    ("GET", "/api/newcomers/{newcomer}", None,                              (401, 403, 403, 200, 404, 404, 404)),
    ("PATCH", "/api/newcomers/{newcomer}", {"dutch_level": "A1"},           (401, 403, 403, 200, 404, 404, 404)),
    ("GET", "/api/dashboard", None,                                         (401, 403, 403, 200, 200, 200, 200)),
    ("GET", "/api/audit/reads", None,                                       (401, 403, 403, 200, 200, 403, 403)),
]
CASES = [(method, url, body, role, codes[i]) for method, url, body, codes in TABLE for i, role in enumerate(ROLES)]


@pytest.mark.parametrize("method, url, body, role, expected", CASES)
def test_authorization_table(auth, client, make_user, make_buddy, make_intake, method, url, body, role, expected):
    ids = {"buddy": make_buddy(name="Sanne"), "newcomer": make_intake(name="Amal")}
    if role != "anonymous":
        user = make_user("coordinator" if role in ("branch", "other_branch", "province", "nation") else role,
                         org=ORGS[role])
        assert auth.login(user.email).status_code == 200
    response = client.open(url.format(**ids), method=method, json=body, headers=auth.headers())
    assert response.status_code == expected, (method, url, role, response.json)
    if expected >= 400:
        assert set(response.json) >= {"code", "message"} and "Sanne" not in response.text and "Amal" not in response.text


@pytest.mark.parametrize("url", ["/api/buddies/{id}", "/api/newcomers/{id}"])
def test_an_unknown_id_is_404_like_a_forbidden_one(auth, client, make_user, url):
    user = make_user("coordinator", org="GM0344")
    auth.login(user.email)
    assert client.get(url.format(id=uuid.uuid4())).status_code == 404


def test_lists_of_another_branch_hold_none_of_ours(auth, client, make_user, make_buddy, make_intake):
    make_buddy(name="Sanne")
    make_intake(name="Amal")
    user = make_user("coordinator", org="GM0363")
    auth.login(user.email)
    assert client.get("/api/buddies").json == [] and client.get("/api/newcomers").json == []


def test_the_routes_are_documented_with_their_answers(app, client):
    spec = client.get("/api/openapi.json").json
    paths = spec["paths"]
    expected = {
        ("/api/catalogues", "get"): {"200", "304"},
        ("/api/buddies/signup", "post"): {"202", "422", "429"},
        ("/api/buddies", "get"): {"200", "401", "403", "422"},
        ("/api/buddies/{buddy_id}", "get"): {"200", "401", "403", "404"},
        ("/api/buddies/{buddy_id}/steps", "post"): {"200", "401", "403", "404", "409", "422"},
        ("/api/newcomers", "get"): {"200", "401", "403"},
        ("/api/newcomers", "post"): {"201", "401", "403", "422"},
        ("/api/newcomers/{newcomer_id}", "get"): {"200", "401", "403", "404"},
        ("/api/newcomers/{newcomer_id}", "patch"): {"200", "401", "403", "404", "422"},
        ("/api/dashboard", "get"): {"200", "401", "403"},
        ("/api/audit/reads", "get"): {"200", "401", "403"},
    }
    for (path, method), codes in expected.items():
        operation = paths[path][method]
        assert codes <= set(operation["responses"]), (path, method, sorted(operation["responses"]))
        assert operation.get("description") or operation.get("summary"), (path, method)
    assert "security" not in paths["/api/buddies/signup"]["post"] and "security" not in paths["/api/catalogues"]["get"]
    signup = spec["components"]["schemas"]["Signup"]
    assert {"display_name", "email", "password", "kind", "languages", "municipality", "privacy_version"} <= set(
        signup["required"])
    assert "klingon" not in signup["properties"]["languages"]["items"].get("enum", []) and \
        "nl" in signup["properties"]["languages"]["items"]["enum"]
