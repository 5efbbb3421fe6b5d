"""Serve the built PWA (pwa/dist) at /, with the app shell for every client-side route."""
import os

from flask import Blueprint, abort, current_app, send_from_directory
from werkzeug.routing import PathConverter
from werkzeug.security import safe_join

bp = Blueprint("pwa", __name__)


class NotApiPath(PathConverter):
    """A path outside /api/, so unknown API URLs get the API's own 404 and 405 answers."""

    regex = r"(?!api(?:/|$))[^/].*?"


@bp.record_once
def _add_converter(state):
    state.app.url_map.converters["notapi"] = NotApiPath

# Must revalidate on every load, or a phone keeps an old shell or service worker for days.
NO_CACHE = {"index.html", "sw.js", "manifest.webmanifest"}


def _send(name):
    dist = current_app.config["PWA_DIST"]
    if not (dist / "index.html").exists():
        abort(404, description="PWA not built: run `make pwa`.")
    response = send_from_directory(dist, name)
    if name in NO_CACHE or name.startswith("i18n/"):
        response.headers["Cache-Control"] = "no-cache"
    elif name.startswith("assets/"):
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"  # names carry a hash
    return response


@bp.get("/")
def index():
    """Serve the app shell."""
    return _send("index.html")


@bp.get("/<notapi:name>")
def files(name):
    """Serve a built file, or the shell for a client-side route.

    Only paths inside the built app are ever looked at: a path that leaves it ("..") is a 404
    whether or not something exists there, so the answer tells nothing about other files.
    """
    path = safe_join(str(current_app.config["PWA_DIST"]), name)
    if path is None or ".." in name.split("/"):
        abort(404)
    if os.path.isfile(path):
        return _send(name)
    if "." in name.rsplit("/", 1)[-1]:
        abort(404)  # a missing file, not a screen
    return _send("index.html")
