"""Benchmark: the timeline of a match with 2,000 meetings and activities, rendered in Chromium.

Seeds one pair (newcomer and buddy) in a fresh SQLite database with an active match holding
N/2 meetings and N/2 activities (default N = 2,000, spread over two years, a few goals too) and
a second, empty match of the same buddy: the baseline. Serves the app with the built PWA
(`make pwa` first) on 127.0.0.1 in a thread and drives Debian's Chromium (never `playwright
install`). The buddy logs in once and the phone syncs everything (not timed); then each run
opens `/maatje/<match>/tijdlijn` in a new tab and reads the app's own performance marks:

- render: from `timeline:start` (the Timeline component's first render) to `timeline:shown`
  (its first page of rows in the DOM): reading the match's rows and the outbox from IndexedDB,
  the overlays, the merge and sort of every item, and the first page rendered;
- navigation: from the start of the navigation to `timeline:shown` (app boot included).

Best of `--runs` (default 7) for the full match and for the empty one, at full speed and with
the CPU slowed 4 times (CDP `Emulation.setCPUThrottlingRate`, a cheap phone). Target: render
< 100 ms at full speed.

    .venv/bin/python -m bench.timeline [--items 2000] [--runs 7] [--dist pwa/dist]
"""
import argparse
import datetime as dt
import random
import uuid
from pathlib import Path

from bench.common import PASSWORD, Figure, bench_database, dispose, make_app, print_figures
from bench.first_sync import serve, throttle

ITEMS = 2_000
RUNS = 7
TARGET_MS = 100.0
EMAIL = "buddy@bench.example.org"
TYPES = ("library", "letter", "conversation", "language_cafe", "cv", "job_fair", "sports_club", "market", "outing")
DOMAINS = {"library": "taal", "letter": "taal", "conversation": "taal", "language_cafe": "taal", "cv": "werk",
           "job_fair": "werk", "sports_club": "meedoen", "market": "meedoen", "outing": "meedoen"}


def _meeting(rng, match_id, n, start: dt.datetime) -> dict:
    at = (start + dt.timedelta(hours=rng.randrange(0, 24 * 730))).replace(minute=0, second=0, microsecond=0)
    status = rng.choice(("held", "held", "held", "cancelled", "confirmed", "proposed"))
    iso = at.isoformat()
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "match_id": match_id, "status": status,
        "version": 2, "sequence": 0, "proposed_by": "buddy", "slots": [{"starts_at": iso, "minutes": 60}],
        "starts_at": None if status == "proposed" else iso, "minutes": None if status == "proposed" else 60,
        "place": f"Bibliotheek {n % 7}", "video_url": "", "note": "Koffie en oefenen", "decided_by": "newcomer",
        "cancelled_by": "newcomer" if status == "cancelled" else None, "cancel_reason": "", "attended": [],
        "held_note": "", "completed_by": None, "last_action": "choose", "last_actor": "newcomer",
        "created_at": iso, "updated_at": iso,
    }


def _activity(rng, match_id, start: dt.datetime) -> dict:
    day = (start + dt.timedelta(days=rng.randrange(0, 730))).date().isoformat()
    kind = rng.choice(TYPES)
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "match_id": match_id, "type": kind,
        "domain": DOMAINS[kind], "day": day, "minutes": rng.choice((30, 60, 90)),
        "initiative": rng.choice(("newcomer", "buddy", "both")), "note": "Samen gedaan", "logged_by": "buddy",
        "created_at": f"{day}T12:00:00+00:00",
    }


def seed(app, items: int) -> tuple[str, str]:
    """The pair, its full match and an empty one of the same buddy; return (full id, empty id)."""
    from backend.accounts.service import create_user
    from backend.buddies.models import BuddyProfile
    from backend.db import utcnow
    from backend.extensions import db
    from backend.matching.service import create_active_match
    from backend.orgs.service import get_by_code
    from backend.sync import changes

    rng = random.Random(10)
    with app.app_context(), app.test_request_context():
        org = get_by_code("GM0344")
        buddy = create_user(EMAIL, PASSWORD, "Sanne de Vries", ["buddy"], organisation=org)
        amal = create_user("amal@bench.example.org", PASSWORD, "Amal Haddad", ["newcomer"], organisation=org)
        omar = create_user("omar@bench.example.org", PASSWORD, "Omar Said", ["newcomer"], organisation=org)
        db.session.add(BuddyProfile(user_id=buddy.id, organisation_id=org.id, kind="volunteer", capacity=2,
                                    state="available", vog_date=utcnow().date(), languages=["nl"], interests=[],
                                    municipality_code="GM0344", consent_version="1", consent_at=utcnow()))
        db.session.commit()
        full = create_active_match(amal, buddy, org)
        empty = create_active_match(omar, buddy, org)
        db.session.commit()
        full_id, empty_id = str(full.id), str(empty.id)
        scope = f"match:{full_id}"
        start = utcnow() - dt.timedelta(days=730)
        for n in range(items):
            row = _meeting(rng, full_id, n, start) if n % 2 == 0 else _activity(rng, full_id, start)
            changes.record_put("meeting" if n % 2 == 0 else "activity", row["id"], scope, row)
            if n % 1_000 == 999:
                db.session.commit()
        db.session.commit()
        db.session.remove()
    return full_id, empty_id


