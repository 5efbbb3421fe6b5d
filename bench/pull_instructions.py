"""Benchmark: CPU instructions per up-to-date pull request, against the bare route (valgrind).

Wall-clock figures on these small shared machines move by 10% between runs minutes apart,
which hides the effect of most single changes. Instruction counts do not move: the same
code, inputs and PYTHONHASHSEED give the same count. This counts, in-process (the WSGI app
called directly, no server), the instructions of N requests of each kind:

  bare: GET /bench/bare (the same app, no database), the baseline
  pull: an up-to-date POST /api/sync/pull (limit 500) with the session cookie and CSRF token

Each kind runs twice under `valgrind --tool=callgrind`, with 0 and with N requests after the
same warm-up; the difference over N is the cost of one request. Ratio: bare / pull (the same
sense as bench/http_pull.py). SQLite only: a database server's own work is not counted.

    .venv/bin/python -m bench.pull_instructions [--requests 200]

Takes about 2 minutes (valgrind runs 2 at a time). Needs valgrind (apt-get install valgrind).
"""
import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor

from bench.common import PASSWORD, Figure, dispose, make_app, print_figures, seed_feed
from bench.http_pull import USER_AGENT

WARMUP = 30


def prepare(tmp: str) -> str:
    """Seed a SQLite file, log in, pull up to date; write what a request needs to a JSON file."""
    uri = f"sqlite:///{tmp}/bench.sqlite"
    app = make_app(uri)
    seeded = seed_feed(app)
    client = app.test_client()
    answer = client.post("/api/auth/login", json={"email": seeded.email, "password": PASSWORD},
                         headers={"User-Agent": USER_AGENT})
    csrf = answer.json["csrf_token"]
    client_id, cursor = str(uuid.uuid4()), None
    for _ in range(1_000):
        page = client.post("/api/sync/pull", json={"client_id": client_id, "schema_version": 1, "cursor": cursor,
                                                   "limit": 1000},
                           headers={"X-CSRF-Token": csrf, "User-Agent": USER_AGENT}).json
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    request = {"uri": uri, "csrf": csrf, "cookie": client.get_cookie("session").value,
               "body": json.dumps({"client_id": client_id, "schema_version": 1, "cursor": cursor, "limit": 500})}
    dispose(app)
    path = os.path.join(tmp, "request.json")
    with open(path, "w") as f:
        json.dump(request, f)
    return path


def serve(request_path: str, kind: str, n: int) -> None:
    """Run WARMUP + n requests of `kind` through the app in this process (under valgrind)."""
    from flask import jsonify
    from werkzeug.test import EnvironBuilder

    from backend import create_app
    from backend.config import TestConfig

    with open(request_path) as f:
        req = json.load(f)

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = req["uri"]
        TESTING = False  # production error handling and hooks

    app = create_app(Config)
    app.add_url_rule("/bench/bare", "bench_bare", lambda: jsonify({"status": "ok"}))
    base = {"REMOTE_ADDR": "127.0.0.1"}
    if kind == "bare":
        data = b""
        environ = EnvironBuilder("/bench/bare", headers={"User-Agent": USER_AGENT}, environ_base=base).get_environ()
    else:
        data = req["body"].encode()
        environ = EnvironBuilder("/api/sync/pull", method="POST", data=data, environ_base=base, headers={
            "Content-Type": "application/json", "X-CSRF-Token": req["csrf"], "User-Agent": USER_AGENT,
            "Cookie": f"session={req['cookie']}"}).get_environ()

    def one():
        env = dict(environ, **{"wsgi.input": io.BytesIO(data)})
        status = []
        body = app.wsgi_app(env, lambda s, h, e=None: status.append(s))
        content = b"".join(body)
        body.close()
        if not status[0].startswith("200") or (kind == "pull" and b'"changes":[]' not in content):
            raise SystemExit(f"{kind}: {status[0]} {content[:200]!r}")

    for _ in range(WARMUP + n):
        one()


def count(request_path: str, kind: str, n: int) -> int:
    """Instructions of a whole serve() run under callgrind."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-m",
         "bench.pull_instructions", "--serve", request_path, kind, str(n)],
        capture_output=True, text=True, env=env, cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"valgrind failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return int(found.group(1))


def run(n: int) -> list:
    print("== pull_instructions on sqlite (valgrind; about 2 minutes)")
    if not shutil.which("valgrind"):
        sys.exit("valgrind is missing. Install it with: apt-get install -y valgrind")
    with tempfile.TemporaryDirectory(prefix="maatje-instr-") as tmp:
        path = prepare(tmp)
        with ThreadPoolExecutor(max_workers=2) as pool:
            runs = {(kind, k): pool.submit(count, path, kind, k) for kind in ("bare", "pull") for k in (0, n)}
            total = {key: job.result() for key, job in runs.items()}
    bare = (total["bare", n] - total["bare", 0]) / n
    pull = (total["pull", n] - total["pull", 0]) / n
    print(f"   bare {bare:,.0f} instructions/request, up-to-date pull {pull:,.0f}, ratio {bare / pull:.2f}")
    return [Figure("pull_instructions (in-process)", "sqlite", pull, "instr/req", bare, "instr/req",
                   bare / pull, "-", None)]


def main(argv=None) -> list:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests counted per kind (default 200)")
    parser.add_argument("--serve", nargs=3, metavar=("REQUEST_JSON", "KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve[0], args.serve[1], int(args.serve[2]))
        return []
    figures = run(args.requests)
    print()
    print_figures(figures)
    return figures


if __name__ == "__main__":
    main()
