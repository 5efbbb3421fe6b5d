"""Run every benchmark and print one summary table (`make bench`).

    .venv/bin/python -m bench.run_all [--sqlite-only] [--http-duration 10] [--http-rounds 3] [--strict]

PostgreSQL (BENCH_PG_ADMIN_URL, default postgresql+psycopg://root@127.0.0.1:5432/test) is used
when it answers; each benchmark makes and drops its own database (BENCH_PG_DB, bench_maatje).
With --strict the exit status is 1 when a figure misses its target.
"""
import argparse
import shutil
import sys
import time
from pathlib import Path

from bench import http_pull, practice_queue, pull_instructions, suggestions, sync_pull, sync_push
from bench.common import parse_kinds, print_figures
from tests.e2e.conftest import CHROMIUM


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--http-duration", type=float, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--http-rounds", type=int, default=3, help="bare/pull wrk pairs (default 3)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    kinds = parse_kinds("sqlite" if args.sqlite_only else "both")
    started, figures = time.monotonic(), []
    for kind in kinds:
        figures += sync_pull.run(kind)
    for kind in kinds:
        figures += sync_push.run(kind)
    for kind in kinds:
        figures += http_pull.run(kind, args.http_duration, args.http_rounds)
    for kind in kinds:
        figures += suggestions.run(kind)
    if shutil.which("valgrind"):
        figures += pull_instructions.run(200)
    else:
        print("note: valgrind is missing; skipping pull_instructions")
    if Path(CHROMIUM).exists():
        figures += practice_queue.run()
    else:
        print(f"note: {CHROMIUM} is missing; skipping practice_queue")
    print()
    print(f"Summary ({time.monotonic() - started:.0f} s; ratio = figure / baseline, both from the same run)")
    print_figures(figures)
    missed = [f for f in figures if f.passed is False]
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
