"""Request guards and response headers that apply to every route."""
from flask import request
from werkzeug.middleware.proxy_fix import ProxyFix

from backend.errors import AppError
from backend.web import requests

JSON_TYPES = ("application/json",)
# Endpoints that take a file (multipart/form-data) instead of JSON: a feature adds its own.
MULTIPART_ENDPOINTS: set[str] = set()

# No inline script, nothing from another origin (DESIGN section 9).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "media-src 'self' blob:; connect-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


def require_json_body():
    """Refuse API request bodies that are not JSON (an upload endpoint also takes multipart): a 415 instead of a guess."""
    if not request.path.startswith("/api/") or request.method in ("GET", "HEAD", "OPTIONS"):
        return
    has_body = (request.content_length or 0) > 0 or request.headers.get("Transfer-Encoding")
    if request.endpoint in MULTIPART_ENDPOINTS and request.mimetype == "multipart/form-data":
        return
    if has_body and request.mimetype not in JSON_TYPES:
        raise AppError(code=415)


def security_headers(response):
    """Add the security headers to every response."""
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Permissions-Policy", "camera=(), geolocation=(), microphone=(self)")
    if request.path.startswith("/api/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def register(app):
    """Install the guards on the app."""
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        # Without this every client has the balancer's address, and all share one login limit.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    app.before_request(require_json_body)
    requests.register(app)  # after the 415 check: only JSON bodies are read
    app.after_request(security_headers)
