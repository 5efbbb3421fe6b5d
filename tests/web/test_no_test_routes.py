"""The PWA tests' control routes (tests/pwa_server.py) never reach the real app."""


def test_the_app_has_no_test_control_routes(app, client):
    assert not [rule.rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/_test")]
    assert client.post("/_test/reset").status_code in (404, 405)
