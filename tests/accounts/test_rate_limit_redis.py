"""With RATELIMIT_STORAGE_URI pointing at Redis, several instances share one login limit.

The test starts its own redis-server on a free port (`make test` installs it from Debian when
missing), so it needs no Redis already running and never touches one that is.
"""
import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis

from backend import create_app
from backend.config import TestConfig
from backend.extensions import db


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


def test_two_instances_share_the_login_limit(app, make_user, redis_url):
    make_user(email="a@example.org")

    class RedisConfig(TestConfig):
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]
        RATELIMIT_STORAGE_URI = redis_url
        RATELIMIT_KEY_PREFIX = f"test-{uuid.uuid4().hex}"

    instances = [create_app(RedisConfig), create_app(RedisConfig)]
    codes = []
    try:
        for i in range(6):
            client = instances[i % 2].test_client()  # a load balancer alternating instances
            codes.append(client.post("/api/auth/login", json={"email": "a@example.org", "password": "wrong-one"}).status_code)
    finally:
        for instance in instances:
            with instance.app_context():
                db.engine.dispose()  # close their pooled connections now, not at garbage collection
    assert codes == [401] * 5 + [429]
    # The counts live in this Redis: the limit really was shared through it, not per process.
    # The counter lives in this Redis: the instances really shared it there.
    with redis.Redis.from_url(redis_url) as server:
        assert server.keys(f"*{RedisConfig.RATELIMIT_KEY_PREFIX}/login-email:a@example.org/*")
