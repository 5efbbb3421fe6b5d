"""Run Alembic (migrations/) from inside the app, so the URL is the app's."""
from alembic import command
from alembic.config import Config as AlembicConfig

from backend.config import ROOT


def alembic_config() -> AlembicConfig:
    """Return an Alembic config pointing at migrations/."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    return cfg


def upgrade(revision: str = "head") -> None:
    """Upgrade the database to `revision` (needs an app context)."""
    command.upgrade(alembic_config(), revision)


def check() -> None:
    """Fail if the models and the migrations disagree (needs an app context)."""
    command.check(alembic_config())


def revision(message: str) -> None:
    """Write a new migration from the difference between models and database."""
    command.revision(alembic_config(), message=message, autogenerate=True)


def rebuild_for_tests() -> None:
    """Drop every table, then build the schema as production does: Alembic, then the org tree.

    For the test suite and the benchmarks only: it deletes all data.
    """
    import sqlalchemy as sa

    from backend.extensions import db
    from backend.orgs.service import load_tree

    with db.engine.begin() as conn:
        db.metadata.drop_all(conn)
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    upgrade()
    load_tree()
