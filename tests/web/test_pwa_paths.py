"""The app-shell fallback is no file oracle, and /api never answers the HTML shell (issue 7, item 12)."""
import io

import pytest

from tests.web.test_errors import assert_error_shape


def raw_get(app, path):
    """GET with PATH_INFO exactly as given (the test client would normalise '..')."""
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "SCRIPT_NAME": "", "QUERY_STRING": "",
               "SERVER_NAME": "localhost", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
               "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "wsgi.errors": io.StringIO(),
               "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False}
    status = []
    answer = app.wsgi_app(environ, lambda s, h, e=None: status.append(s))
    try:
        body = b"".join(answer)
    finally:
        answer.close()
    return int(status[0].split()[0]), body


@pytest.mark.parametrize("existing, missing", [
    ("/../../etc/hostname", "/../../etc/nonexistent"),
    ("/../../etc/passwd", "/../../etc/no-such-file"),
    ("/assets/../../../etc/hostname", "/assets/../../../etc/nonexistent"),
    ("/../pyproject.toml", "/../no-such.toml"),
])
def test_paths_outside_the_app_answer_alike(app, existing, missing):
    assert raw_get(app, existing) == raw_get(app, missing)
    assert raw_get(app, existing)[0] == 404


def test_client_routes_still_get_the_shell(app):
    status, body = raw_get(app, "/profiel")
    assert status == 200 and b"<html" in body.lower()


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/nope", "/api/auth/nope/deeper", "/api/auth/login/"])
def test_api_paths_that_are_no_route_answer_json(client, app, path):
    status, body = raw_get(app, path)
    assert status in (404, 405) and b"<html" not in body.lower()
    assert_error_shape(client.get(path), status)
