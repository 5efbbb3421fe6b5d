"""Benchmark: suggestions for one newcomer among 10,000 buddies, and the waiting-list proposal
for 300 newcomers x 3,000 buddies, in-process through the routes (the WSGI app called directly).

Seeds two branches: GM0344 (Utrecht) with 10,000 eligible buddies (and 500 of them in an active
match, so capacity left varies) and one newcomer; GM0363 (Amsterdam) with 3,000 eligible buddies
and 300 waiting newcomers. Buddies and newcomers live in the municipalities of their province,
speak Dutch and 0-2 other languages, have 1-4 interests, 1-4 weekly slots, capacity 1-3; one in
ten is MDT. Times `GET /api/newcomers/<id>/suggestions` (as it is, and right after one buddy's
profile changed, which makes the server rebuild its arrays) and `GET /api/orgs/GM0363/waiting-list-
proposal` as a logged-in coordinator (best of 5, each after a warm-up call).

Baselines, same process: one plain SELECT of the same buddy rows (the columns scoring reads,
JSON decoded by SQLAlchemy, no eligibility or scoring): 10,000 rows for the suggestions; 3,000
rows plus the 300 intakes for the proposal (best of 5). Targets: <= 200 ms (suggestions) and
<= 3 s (the proposal) on SQLite.

    .venv/bin/python -m bench.suggestions [--db sqlite|postgres|both]
"""
import datetime as dt
import random
import time
import uuid

import sqlalchemy as sa

from bench.common import PASSWORD, Figure, bench_database, dispose, main_for, make_app, stopwatch

RUNS = 5
BUDDIES_ONE, BUDDIES_BRANCH, WAITING, MATCHED = 10_000, 3_000, 300, 500
TARGET_SUGGESTIONS_S = 0.2
TARGET_PROPOSAL_S = 3.0
OTHER_LANGUAGES = ["ar", "ti", "en", "tr", "fa", "prs", "uk", "so", "pl", "fr", "es", "de", "ru", "ku", "am"]
INTERESTS = ["sport", "walking", "cycling", "cooking", "music", "reading", "gardening", "nature", "art",
             "technology", "games", "film", "children", "volunteering", "culture", "faith"]


def _slots(rng):
    out = []
    for day in rng.sample(range(7), rng.randint(1, 4)):
        start = rng.randint(8, 19)
        out.append({"day": day, "start": f"{start:02d}:{rng.choice(['00', '30'])}",
                    "end": f"{min(start + rng.randint(1, 4), 23):02d}:00"})
    return out


def _person(rng, municipalities):
    return dict(languages=["nl", *rng.sample(OTHER_LANGUAGES, rng.randint(0, 2))],
                interests=rng.sample(INTERESTS, rng.randint(1, 4)), availability=_slots(rng),
                municipality_code=rng.choice(municipalities))


