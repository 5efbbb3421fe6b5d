"""With RATELIMIT_STORAGE_URI pointing at Redis, several instances share one login limit.

The test starts its own redis-server on a free port (`make test` installs it from Debian when
missing), so it needs no Redis already running and never touches one that is.
"""
import json
import shutil
import socket
import subprocess
import sys
import time
import uuid

import pytest
import redis


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """Run a throw-away redis-server for this module; return its URL."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is missing: `make test` installs it (sudo apt-get install redis-server).")
    port, folder = _free_port(), tmp_path_factory.mktemp("redis")
    log = open(folder / "redis.log", "wb")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--daemonize", "no", "--dir", str(folder)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        _wait_for(url, process, folder / "redis.log")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def _wait_for(url, process, log_path, seconds=10.0):
    """Return once the server answers PING; fail with its log if it exits or stays silent."""
    deadline = time.monotonic() + seconds
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"redis-server exited ({process.returncode}):\n{log_path.read_text()}")
            try:
                if client.ping():
                    return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline:
                    pytest.fail(f"redis-server did not answer within {seconds} s:\n{log_path.read_text()}")
                time.sleep(0.05)
    finally:
        client.close()


# One app instance per process, as behind a load balancer: nothing is shared but Redis.
# (In one process every app shares the module-global limiter, which proves nothing.)
WORKER = """
import json, sys
from backend import create_app
from backend.config import TestConfig

class Config(TestConfig):
    SQLALCHEMY_DATABASE_URI, RATELIMIT_STORAGE_URI, RATELIMIT_KEY_PREFIX = sys.argv[1:4]

client = create_app(Config).test_client()
print("ready", flush=True)
for line in sys.stdin:
    print(client.post("/api/auth/login", json=json.loads(line)).status_code, flush=True)
"""


def test_two_instances_share_the_login_limit(app, make_user, redis_url):
    make_user(email="a@example.org")
    prefix = f"test-{uuid.uuid4().hex}"
    argv = [sys.executable, "-c", WORKER, app.config["SQLALCHEMY_DATABASE_URI"], redis_url, prefix]
    instances = [subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    codes = []
    try:
        for instance in instances:
            assert instance.stdout.readline().strip() == "ready"
        for i in range(6):
            instance = instances[i % 2]  # a load balancer alternating instances
            instance.stdin.write(json.dumps({"email": "a@example.org", "password": "wrong-one"}) + "\n")
            instance.stdin.flush()
            codes.append(int(instance.stdout.readline()))
    finally:
        for instance in instances:
            instance.stdin.close()
            instance.wait(timeout=30)
            instance.stdout.close()
    assert codes == [401] * 5 + [429]  # with a limit per instance (5 per minute) all six would be 401
    with redis.Redis.from_url(redis_url) as server:
        assert server.keys(f"*{prefix}/login-account:*")
