"""Benchmark: requests/s of an up-to-date pull over HTTP, against a bare route of the same app.

Seeds the feed of bench/sync_pull.py, starts gunicorn (2 sync workers, 127.0.0.1, a free
port) on bench.wsgi:app, logs in over HTTP, pulls everything once to get an up-to-date
cursor, then runs wrk alternately on GET /bench/bare (baseline: the app with no database)
and POST /api/sync/pull with that cursor (limit 500), ROUNDS times each, and reports the
medians and the ratio pull/bare. Target: ratio >= 0.5. gunicorn is always stopped.

    .venv/bin/python -m bench.http_pull [--postgres] [--duration 10] [--rounds 3]

wrk is installed with apt-get when missing and we are root; otherwise run
`sudo apt-get install -y wrk` first.
"""
import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

from bench.common import PASSWORD, Figure, bench_database, dispose, make_app, parse_kinds, print_figures, seed_feed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GUNICORN = os.path.join(ROOT, ".venv", "bin", "gunicorn")
TARGET_RATIO = 0.5
PULL_LIMIT = 500
WRK_THREADS, WRK_CONNECTIONS = 1, 4
WARMUP_S = 2

LUA = """
wrk.method = %(method)s
wrk.body = %(body)s
%(headers)s
done = function(summary, latency, requests)
  io.write(string.format('WRK_RESULT {"requests":%%d,"duration_us":%%d,"status_errors":%%d,' ..
    '"socket_errors":%%d,"latency_p50_us":%%d,"latency_p99_us":%%d}\\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def ensure_wrk() -> str:
    """Return the path of wrk, installing it from Debian when missing and we are root."""
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() != 0:
        sys.exit("wrk is missing. Install it with: sudo apt-get install -y wrk")
    print("   wrk is missing: apt-get update && apt-get install -y wrk")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    path = shutil.which("wrk")
    if not path:
        sys.exit("wrk is still missing after apt-get install -y wrk")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid Lua string literal for this text


class Server:
    """gunicorn with 2 sync workers on 127.0.0.1:port serving bench.wsgi:app."""

    def __init__(self, uri: str, tmp: str):
        self.port = free_port()
        self.log = os.path.join(tmp, "gunicorn.log")
        env = {**os.environ, "BENCH_DATABASE_URI": uri, "SECRET_KEY": secrets.token_hex(32),
               "MAATJE_INSTANCE": tmp, "PYTHONPATH": ROOT}
        env.pop("DATABASE_URL", None)
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(
                [GUNICORN, "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{self.port}",
                 "--chdir", ROOT, "--log-level", "warning", "bench.wsgi:app"],
                env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                status, _, _ = self.request("GET", "/bench/bare")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{self.tail()}")

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            data = json.dumps(body).encode() if body is not None else None
            hdrs = {"Content-Type": "application/json", **(headers or {})} if data else dict(headers or {})
            conn.request(method, path, body=data, headers=hdrs)
            resp = conn.getresponse()
            return resp.status, resp.getheaders(), resp.read()
        finally:
            conn.close()

    def tail(self) -> str:
        try:
            with open(self.log) as f:
                return "".join(f.readlines()[-30:])
        except OSError:
            return ""

    def stop(self):
        """Stop gunicorn (SIGTERM to its own process group, then SIGKILL if it lingers)."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
            except ProcessLookupError:
                pass


# One device, one User-Agent: flask-login ties a session to it, and a request from another
# agent marks the session "not fresh", which re-signs the cookie on every request wrk sends
# (wrk never stores cookies). A phone sends the same agent every time.
USER_AGENT = "maatje-bench-phone/1.0"


def login(server: Server, email: str) -> dict:
    """Log in over HTTP; return the headers an authenticated unsafe request needs."""
    status, headers, body = server.request("POST", "/api/auth/login", {"email": email, "password": PASSWORD},
                                           {"User-Agent": USER_AGENT})
    if status != 200:
        raise RuntimeError(f"login failed: {status} {body[:300]!r}")
    cookies = [v.split(";", 1)[0] for k, v in headers if k.lower() == "set-cookie"]
    session = [c for c in cookies if c.startswith("session=")]
    if not session:
        raise RuntimeError(f"login set no session cookie: {cookies}")
    return {"Cookie": "; ".join(session), "X-CSRF-Token": json.loads(body)["csrf_token"], "User-Agent": USER_AGENT}


