"""Benchmark: a from-scratch pull of 10,000 visible changes, in-process (the service function).

Seeds 10,000 changes the newcomer holds (9,000 in user:<id>, 1,000 in match:<id>) and 10,000
in other scopes, then times backend.sync.pull.pull in pages of 1,000 until has_more is false
(best of 3). Baseline, same process: one raw SELECT data ... WHERE scope IN (...) of the same
rows with json.loads of each (best of 3). Target: <= 1.5 s on SQLite.

    .venv/bin/python -m bench.sync_pull [--db sqlite|postgres|both]
"""
import json
import uuid

import sqlalchemy as sa

from bench.common import Figure, bench_database, dispose, main_for, make_app, seed_feed, stopwatch

PAGE = 1_000
RUNS = 3
TARGET_SQLITE_S = 1.5


def pull_everything(app, user_id) -> tuple[float, int]:
    """Pull from scratch with a new client id until up to date; return (server seconds, rows)."""
    from backend.accounts import sessions
    from backend.accounts.auth import Claim
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.sync.pull import pull

    client_id, token, rows, seen, spent = uuid.uuid4(), None, 0, set(), []
    with app.app_context(), app.test_request_context():
        user = db.session.get(User, user_id)
        sessions.start_session(user, "bench")
        claim = Claim(user.id, user.session_id)
        for _ in range(1_000):  # bounded: a cursor that never advances must fail, not hang
            with stopwatch(spent):
                text = pull(claim, client_id, 1, token, PAGE)
            body = json.loads(text)  # client work: outside the timed part
            rows += len(body["changes"])
            seen.update((c["entity"], c["id"]) for c in body["changes"])
            token = body["cursor"]
            if not body["has_more"]:
                break
        else:
            raise AssertionError("pull never finished")
        db.session.remove()
    assert len(seen) == rows, "a row came twice"
    return sum(spent), rows


def raw_select(app, scopes) -> tuple[float, int]:
    """The floor: one SELECT of the visible rows' data and json.loads of each."""
    from backend.extensions import db

    spent = []
    with app.app_context():
        with db.engine.connect() as conn:
            query = sa.text("SELECT data FROM sync_changes WHERE scope IN :scopes").bindparams(
                sa.bindparam("scopes", expanding=True))
            with stopwatch(spent):
                rows = [json.loads(data) for (data,) in conn.execute(query, {"scopes": scopes})]
    return spent[0], len(rows)


def run(kind: str) -> list:
    """Run the benchmark on one database kind; return its Figure."""
    print(f"== sync_pull on {kind}")
    with bench_database(kind) as uri:
        app = make_app(uri)
        try:
            seeded = seed_feed(app)
            print(f"   seeded {seeded.expected_rows - 1:,} visible + {seeded.hidden_rows:,} hidden changes")
            pulls, raws = [], []
            for i in range(RUNS):  # alternate so drift of the machine hits both alike
                seconds, raw_rows = raw_select(app, seeded.visible_scopes)
                raws.append(seconds)
                seconds, rows = pull_everything(app, seeded.user_id)
                pulls.append(seconds)
                assert rows == seeded.expected_rows, f"pulled {rows} rows, expected {seeded.expected_rows}"
                assert raw_rows == seeded.expected_rows, raw_rows
                print(f"   run {i + 1}: pull {seconds:.3f} s ({rows:,} rows), raw select {raws[-1]:.3f} s")
        finally:
            dispose(app)
    best, base = min(pulls), min(raws)
    ratio = best / base
    print(f"   pull from scratch: {best:.3f} s (best of {RUNS}); raw select + json.loads: {base:.3f} s; "
          f"ratio {ratio:.2f}x; {seeded.expected_rows / best:,.0f} rows/s")
    target = f"<= {TARGET_SQLITE_S} s" if kind == "sqlite" else "-"
    passed = best <= TARGET_SQLITE_S if kind == "sqlite" else None
    return [Figure("sync_pull (10k rows, from scratch)", kind, best, "s", base, "s", ratio, target, passed)]


def main(argv=None) -> list:
    return main_for(run, __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    main()
