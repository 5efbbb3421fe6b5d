"""Page a SQLAlchemy select for flask-smorest's @bp.paginate (X-Pagination header)."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_smorest import Page

from backend.errors import ValidationError
from backend.extensions import db

# Beyond any list we serve, and an OFFSET every database takes (PostgreSQL's is a BIGINT).
MAX_PAGE = 1_000_000


class QueryPage(Page):
    """Count and slice a select in the database, not in Python."""

    def __init__(self, collection, page_params):
        if page_params.page > MAX_PAGE:
            raise ValidationError(errors={"page": [_l("Dit paginanummer is te groot.")]})
        super().__init__(collection, page_params)

    @property
    def item_count(self):
        return db.session.scalar(sa.select(sa.func.count()).select_from(self.collection.subquery()))

    @property
    def items(self):
        query = self.collection.offset(self.page_params.first_item).limit(self.page_params.page_size)
        return list(db.session.scalars(query))
