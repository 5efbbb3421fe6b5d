"""Push fixtures: a VAPID pair of the test app, and a local push service the app may post to."""

from tests.push.fixtures import push_service, vapid_keys  # noqa: F401
