"""Fixtures of the pair's life together (activities, goals, hours): the matching world plus an
active match of Amal (newcomer) and Sanne (buddy), made directly."""
import uuid
from types import SimpleNamespace

import pytest

from tests.matching.conftest import people, world  # noqa: F401  (fixtures)


@pytest.fixture
def pair(world, make_match):  # noqa: F811
    """The active match of world.newcomer and world.buddy."""
    match = make_match(world.newcomer, world.buddy)
    return SimpleNamespace(match=match, id=str(match.id), scope=f"match:{match.id}")


def new_id() -> str:
    return str(uuid.uuid4())
