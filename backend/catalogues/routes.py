"""Route /api/catalogues: the translated catalogues (public: the buddy sign-up page needs them)."""
from flask.views import MethodView
from flask_smorest import Blueprint

from backend.catalogues import catalogue
from backend.catalogues.schemas import CataloguesSchema, MunicipalitySchema

bp = Blueprint("catalogues", __name__, url_prefix="/api/catalogues",
               description="Translated catalogues: languages, interests, goals, categories...")


@bp.after_request
def cacheable(response):
    """Revalidate with the ETag instead of "no-store"; the language decides the labels."""
    if response.status_code in (200, 304):
        response.headers["Cache-Control"] = "no-cache"
        response.vary.update(("Accept-Language", "Cookie"))
    return response


@bp.route("")
class Catalogues(MethodView):
    @bp.etag
    @bp.response(200, CataloguesSchema)
    def get(self):
        """Return every catalogue as [{code, label}] in the request's language.

        The language is the logged-in user's, else `?lang=`, else Accept-Language. The answer
        carries an ETag: send it back as If-None-Match to get a 304 when nothing changed.
        """
        return catalogue.translated()


@bp.route("/municipalities")
class Municipalities(MethodView):
    @bp.etag
    @bp.response(200, MunicipalitySchema(many=True))
    def get(self):
        """Return the active municipal branches a buddy can sign up in, by name (public, no login).

        The `code` is what POST /api/buddies/signup takes as `municipality`. Names are proper
        names, the same in every language. Carries an ETag like GET /api/catalogues.
        """
        return catalogue.municipalities()
