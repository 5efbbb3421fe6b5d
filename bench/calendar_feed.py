"""Benchmark: the calendar feed of a user with 500 meetings, in-process through the route.

Seeds a pair (newcomer and buddy in an active match) with 500 meetings over three years
(confirmed, held and cancelled, with places and some video links), and 40 other pairs with 50
meetings each (2,000 rows the feed must leave out). Times `GET /api/calendar/feed/<token>.ics`
through the WSGI app (the test client: routing, the ETag query, the rows, icalendar), best of
5, in four cases:

- from a fresh process: the per-process cache of written events emptied first
  (backend/calendar/ics.py), the events stored in calendar_events: what the first poll after a
  deploy or on another instance costs (the normal case);
- cold: the cache emptied and nothing stored (calendar_events emptied): every one of the 500
  events is written by icalendar and stored afterwards: the first feed ever, or the first after a
  change of the user's language or of the translations;
- after one change: one meeting moved (as a reschedule does) with the meetings service's
  listeners run in its transaction, as every real transition does: all 500 events from the
  table: what a calendar app's poll costs after a change;
- after one change made outside the service: the same move straight in the database (as the
  demo writes meetings): the feed writes that one event itself and stores it afterwards;
- not modified: the poll with the current ETag (If-None-Match): one small query, a 304.

Baseline, same process: one plain SELECT of the same 500 meetings (the columns the feed shows,
joined to the match and the other person's name), best of 5. Target: < 50 ms from a fresh
process, on SQLite and PostgreSQL.

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


def move_one(app, meeting_id, n, through_service: bool) -> None:
    """Move one meeting by a day, as a reschedule does: the next poll gets a new ETag and body.

    through_service: also run the meetings service's listeners in the same transaction, as every
    real transition does (the calendar stores both sides' new events); without, the change is
    made straight in the database (as the demo does) and the feed writes that event itself.
    """
    from backend.db import utcnow
    from backend.extensions import db
    from backend.meetings.models import Meeting
    from backend.meetings.service import MEETING_LISTENERS

    with app.test_request_context("/"):  # the address the test client's requests come in on
        meeting = db.session.get(Meeting, meeting_id)
        meeting.starts_at += dt.timedelta(days=1)
        meeting.sequence += 1
        meeting.version += 1
        meeting.updated_at = utcnow() + dt.timedelta(microseconds=n)
        db.session.flush()
        if through_service:
            for listener in MEETING_LISTENERS:
                listener(meeting)
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


def forget_stored(app) -> None:
    """Empty calendar_events: as before the first feed ever."""
    from backend.calendar.models import CalendarEvent
    from backend.extensions import db

    with app.app_context():
        db.session.execute(sa.delete(CalendarEvent))
        db.session.commit()
        db.session.remove()


CASES = (("fresh", "calendar feed, 500 meetings, from a fresh process"),
         ("cold", "calendar feed, 500 meetings, cold (nothing stored)"),
         ("changed", "calendar feed after one change"),
         ("outside", "calendar feed after one change outside the service"),
         ("unchanged", "calendar feed not modified (304)"))


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
            _, first = timed_get(poller, path)  # warm-up: imports, the VTIMEZONE, the statements; stores the events
            events = first.data.count(b"BEGIN:VEVENT")
            assert events == MEETINGS, events
            print(f"   the feed: {events} events, {len(first.data) / 1024:.0f} KiB")
            times = {case: [] for case, _ in CASES}
            cpu = {case: [] for case, _ in CASES}
            bases = []

            def timed(case, **headers):
                seconds, response = timed_get(poller, path, **headers)
                times[case].append(seconds)
                cpu[case].append(CPU[-1])
                return response

            for i in range(RUNS):  # alternate so drift of the machine hits all alike
                seconds, rows = plain_select(app, ids["newcomer"])
                assert rows == MEETINGS, rows
                bases.append(seconds)
                ics._event.cache_clear()
                response = timed("fresh")
                assert response.data == first.data or i > 0  # the same bytes, read from the table
                ics._event.cache_clear()
                forget_stored(app)
                cold = timed("cold")
                assert cold.data == response.data
                etag = response.headers["ETag"]
                move_one(app, ids["meetings"][i * 7], i, through_service=True)
                response = timed("changed", **{"If-None-Match": etag})
                assert response.status_code == 200 and response.headers["ETag"] != etag
                etag = response.headers["ETag"]
                move_one(app, ids["meetings"][i * 7 + 1], i, through_service=False)
                response = timed("outside", **{"If-None-Match": etag})
                assert response.status_code == 200 and response.headers["ETag"] != etag
                response = timed("unchanged", **{"If-None-Match": response.headers["ETag"]})
                assert response.status_code == 304 and response.data == b""
                print("   run {}: {}, select {:.1f} ms".format(
                    i + 1, ", ".join(f"{case} {times[case][-1] * 1000:.1f} ms" for case, _ in CASES),
                    bases[-1] * 1000))
        finally:
            dispose(app)
    base = min(bases)
    figures = []
    for case, name in CASES:
        best = min(times[case])
        print(f"   {name}: {best * 1000:.1f} ms (best of {RUNS}; CPU {min(cpu[case]) * 1000:.1f} ms); "
              f"plain select {base * 1000:.1f} ms; ratio {best / base:.2f}x")
        target = case == "fresh" or (case not in ("cold", "outside") and kind == "sqlite")
        figures.append(Figure(name, kind, best, "s", base, "s", best / base, f"< {TARGET_S} s" if target else "-",
                              best < TARGET_S if target else None))
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
