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
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # render_as_batch: SQLite cannot ALTER most things; batch mode copies the table and
            # drops the old one. With foreign keys on, that drop would cascade into (or fail on)
            # every table pointing at it, so enforcement is off during the migration, as SQLite's
            # own procedure for schema changes says (sqlite.org/lang_altertable.html), and checked
            # after it. The pragma only works outside a transaction: straight to the driver.
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                              compare_type=True)
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left rows pointing nowhere: {broken[:5]}")
            connection.commit()  # Alembic may leave the transaction open on a connection it was given
        finally:
            if sqlite:
                connection.rollback()  # nothing left open after an error either: the pragma needs that
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