def seed(app) -> dict:
    """Seed both branches with Core bulk inserts; return the ids the runs need."""
    from backend.accounts.models import User
    from backend.accounts.service import create_user
    from backend.buddies.models import BuddyProfile
    from backend.db import utcnow
    from backend.extensions import db
    from backend.matching.models import Match
    from backend.newcomers.models import NewcomerIntake
    from backend.orgs.models import Organisation
    from backend.orgs.service import get_by_code

    rng = random.Random(9)
    today, now = dt.date.today(), utcnow()
    with app.app_context():
        def municipalities(province):
            return list(db.session.scalars(sa.select(Organisation.code).where(
                Organisation.kind == "municipality", Organisation.path.startswith(f"/NL/{province}/"))))

        users, buddies, intakes, matches = [], [], [], []

        def user(role, name, org):
            row = {"id": uuid.uuid4(), "email": None, "username": f"{role}-{len(users)}", "password_hash": "",
                   "display_name": name, "locale": "nl", "role_names": role, "organisation_id": org.id,
                   "availability": [], "shares": [], "session_gen": 0, "created_at": now, "updated_at": now}
            users.append(row)
            return row["id"]

        def buddy(org, province_codes):
            mdt = rng.random() < 0.1
            buddies.append({
                "user_id": user("buddy", f"Maatje {len(buddies)}", org), "organisation_id": org.id,
                "kind": "mdt" if mdt else "volunteer", "gender": rng.choice(["female", "male", "other", None]),
                "mdt_end": today + dt.timedelta(days=rng.randint(30, 400)) if mdt else None,
                "capacity": rng.randint(1, 3), "state": "available",
                "vog_date": today - dt.timedelta(days=rng.randint(1, 1000)), "consent_version": "1",
                "consent_at": now, "created_at": now, "updated_at": now, **_person(rng, province_codes)})

        def newcomer(org, province_codes):
            prefs = {"buddy_gender": "female"} if rng.random() < 0.15 else {}
            intakes.append({
                "user_id": user("newcomer", f"Nieuwkomer {len(intakes)}", org), "organisation_id": org.id,
                "category": "permit_holder", "dutch_level": rng.choice(["A0", "A1", "A2", "B1"]),
                "preferences": prefs, "goals": {}, "consents": [], "created_at": now, "updated_at": now,
                **_person(rng, province_codes)})
            return intakes[-1]["user_id"]

        utrecht, amsterdam = get_by_code("GM0344"), get_by_code("GM0363")
        pv26, pv27 = municipalities("PV26"), municipalities("PV27")
        for _ in range(BUDDIES_ONE):
            buddy(utrecht, pv26)
        the_newcomer = newcomer(utrecht, ["GM0344"])
        for b in rng.sample(buddies, MATCHED):
            matches.append({"id": uuid.uuid4(), "newcomer_id": newcomer(utrecht, pv26), "buddy_id": b["user_id"],
                            "organisation_id": utrecht.id, "status": "active", "created_at": now})
        for _ in range(BUDDIES_BRANCH):
            buddy(amsterdam, pv27)
        for _ in range(WAITING):
            newcomer(amsterdam, pv27)
        for table, rows in ((User, users), (BuddyProfile, buddies), (NewcomerIntake, intakes), (Match, matches)):
            for start in range(0, len(rows), 2_000):
                db.session.execute(sa.insert(table), rows[start:start + 2_000])
        db.session.commit()
        for org in ("GM0344", "GM0363"):
            create_user(f"coordinator-{org}@bench.example.org", PASSWORD, "Coördinator", ["coordinator"],
                        organisation=get_by_code(org))
        ids = {"newcomer": the_newcomer, "utrecht": utrecht.id, "amsterdam": amsterdam.id}
        db.session.remove()
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
    return ids


def _client(app, org):
    client = app.test_client()
    response = client.post("/api/auth/login", json={"email": f"coordinator-{org}@bench.example.org",
                                                    "password": PASSWORD})
    assert response.status_code == 200, response.json
    return client


CPU = []  # process CPU seconds of each timed call (SQLite's work included, PostgreSQL's not)


def timed_get(client, url) -> tuple[float, dict]:
    spent, cpu = [], time.process_time()
    with stopwatch(spent):
        response = client.get(url)
    CPU.append(time.process_time() - cpu)
    assert response.status_code == 200, response.get_json()
    return spent[0], response.get_json()


def touch_one_buddy(app, organisation_id, n) -> None:
    """Change one buddy's profile (a new interest list): the next call rebuilds its arrays."""
    from backend.buddies.models import BuddyProfile
    from backend.extensions import db

    with app.app_context():
        profile = db.session.scalars(sa.select(BuddyProfile).where(BuddyProfile.organisation_id == organisation_id)
                                     .order_by(BuddyProfile.user_id).offset(n).limit(1)).one()
        profile.interests = INTERESTS[n % len(INTERESTS):][:2]
        db.session.commit()
        db.session.remove()


def plain_select(app, organisation_id, with_intakes=False) -> tuple[float, int]:
    """The floor: the same buddy rows (the columns scoring reads), JSON decoded, nothing else."""
    from backend.buddies.models import BuddyProfile
    from backend.extensions import db
    from backend.newcomers.models import NewcomerIntake

    profile, intake = BuddyProfile.__table__.c, NewcomerIntake.__table__.c
    spent = []
    with app.app_context():
        with stopwatch(spent):
            rows = db.session.execute(sa.select(
                profile.user_id, profile.kind, profile.gender, profile.languages, profile.interests,
                profile.availability, profile.municipality_code, profile.capacity, profile.mdt_end,
            ).where(profile.organisation_id == organisation_id)).all()
            if with_intakes:
                rows += db.session.execute(sa.select(NewcomerIntake).where(intake.organisation_id == organisation_id)).all()
        db.session.remove()
    return spent[0], len(rows)