def pull_to_date(server: Server, auth: dict, client_id: str, expected: int) -> str:
    """Pull every page over HTTP (limit 1000); return the up-to-date cursor."""
    cursor, rows = None, 0
    for _ in range(1_000):
        status, _, body = server.request("POST", "/api/sync/pull", {
            "client_id": client_id, "schema_version": 1, "cursor": cursor, "limit": 1000}, auth)
        if status != 200:
            raise RuntimeError(f"pull failed: {status} {body[:300]!r}")
        page = json.loads(body)
        rows += len(page["changes"])
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert rows == expected, f"pulled {rows} rows over HTTP, expected {expected}"
    return cursor


def run_wrk(wrk: str, url: str, script: str, seconds: float) -> dict:
    out = subprocess.run(
        [wrk, "-t", str(WRK_THREADS), "-c", str(WRK_CONNECTIONS), "-d", f"{seconds:g}s", "--latency",
         "-s", script, url], capture_output=True, text=True, timeout=seconds + 60)
    match = re.search(r"^WRK_RESULT (\{.*\})$", out.stdout, re.M)
    if out.returncode != 0 or not match:
        raise RuntimeError(f"wrk failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    result = json.loads(match.group(1))
    if result["status_errors"] or result["requests"] == 0:
        raise RuntimeError(f"wrk saw {result['status_errors']} non-2xx/3xx answers of {result['requests']}:\n"
                           f"{out.stdout}")
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def write_script(path: str, method: str, body: str | None, headers: dict) -> str:
    lines = "\n".join(f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items())
    with open(path, "w") as f:
        f.write(LUA % {"method": _lua_string(method), "body": _lua_string(body) if body else "nil",
                       "headers": lines})
    return path


def run(kind: str, duration: float, rounds: int) -> list:
    print(f"== http_pull on {kind}")
    wrk = ensure_wrk()
    with bench_database(kind) as uri, tempfile.TemporaryDirectory(prefix="maatje-http-") as tmp:
        app = make_app(uri)
        try:
            seeded = seed_feed(app)
        finally:
            dispose(app)
        server = Server(uri, tmp)
        try:
            server.wait_ready()
            auth = login(server, seeded.email)
            client_id = str(uuid.uuid4())
            cursor = pull_to_date(server, auth, client_id, seeded.expected_rows)
            body = json.dumps({"client_id": client_id, "schema_version": 1, "cursor": cursor, "limit": PULL_LIMIT})
            status, _, answer = server.request("POST", "/api/sync/pull", json.loads(body), auth)
            page = json.loads(answer)
            assert status == 200 and page["changes"] == [] and not page["has_more"] and page["cursor"] == cursor, \
                (status, answer[:300])
            bare_lua = write_script(os.path.join(tmp, "bare.lua"), "GET", None, {})
            pull_lua = write_script(os.path.join(tmp, "pull.lua"), "POST", body,
                                    {"Content-Type": "application/json", **auth})
            base = f"http://127.0.0.1:{server.port}"
            run_wrk(wrk, base + "/bench/bare", bare_lua, WARMUP_S)  # warm both workers and paths
            run_wrk(wrk, base + "/api/sync/pull", pull_lua, WARMUP_S)
            bares, pulls = [], []
            for i in range(rounds):
                bares.append(run_wrk(wrk, base + "/bench/bare", bare_lua, duration))
                pulls.append(run_wrk(wrk, base + "/api/sync/pull", pull_lua, duration))
                print(f"   round {i + 1}: bare {bares[-1]['rps']:,.0f} req/s "
                      f"(p50 {bares[-1]['latency_p50_us'] / 1000:.1f} ms), up-to-date pull {pulls[-1]['rps']:,.0f} "
                      f"req/s (p50 {pulls[-1]['latency_p50_us'] / 1000:.1f} ms)")
        finally:
            server.stop()
    bare_rps = statistics.median(r["rps"] for r in bares)
    pull_rps = statistics.median(r["rps"] for r in pulls)
    ratio = pull_rps / bare_rps
    print(f"   median: pull {pull_rps:,.0f} req/s, bare {bare_rps:,.0f} req/s, ratio {ratio:.2f} "
          f"({1000 / pull_rps:.2f} ms vs {1000 / bare_rps:.2f} ms of server capacity per request)")
    return [Figure("http_pull (up-to-date, wrk)", kind, pull_rps, "req/s", bare_rps, "req/s", ratio,
                   f"ratio >= {TARGET_RATIO}", ratio >= TARGET_RATIO)]


def main(argv=None) -> list:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--duration", type=float, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="bare/pull pairs (default 3)")
    args = parser.parse_args(argv)
    kinds = parse_kinds("both" if args.postgres else "sqlite")
    figures = [f for kind in kinds for f in run(kind, args.duration, args.rounds)]
    print()
    print_figures(figures)
    return figures


if __name__ == "__main__":
    main()
