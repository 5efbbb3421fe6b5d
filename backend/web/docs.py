"""The OpenAPI docs UI, served from the server itself (no CDN: it must work offline)."""
import json
from pathlib import Path

import swagger_ui_bundle
from flask import Blueprint, abort, render_template_string, send_from_directory, url_for

from backend.web.openapi import CSRF

bp = Blueprint("docs", __name__, url_prefix="/api/docs")
ASSETS = Path(swagger_ui_bundle.swagger_ui_path)
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Maatje API</title>
<link rel="stylesheet" href="{{ url_for('docs.asset', name='swagger-ui.css') }}"></head>
<body><div id="swagger-ui"></div>
<script src="{{ url_for('docs.asset', name='swagger-ui-bundle.js') }}"></script>
<script src="{{ url_for('docs.init') }}"></script></body></html>"""


@bp.get("/")
def index():
    """Show the Swagger UI for /api/openapi.json."""
    return render_template_string(PAGE)


# "Try it out" sends the session cookie by itself (a same-origin fetch). The CSRF token of a login
# or /me answer is put into "Authorize" at once, so POST, PATCH and DELETE work right after.
INIT = """window.ui = SwaggerUIBundle({
  url: %(spec)s,
  dom_id: "#swagger-ui",
  responseInterceptor: function (response) {
    var token = response.body && response.body.csrf_token;
    if (token) window.ui.preauthorizeApiKey(%(scheme)s, token);
    return response;
  }
});
"""


@bp.get("/init.js")
def init():
    """Start Swagger UI from a file, because the CSP forbids inline script."""
    body = INIT % {"spec": json.dumps(url_for("api-docs.openapi_json")), "scheme": json.dumps(CSRF)}
    return body, 200, {"Content-Type": "text/javascript; charset=utf-8"}


@bp.get("/assets/<path:name>")
def asset(name):
    """Serve one Swagger UI file from the installed swagger-ui-bundle package."""
    if name not in {"swagger-ui.css", "swagger-ui-bundle.js"}:
        abort(404)
    return send_from_directory(ASSETS, name, max_age=86400)
