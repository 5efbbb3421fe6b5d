"""Alembic environment: the app's models are the target; the URL comes from the app config."""
from alembic import context
from flask import current_app

from backend.extensions import db

config = context.config
target_metadata = db.metadata


def run_migrations_offline():
    """Emit SQL to stdout without a database connection."""
    context.configure(url=current_app.config["SQLALCHEMY_DATABASE_URI"], target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Run migrations against the app's database."""
    with db.engine.connect() as connection:
        # render_as_batch: SQLite cannot ALTER most things; batch mode copies the table.
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          compare_type=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
