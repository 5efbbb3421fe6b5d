"""Benchmark: the calendar feed of a user with 500 meetings, in-process through the route.

Seeds a pair (newcomer and buddy in an active match) with 500 meetings over three years
(confirmed, held and cancelled, with places and some video links), and 40 other pairs with 50
meetings each (2,000 rows the feed must leave out). Times `GET /api/calendar/feed/<token>.ics`
through the WSGI app (the test client: routing, the ETag query, the rows, icalendar), best of
5, in three cases:

- from scratch: the per-process cache of written events emptied first (backend/calendar/ics.py),
  so every one of the 500 events is written by icalendar;
- after one change: one meeting moved (as a reschedule does), the other 499 events from the cache:
  what a calendar app's poll costs after a change;
- not modified: the poll with the current ETag (If-None-Match): one small query, a 304.

Baseline, same process: one plain SELECT of the same 500 meetings (the columns the feed shows,
joined to the match and the other person's name), best of 5. Target: < 50 ms on SQLite.

    .venv/bin/python -m bench.calendar_feed [--postgres]
"""
import argparse
import datetime as dt
import random
import time
import uuid
from urllib.parse import urlsplit

import sqlalchemy as sa

from bench.common import PASSWORD, Figure, bench_database, dispose, make_app, print_figures, stopwatch

RUNS = 5
MEETINGS, OTHER_PAIRS, OTHER_MEETINGS = 500, 40, 50
TARGET_S = 0.05
PLACES = ["Bibliotheek Neude, Utrecht", "Wijkcentrum De Leeuw, Vondellaan 22", "Koffie bij Anne, Oudegracht 100",
          "Gemeente Utrecht, Stadsplein 1 (balie 3)", "Zwembad Krommerijn", ""]


def seed(app) -> dict:
    """Seed the pairs and their meetings with Core bulk inserts; return the ids the runs need."""
    from backend.accounts.service import create_user
    from backend.db import utcnow
    from backend.extensions import db
    from backend.matching.service import create_active_match
    from backend.meetings.models import Meeting
    from backend.orgs.service import get_by_code

    rng = random.Random(10)
    now = utcnow()
    start = now - dt.timedelta(days=365)
    with app.app_context():
        org = get_by_code("GM0344")

        def person(role, name):
            return create_user(f"{name.lower()}-{uuid.uuid4().hex[:6]}@bench.example.org", PASSWORD, name, [role],
                               organisation=org)

        newcomer, buddy = person("newcomer", "Amal"), person("buddy", "Sanne")
        match = create_active_match(newcomer, buddy, org)
        others = [create_active_match(person("newcomer", f"Nieuwkomer{i}"), person("buddy", f"Maatje{i}"), org)
                  for i in range(OTHER_PAIRS)]

        def meeting(match_id, n):
            starts_at = (start + dt.timedelta(days=2 * n, hours=rng.randint(0, 10))).replace(minute=0, second=0,
                                                                                             microsecond=0)
            status = ("held" if starts_at < now else "confirmed") if rng.random() > 0.1 else "cancelled"
            video = rng.random() < 0.2
            return {"id": uuid.uuid4(), "match_id": match_id, "status": status, "version": 3,
                    "sequence": 1 if status == "cancelled" else 0, "proposed_by": "buddy",
                    "slots": [{"starts_at": starts_at.isoformat(), "minutes": 60}], "starts_at": starts_at,
                    "minutes": rng.choice([30, 60, 90, 120]), "place": "" if video else rng.choice(PLACES),
                    "video_url": f"https://meet.jit.si/maatje-{n}" if video else "",
                    "note": "Neem je brief mee", "attended": [], "held_note": "", "cancel_reason": "",
                    "last_action": "choose", "last_actor": "newcomer", "created_at": now, "updated_at": now}

        rows = [meeting(match.id, n) for n in range(MEETINGS)]
        rows += [meeting(other.id, n) for other in others for n in range(OTHER_MEETINGS)]
        for first in range(0, len(rows), 1_000):
            db.session.execute(sa.insert(Meeting), rows[first:first + 1_000])
        db.session.commit()
        ids = {"newcomer": newcomer.id, "email": newcomer.email, "match": match.id,
               "meetings": [r["id"] for r in rows[:MEETINGS]]}
        db.session.remove()
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
    return ids


def feed_path(app, email) -> str:
    client = app.test_client()
    login = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200, login.json
    made = client.post("/api/calendar/feed", headers={"X-CSRF-Token": login.json["csrf_token"]})
    assert made.status_code == 201, made.json
    return urlsplit(made.json["url"]).path


CPU = []  # process CPU seconds of each timed call: moves less than wall time with the machine's load


