"""With RATELIMIT_STORAGE_URI pointing at Redis, several instances share one login limit."""
import os
import uuid

import pytest

from backend import create_app
from backend.config import TestConfig
from backend.extensions import db

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_two_instances_share_the_login_limit(app, make_user):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail(f"Redis is not running at {REDIS}; .ci/run starts it (see README).")
    make_user(email="a@example.org")

    class RedisConfig(TestConfig):
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]
        RATELIMIT_STORAGE_URI = REDIS
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
