"""Shared pieces of the benchmarks: a fresh database, the app on it, seeding, timing, results.

Every benchmark measures a baseline in the same process and run and reports the ratio, because
the machine is small (2 cores) and noisy: absolute numbers drift, ratios much less.
"""
import argparse
import json
import os
import random
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa

PASSWORD = "correct-horse-battery"
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql+psycopg://root@127.0.0.1:5432/test")
PG_DB = os.environ.get("BENCH_PG_DB", "bench_maatje")
KINDS = ("sqlite", "postgres")

VISIBLE_USER_ROWS = 9_000  # in the newcomer's own scope user:<id>
VISIBLE_MATCH_ROWS = 1_000  # in match:<id> of the newcomer's active match
HIDDEN_ROWS = 10_000  # in scopes of other users and of a match the newcomer is not in
SEED_BATCH = 1_000  # changes per commit while seeding


# --- databases ------------------------------------------------------------------------------

def _pg_url(database: str) -> str:
    return sa.engine.make_url(PG_ADMIN_URL).set(database=database).render_as_string(hide_password=False)


def postgres_available() -> bool:
    """Tell whether the PostgreSQL server of PG_ADMIN_URL answers."""
    engine = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return True
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


def _pg_admin(statement: str) -> None:
    engine = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


@contextmanager
def bench_database(kind: str):
    """Yield the URL of a fresh, empty database of `kind`; remove it afterwards.

    sqlite: a file in a temporary directory. postgres: the database PG_DB (default
    bench_maatje), dropped first if a killed run left it behind, and dropped at the end.
    """
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="maatje-bench-") as tmp:
            yield f"sqlite:///{tmp}/bench.sqlite"
        return
    if kind != "postgres":
        raise ValueError(kind)
    _pg_admin(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')
    _pg_admin(f'CREATE DATABASE "{PG_DB}"')
    try:
        yield _pg_url(PG_DB)
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')


def make_app(uri: str, **settings):
    """Create the app on `uri` the way the tests do and build the schema (Alembic + org tree).

    `settings` override configuration keys (e.g. PWA_DIST).
    """
    from backend import create_app, migrate
    from backend.config import TestConfig

    BenchConfig = type("BenchConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": uri, **settings})

    app = create_app(BenchConfig)
    with app.app_context():
        migrate.rebuild_for_tests()
    return app


def dispose(app) -> None:
    """Close every pooled connection of the app (needed before dropping a PostgreSQL database)."""
    from backend.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# --- seeding --------------------------------------------------------------------------------

_WORDS = ("taal koffie buurthuis fiets formulier gemeente bibliotheek huisarts school werk "
          "boodschappen markt wandelen park oefenen brief afspraak station bus zwemmen").split()


def row_data(rng: random.Random, n: int) -> dict:
    """Return a realistic synced row of about 200 bytes of JSON."""
    return {
        "id": f"note-{n:06d}",
        "title": f"Afspraak {n}: {rng.choice(_WORDS)}",
        "body": " ".join(rng.choice(_WORDS) for _ in range(10)),
        "when": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:30:00+00:00",
        "tags": rng.sample(_WORDS, 2),
        "done": n % 3 == 0,
        "n": n,
    }


@dataclass
class Seeded:
    user_id: uuid.UUID
    email: str
    visible_scopes: list  # the scopes the newcomer holds
    expected_rows: int  # rows a from-scratch pull must return (seeded + the own profile row)
    hidden_rows: int


def _user(email, name, role):
    from backend.accounts.service import create_user
    from backend.orgs.service import get_by_code

    return create_user(email, PASSWORD, name, [role], organisation=get_by_code("GM0344"))