def stored(page, match_id: str) -> int:
    return page.evaluate("""(scope) => new Promise((resolve, reject) => {
        const open = indexedDB.open('maatje');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['meeting', 'activity']);
          let total = 0, left = 2;
          for (const name of ['meeting', 'activity']) {
            const r = tx.objectStore(name).index('scope').count(scope);
            r.onsuccess = () => { total += r.result; if (--left === 0) { open.result.close(); resolve(total); } };
          }
        };
      })""", f"match:{match_id}")


SPLITS: list = []  # per run: (reading IndexedDB, overlays and merge, rendering the first page) in ms


def open_timeline(context, match_id: str, cpu_slow: bool, expect_rows: bool) -> tuple[float, float]:
    """A new tab on the timeline; return (render ms, navigation ms) from the app's marks."""
    page = context.new_page()
    if cpu_slow:
        throttle(page, slow_link=False)
    page.goto(f"/maatje/{match_id}/tijdlijn")
    page.locator("[data-testid=timeline-item]" if expect_rows else "[data-testid=timeline-item], [data-testid=timeline-empty]").first.wait_for()
    page.wait_for_function("() => performance.getEntriesByName('timeline:shown').length > 0")
    start, read, built, shown = page.evaluate("""() => ['start', 'read', 'built', 'shown'].map(
        (name) => performance.getEntriesByName(`timeline:${name}`)[0].startTime)""")
    SPLITS.append((read - start, built - read, shown - built))
    rows = page.locator("[data-testid=timeline-item]").count()
    assert rows <= 60 if expect_rows else True, f"{rows} rows rendered: only the first page should be"
    page.close()
    return shown - start, shown


def run(items: int, runs: int, dist: Path) -> list:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    if not (dist / "index.html").exists():
        raise SystemExit(f"{dist} holds no built PWA: run `make pwa` first")
    figures = []
    with bench_database("sqlite") as uri:
        app = make_app(uri, PWA_DIST=dist)
        full, empty = seed(app, items)
        base_url, server = serve(app)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                context = browser.new_context(base_url=base_url, locale="nl-NL", timezone_id="Europe/Amsterdam",
                                              viewport={"width": 360, "height": 800})
                context.set_default_timeout(120_000)
                page = context.new_page()
                page.goto("/")
                page.get_by_label("E-mailadres").fill(EMAIL)
                page.get_by_label("Wachtwoord").fill(PASSWORD)
                page.get_by_role("button", name="Inloggen").click()
                page.locator("[data-testid=sync-badge][data-state=synced]").wait_for()
                count = stored(page, full)
                assert count == items, f"{count} rows stored, expected {items}"
                page.close()
                for cpu_slow in (False, True):
                    label = "4x cpu" if cpu_slow else "1x cpu"
                    SPLITS.clear()
                    full_runs = [open_timeline(context, full, cpu_slow, True) for _ in range(runs)]
                    best = min(range(runs), key=lambda i: full_runs[i][0])
                    print(f"{label}: best render split: read {SPLITS[best][0]:.1f} ms, overlays and merge "
                          f"{SPLITS[best][1]:.1f} ms, first page to the DOM {SPLITS[best][2]:.1f} ms", flush=True)
                    empty_runs = [open_timeline(context, empty, cpu_slow, False) for _ in range(runs)]
                    render, nav = min(r for r, _ in full_runs), min(n for _, n in full_runs)
                    base_render, base_nav = min(r for r, _ in empty_runs), min(n for _, n in empty_runs)
                    print(f"{label}: {items} items render {render:.1f} ms (empty match {base_render:.1f} ms), "
                          f"navigation to list {nav:.0f} ms (empty {base_nav:.0f} ms)", flush=True)
                    target = TARGET_MS if not cpu_slow else None
                    figures.append(Figure("timeline", f"render {label}", render, "ms", base_render, "ms empty",
                                          render / base_render if base_render else float("nan"),
                                          f"< {TARGET_MS:g} ms" if target else "-", render < target if target else None))
                    figures.append(Figure("timeline", f"navigation {label}", nav, "ms", base_nav, "ms empty",
                                          nav / base_nav if base_nav else float("nan"), "-", None))
                context.close()
                browser.close()
        finally:
            server.shutdown()
            dispose(app)
    return figures


def main(argv=None) -> list:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=ITEMS, help=f"meetings + activities in the match (default {ITEMS:,})")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs per figure, best taken (default {RUNS})")
    parser.add_argument("--dist", type=Path, default=Path(__file__).resolve().parent.parent / "pwa" / "dist",
                        help="the built PWA to serve (default pwa/dist)")
    args = parser.parse_args(argv)
    figures = run(args.items, args.runs, args.dist.resolve())
    print()
    print_figures(figures)
    return figures


if __name__ == "__main__":
    main()
