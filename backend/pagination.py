"""Page a SQLAlchemy select for flask-smorest's @bp.paginate (X-Pagination header)."""
import sqlalchemy as sa
from flask_smorest import Page

from backend.extensions import db


class QueryPage(Page):
    """Count and slice a select in the database, not in Python."""

    @property
    def item_count(self):
        return db.session.scalar(sa.select(sa.func.count()).select_from(self.collection.subquery()))

    @property
    def items(self):
        query = self.collection.offset(self.page_params.first_item).limit(self.page_params.page_size)
        return list(db.session.scalars(query))
