"""The organisation tree over HTTP."""


def test_children_of_a_province_are_listed_with_pagination(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    response = client.get("/api/orgs?parent=PV26&page_size=100")
    assert response.status_code == 200
    codes = [o["code"] for o in response.json]
    assert "GM0344" in codes and all(o["parent_code"] == "PV26" for o in response.json)
    assert '"total": 26' in response.headers["X-Pagination"]


def test_unknown_code_is_404(auth, client, make_user):
    make_user(email="a@example.org")
    auth.login("a@example.org")
    assert client.get("/api/orgs/GM9999").status_code == 404


def test_orgs_need_login(client):
    assert client.get("/api/orgs").status_code == 401
