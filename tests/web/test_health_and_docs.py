"""Health, the OpenAPI contract, the docs UI (no CDN) and security headers."""


def test_health_says_ok(client):
    response = client.get("/api/health")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_openapi_spec_describes_the_api(client):
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.")
    for path in ("/api/auth/login", "/api/auth/me", "/api/sync/push", "/api/sync/pull", "/api/health"):
        assert path in spec["paths"], path
    assert spec["paths"]["/api/auth/login"]["post"]["summary"]


def test_docs_ui_is_served_from_this_server(client):
    page = client.get("/api/docs/").get_data(as_text=True)
    assert "http://" not in page and "https://" not in page and "//" not in page.replace("<!doctype", "")
    with client.get("/api/docs/assets/swagger-ui-bundle.js") as response:
        assert response.status_code == 200 and len(response.data) > 100_000
    assert client.get("/api/docs/init.js").status_code == 200
    assert client.get("/api/docs/assets/../../secret").status_code == 404


def test_security_headers(client):
    response = client.get("/api/health")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
