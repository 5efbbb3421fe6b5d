"""Benchmark: push 2,000 profile.update mutations in batches of 100, in-process.

Each batch runs backend.sync.push.push in its own app + request context, as one HTTP request
would (each mutation is its own transaction: ledger, last_mutation_id, profile row and the
feed change commit together). Baseline, same run: 2,000 single-row UPDATE + COMMIT
transactions of the same user row through SQLAlchemy, the least one transaction costs.
Both are run ROUNDS times alternately (the push with a new client each round); the best
round of each counts. Target: >= 1,000 mutations/s on SQLite.

    .venv/bin/python -m bench.sync_push [--db sqlite|postgres|both]
"""
import uuid

import sqlalchemy as sa

from bench.common import Figure, bench_database, dispose, main_for, make_app, seed_feed, stopwatch

MUTATIONS = 2_000
BATCH = 100
ROUNDS = 2
TARGET_SQLITE_PER_S = 1_000


def push_all(app, user_id) -> float:
    """Push MUTATIONS profile.update mutations from a new client; return the seconds taken."""
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.sync.push import push

    client_id, spent = uuid.uuid4(), []
    with stopwatch(spent):
        for start in range(1, MUTATIONS + 1, BATCH):
            batch = [{"mid": mid, "name": "profile.update", "args": {"display_name": f"Naam {mid}"}}
                     for mid in range(start, start + BATCH)]
            with app.test_request_context():  # one request: its own app context and session
                user = db.session.get(User, user_id)  # what flask-login's user_loader does
                reply = push(user, client_id, 1, batch)
            assert reply["stopped"] is None, reply["stopped"]
            assert [r["status"] for r in reply["results"]] == ["applied"] * BATCH, reply["results"][:3]
    with app.app_context():
        assert db.session.get(User, user_id).display_name == f"Naam {MUTATIONS}"
        db.session.remove()
    return spent[0]


def update_commit_loop(app, user_id) -> float:
    """The floor: MUTATIONS transactions that each UPDATE the user row once and COMMIT."""
    from backend.accounts.models import User
    from backend.extensions import db

    spent = []
    with app.app_context():
        with stopwatch(spent):
            for n in range(MUTATIONS):
                db.session.execute(sa.update(User).where(User.id == user_id).values(display_name=f"Basis {n}"))
                db.session.commit()
        db.session.remove()
    return spent[0]


def run(kind: str) -> list:
    print(f"== sync_push on {kind}")
    with bench_database(kind) as uri:
        app = make_app(uri)
        try:
            seeded = seed_feed(app)  # a realistic feed table, so the upserts hit a real index
            pushes, bases = [], []
            for i in range(ROUNDS):
                bases.append(update_commit_loop(app, seeded.user_id))
                pushes.append(push_all(app, seeded.user_id))
                print(f"   round {i + 1}: push {MUTATIONS / pushes[-1]:,.0f} mutations/s ({pushes[-1]:.2f} s), "
                      f"update+commit {MUTATIONS / bases[-1]:,.0f} tx/s ({bases[-1]:.2f} s)")
        finally:
            dispose(app)
    rate, base = MUTATIONS / min(pushes), MUTATIONS / min(bases)
    ratio = rate / base
    print(f"   push: {rate:,.0f} mutations/s; bare update+commit: {base:,.0f} tx/s; ratio {ratio:.2f} "
          f"({1000 / rate:.2f} ms vs {1000 / base:.2f} ms each)")
    target = f">= {TARGET_SQLITE_PER_S:,}/s" if kind == "sqlite" else "-"
    passed = rate >= TARGET_SQLITE_PER_S if kind == "sqlite" else None
    return [Figure(f"sync_push ({MUTATIONS:,} in batches of {BATCH})", kind, rate, "mut/s", base, "tx/s", ratio,
                   target, passed)]


def main(argv=None) -> list:
    return main_for(run, __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    main()
