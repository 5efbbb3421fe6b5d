"""Benchmark: one answer in a practice session, with 2,000 cards on the phone, in Chromium.

Bundles bench/practice_queue.entry.ts (the practice core of pwa/src as the screens import it:
queue.ts, cards.ts, mutations.ts, fsrs.ts, Dexie) with rolldown from pwa/node_modules, serves
it on 127.0.0.1 and drives Debian's Chromium (never `playwright install`). In the page:

- seed: 2,000 phrases with 1-15 reviews each over the last half year (about 13,000 `review`
  rows, stored as a pull stores them) and 300 phrases not started; `refreshCards` builds the
  `card` table from them (timed, printed), and once more with nothing to redo (printed);
- per answer (timed, median of `--reviews`, default 200): `buildQueue` from the in-memory cards
  with the day's counts, `nextCard`, then `logReview` (the card after the answer, review.log
  queued in the outbox, the card stored);
- baseline in the same run: one row put in an empty IndexedDB store with the bare API (one
  readwrite transaction), median of the same count.

At full speed and with the CPU slowed 4 times (CDP, a cheap phone). Target: median < 5 ms at
full speed.

    .venv/bin/python -m bench.practice_queue [--cards 2000] [--reviews 200]
"""
import argparse
import functools
import http.server
import logging
import subprocess
import tempfile
import threading
from pathlib import Path

from bench.common import Figure, print_figures
from bench.first_sync import throttle

ROOT = Path(__file__).resolve().parent.parent
CARDS = 2_000
REVIEWS = 200
TARGET_MS = 5.0
PAGE = '<!doctype html><meta charset="utf-8"><title>practice bench</title><script type="module" src="bench.js"></script>'


def bundle(out: Path) -> None:
    """The entry and everything it imports, as one ES module in `out`/bench.js."""
    rolldown = ROOT / "pwa" / "node_modules" / ".bin" / "rolldown"
    if not rolldown.exists():
        raise SystemExit("pwa/node_modules holds no rolldown: install the PWA's packages first")
    subprocess.run([str(rolldown), str(ROOT / "bench" / "practice_queue.entry.ts"), "--file", str(out / "bench.js"),
                    "--format", "esm", "--platform", "browser", "--minify"], check=True, capture_output=True)
    (out / "index.html").write_text(PAGE)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # no line per request
        pass


def serve(directory: Path):
    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def measure(context, cards: int, reviews: int, cpu_slow: bool) -> dict:
    page = context.new_page()
    if cpu_slow:
        throttle(page, slow_link=False)
    page.goto("/")
    page.wait_for_function("() => window.practiceBench !== undefined")
    seeded = page.evaluate("(n) => window.practiceBench.seed(n)", cards)
    base_before = page.evaluate("(n) => window.practiceBench.baseline(n)", reviews)
    session = page.evaluate("(n) => window.practiceBench.session(n)", reviews)
    base_after = page.evaluate("(n) => window.practiceBench.baseline(n)", reviews)
    page.close()
    return {**seeded, **session, "baseline": min(base_before, base_after)}


def run(cards: int = CARDS, reviews: int = REVIEWS) -> list:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    logging.getLogger().setLevel(logging.WARNING)
    figures = []
    with tempfile.TemporaryDirectory(prefix="practice-bench-") as tmp:
        bundle(Path(tmp))
        base_url, server = serve(Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                context = browser.new_context(base_url=base_url, timezone_id="Europe/Amsterdam")
                context.set_default_timeout(300_000)
                for cpu_slow in (False, True):
                    label = "4x cpu" if cpu_slow else "1x cpu"
                    m = measure(context, cards, reviews, cpu_slow)
                    times = sorted(m["times"])
                    print(f"{label}: {cards} cards from {m['reviews']} reviews, refreshCards {m['refreshMs']:.0f} ms "
                          f"(nothing to redo: {m['refreshAgainMs']:.0f} ms), {m['due']} due at the start", flush=True)
                    print(f"{label}: per answer median {m['medianMs']:.2f} ms (queue + next card {m['queueMs']:.2f} ms), "
                          f"p90 {times[int(len(times) * 0.9)]:.2f} ms; one bare IndexedDB write {m['baseline']:.2f} ms",
                          flush=True)
                    target = TARGET_MS if not cpu_slow else None
                    figures.append(Figure("practice_queue", f"answer {label}", m["medianMs"], "ms", m["baseline"],
                                          "ms 1 write", m["medianMs"] / m["baseline"] if m["baseline"] else float("nan"),
                                          f"< {TARGET_MS:g} ms" if target else "-",
                                          m["medianMs"] < target if target else None))
                context.close()
                browser.close()
        finally:
            server.shutdown()
    return figures


def main(argv=None) -> list:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=CARDS, help=f"phrases with a history (default {CARDS:,})")
    parser.add_argument("--reviews", type=int, default=REVIEWS, help=f"answers timed, median taken (default {REVIEWS})")
    args = parser.parse_args(argv)
    figures = run(args.cards, args.reviews)
    print()
    print_figures(figures)
    return figures


if __name__ == "__main__":
    main()