def run(kind: str) -> list:
    """Run the benchmark on one database kind; return its two Figures."""
    print(f"== suggestions on {kind}")
    with bench_database(kind) as uri:
        app = make_app(uri)
        try:
            started = time.perf_counter()
            ids = seed(app)
            print(f"   seeded {BUDDIES_ONE + BUDDIES_BRANCH:,} buddies and {WAITING + MATCHED + 1} newcomers "
                  f"in {time.perf_counter() - started:.1f} s")
            utrecht, amsterdam = _client(app, "GM0344"), _client(app, "GM0363")
            one_url = f"/api/newcomers/{ids['newcomer']}/suggestions?limit=20"
            list_url = "/api/orgs/GM0363/waiting-list-proposal"
            # Warm-up: the distance table, the parsed profiles and the arrays (service.py) are built
            # on the first call of a process; printed, not counted.
            cold_one, _ = timed_get(utrecht, one_url)
            cold_list, _ = timed_get(amsterdam, list_url)
            print(f"   first calls of the process: suggestions {cold_one * 1000:.0f} ms, proposal {cold_list:.2f} s")
            ones, one_bases, lists, list_bases, changed = [], [], [], [], []
            one_cpu, changed_cpu, list_cpu = [], [], []
            for i in range(RUNS):  # alternate so drift of the machine hits both alike
                seconds, rows = plain_select(app, ids["utrecht"])
                one_bases.append(seconds)
                assert rows == BUDDIES_ONE, rows
                seconds, body = timed_get(utrecht, one_url)
                ones.append(seconds)
                one_cpu.append(CPU[-1])
                touch_one_buddy(app, ids["utrecht"], i)
                changed.append(timed_get(utrecht, one_url)[0])
                changed_cpu.append(CPU[-1])
                seconds, rows = plain_select(app, ids["amsterdam"], with_intakes=True)
                list_bases.append(seconds)
                assert rows == BUDDIES_BRANCH + WAITING, rows
                seconds, proposal = timed_get(amsterdam, list_url)
                lists.append(seconds)
                list_cpu.append(CPU[-1])
                print(f"   run {i + 1}: suggestions {ones[-1] * 1000:.0f} ms ({body['candidates']:,} admissible), "
                      f"after a change {changed[-1] * 1000:.0f} ms, "
                      f"select {one_bases[-1] * 1000:.0f} ms; proposal {lists[-1]:.2f} s "
                      f"({len(proposal['pairs'])} pairs, {len(proposal['unplaced'])} unplaced), "
                      f"select {list_bases[-1] * 1000:.0f} ms")
        finally:
            dispose(app)
    one, one_base, whole, whole_base = min(ones), min(one_bases), min(lists), min(list_bases)
    after = min(changed)
    print(f"   suggestions: {one * 1000:.0f} ms (best of {RUNS}; CPU {min(one_cpu) * 1000:.0f} ms); "
          f"plain select: {one_base * 1000:.0f} ms; ratio {one / one_base:.2f}x")
    print(f"   suggestions after one buddy changed: {after * 1000:.0f} ms (best of {RUNS}; "
          f"CPU {min(changed_cpu) * 1000:.0f} ms); ratio {after / one_base:.2f}x")
    print(f"   waiting-list proposal: {whole:.2f} s (best of {RUNS}; CPU {min(list_cpu):.2f} s); "
          f"plain select: {whole_base * 1000:.0f} ms; ratio {whole / whole_base:.2f}x")
    sqlite = kind == "sqlite"
    return [
        Figure("suggestions (1 newcomer, 10k buddies)", kind, one, "s", one_base, "s", one / one_base,
               f"<= {TARGET_SUGGESTIONS_S} s" if sqlite else "-", one <= TARGET_SUGGESTIONS_S if sqlite else None),
        Figure("suggestions after a change", kind, after, "s", one_base, "s", after / one_base,
               f"<= {TARGET_SUGGESTIONS_S} s" if sqlite else "-", after <= TARGET_SUGGESTIONS_S if sqlite else None),
        Figure("waiting-list proposal (300 x 3k)", kind, whole, "s", whole_base, "s", whole / whole_base,
               f"<= {TARGET_PROPOSAL_S} s" if sqlite else "-", whole <= TARGET_PROPOSAL_S if sqlite else None),
    ]


def main(argv=None) -> list:
    return main_for(run, __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    main()