def timed_get(client, path, **headers) -> tuple[float, object]:
    spent, cpu = [], time.process_time()
    with stopwatch(spent):
        response = client.get(path, headers=headers)
    CPU.append(time.process_time() - cpu)
    assert response.status_code in (200, 304), response.status_code
    return spent[0], response


def move_one(app, meeting_id, n) -> None:
    """Move one meeting by a day, as a reschedule does: the next poll gets a new ETag and body."""
    from backend.db import utcnow
    from backend.extensions import db
    from backend.meetings.models import Meeting

    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        meeting.starts_at += dt.timedelta(days=1)
        meeting.sequence += 1
        meeting.version += 1
        meeting.updated_at = utcnow() + dt.timedelta(microseconds=n)
        db.session.commit()
        db.session.remove()


def plain_select(app, user_id) -> tuple[float, int]:
    """The floor: the same 500 meetings, their columns, the match and the other person's name."""
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.matching.models import Match
    from backend.meetings.models import Meeting

    m = Meeting.__table__.c
    spent = []
    with app.app_context():
        with stopwatch(spent):
            rows = db.session.execute(
                sa.select(m.id, m.match_id, m.status, m.sequence, m.starts_at, m.minutes, m.place, m.video_url,
                          m.updated_at, User.display_name)
                .join(Match, Match.id == m.match_id).join(User, User.id == Match.buddy_id)
                .where(Match.newcomer_id == user_id, m.starts_at.is_not(None))
                .order_by(m.starts_at)).all()
        db.session.remove()
    return spent[0], len(rows)


def run(kind: str) -> list:
    """Run the benchmark on one database kind; return its Figures."""
    from backend.calendar import ics

    print(f"== calendar_feed on {kind}")
    with bench_database(kind) as uri:
        app = make_app(uri)
        try:
            started = time.perf_counter()
            ids = seed(app)
            print(f"   seeded {MEETINGS} meetings of the user and {OTHER_PAIRS * OTHER_MEETINGS:,} of "
                  f"{OTHER_PAIRS} other pairs in {time.perf_counter() - started:.1f} s")
            path = feed_path(app, ids["email"])
            poller = app.test_client()
            _, first = timed_get(poller, path)  # warm-up: imports, the VTIMEZONE, the statements
            events = first.data.count(b"BEGIN:VEVENT")
            assert events == MEETINGS, events
            print(f"   the feed: {events} events, {len(first.data) / 1024:.0f} KiB")
            scratch, changed, unchanged, bases = [], [], [], []
            cpu = {"scratch": [], "changed": [], "unchanged": []}
            for i in range(RUNS):  # alternate so drift of the machine hits all alike
                seconds, rows = plain_select(app, ids["newcomer"])
                assert rows == MEETINGS, rows
                bases.append(seconds)
                ics._event.cache_clear()
                seconds, response = timed_get(poller, path)
                scratch.append(seconds)
                cpu["scratch"].append(CPU[-1])
                etag = response.headers["ETag"]
                move_one(app, ids["meetings"][i * 7], i)
                seconds, response = timed_get(poller, path, **{"If-None-Match": etag})
                assert response.status_code == 200 and response.headers["ETag"] != etag
                changed.append(seconds)
                cpu["changed"].append(CPU[-1])
                seconds, response = timed_get(poller, path, **{"If-None-Match": response.headers["ETag"]})
                assert response.status_code == 304 and response.data == b""
                unchanged.append(seconds)
                cpu["unchanged"].append(CPU[-1])
                print(f"   run {i + 1}: from scratch {scratch[-1] * 1000:.1f} ms, after one change "
                      f"{changed[-1] * 1000:.1f} ms, not modified {unchanged[-1] * 1000:.1f} ms, "
                      f"select {bases[-1] * 1000:.1f} ms")
        finally:
            dispose(app)
    base = min(bases)
    figures = []
    for name, times, cpus in (("calendar feed, 500 meetings, from scratch", scratch, cpu["scratch"]),
                              ("calendar feed after one change", changed, cpu["changed"]),
                              ("calendar feed not modified (304)", unchanged, cpu["unchanged"])):
        best = min(times)
        print(f"   {name}: {best * 1000:.1f} ms (best of {RUNS}; CPU {min(cpus) * 1000:.1f} ms); "
              f"plain select {base * 1000:.1f} ms; ratio {best / base:.2f}x")
        sqlite = kind == "sqlite"
        figures.append(Figure(name, kind, best, "s", base, "s", best / base, f"< {TARGET_S} s" if sqlite else "-",
                              best < TARGET_S if sqlite else None))
    return figures


def main(argv=None) -> list:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="run on PostgreSQL instead of SQLite")
    args = parser.parse_args(argv)
    figures = run("postgres" if args.postgres else "sqlite")
    print()
    print_figures(figures)
    return figures


if __name__ == "__main__":
    main()
