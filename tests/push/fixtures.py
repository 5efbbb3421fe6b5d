"""Fixtures shared by tests/push and tests/reminders."""
import pytest

from backend.push import vapid
from tests.push.helpers import PushService


@pytest.fixture(autouse=True)
def vapid_keys(app):
    """The test app's VAPID pair, as from the environment (nothing written to the instance folder)."""
    keys = vapid.generate()
    saved = {k: app.config.get(k) for k in ("VAPID_PRIVATE_KEY", "VAPID_PUBLIC_KEY")}
    app.config.update(VAPID_PRIVATE_KEY=keys.private_key, VAPID_PUBLIC_KEY=keys.public_key)
    app.extensions.pop("maatje_vapid", None)
    yield keys
    app.config.update(saved)
    app.extensions.pop("maatje_vapid", None)


@pytest.fixture
def push_service(app):
    """A local push service; the app may post to it (PUSH_ALLOWED_HOSTS) while the test runs."""
    service = PushService()
    saved = app.config["PUSH_ALLOWED_HOSTS"]
    app.config["PUSH_ALLOWED_HOSTS"] = [service.host]
    yield service
    app.config["PUSH_ALLOWED_HOSTS"] = saved
    service.stop()