def seed_feed(app) -> Seeded:
    """Seed 10,000 changes the newcomer sees (9,000 in user:<id>, 1,000 in match:<id>) and
    10,000 in scopes of others (own scopes of 9 other users, a match the newcomer is not in),
    interleaved in seq order as in a real feed."""
    from backend.extensions import db
    from backend.matching.service import create_active_match
    from backend.orgs.service import get_by_code
    from backend.sync import changes

    rng = random.Random(42)
    with app.app_context(), app.test_request_context():
        newcomer = _user("newcomer@bench.example.org", "Nieuwkomer", "newcomer")
        buddy = _user("buddy@bench.example.org", "Maatje", "buddy")
        others = [_user(f"other{i}@bench.example.org", f"Ander {i}", "newcomer") for i in range(8)]
        other_buddy = _user("otherbuddy@bench.example.org", "Ander maatje", "buddy")
        org = get_by_code("GM0344")
        match = create_active_match(newcomer, buddy, org)
        other_match = create_active_match(others[0], other_buddy, org)
        own, mine = f"user:{newcomer.id}", f"match:{match.id}"
        hidden_scopes = [f"user:{u.id}" for u in [buddy, *others, other_buddy]] + [f"match:{other_match.id}"]
        scopes = [own] * VISIBLE_USER_ROWS + [mine] * VISIBLE_MATCH_ROWS
        scopes += [hidden_scopes[i % len(hidden_scopes)] for i in range(HIDDEN_ROWS)]
        rng.shuffle(scopes)
        for start in range(0, len(scopes), SEED_BATCH):
            for n in range(start, min(start + SEED_BATCH, len(scopes))):
                changes.record_put("bench_note", f"note-{n:06d}", scopes[n], row_data(rng, n))
            db.session.commit()
        seeded = Seeded(newcomer.id, newcomer.email, [own, mine],
                        VISIBLE_USER_ROWS + VISIBLE_MATCH_ROWS + 1, HIDDEN_ROWS)
        db.session.remove()
        if db.engine.dialect.name == "postgresql":
            # The planner statistics autovacuum would have by now on a live server.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
    return seeded


# --- timing and reporting -------------------------------------------------------------------

@contextmanager
def stopwatch(into: list):
    """Append the wall time of the block (seconds, perf_counter) to `into`."""
    start = time.perf_counter()
    try:
        yield
    finally:
        into.append(time.perf_counter() - start)


@dataclass
class Figure:
    """One measured figure with its same-run baseline; `ratio` = value / baseline."""

    bench: str
    db: str
    value: float
    unit: str
    baseline: float
    baseline_unit: str
    ratio: float
    target: str  # human text, e.g. "<= 1.5 s"
    passed: bool | None  # None: no target for this figure

    @property
    def verdict(self) -> str:
        return "-" if self.passed is None else ("PASS" if self.passed else "MISS")

    def as_json(self) -> str:
        return json.dumps(self.__dict__)


def print_figures(figures: list) -> None:
    """Print the summary table."""
    header = ("benchmark", "db", "figure", "baseline", "ratio", "target", "result")
    rows = [
        (f.bench, f.db, f"{f.value:,.3f} {f.unit}" if f.value < 100 else f"{f.value:,.0f} {f.unit}",
         f"{f.baseline:,.3f} {f.baseline_unit}" if f.baseline < 100 else f"{f.baseline:,.0f} {f.baseline_unit}",
         f"{f.ratio:.2f}", f.target, f.verdict)
        for f in figures
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join("{:<%d}" % w for w in widths)
    print(line.format(*header))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))


def parse_kinds(value: str) -> list:
    """Turn --db sqlite|postgres|both into a list, skipping PostgreSQL (with a note) if it is down."""
    kinds = list(KINDS) if value == "both" else [value]
    if "postgres" in kinds and not postgres_available():
        print(f"note: PostgreSQL at {PG_ADMIN_URL} does not answer; skipping it")
        kinds.remove("postgres")
    return kinds


def main_for(run, description: str, argv=None) -> list:
    """The command line of sync_pull and sync_push: --db sqlite|postgres|both, then a table."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    args = parser.parse_args(argv)
    figures = [f for kind in parse_kinds(args.db) for f in run(kind)]
    print()
    print_figures(figures)
    return figures
