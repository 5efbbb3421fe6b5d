"""GET /api/health: is the database answering."""
import marshmallow as ma
import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint

from backend.errors import ServiceUnavailable
from backend.extensions import db

bp = Blueprint("health", __name__, url_prefix="/api/health", description="Liveness of the service")


class HealthSchema(ma.Schema):
    status = ma.fields.String()


@bp.route("")
class Health(MethodView):
    @bp.response(200, HealthSchema)
    def get(self):
        """Answer ok when the database answers."""
        try:
            db.session.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError:
            raise ServiceUnavailable()
        finally:
            db.session.rollback()
        return {"status": "ok"}
