"""Phrase practice fixtures: the matching world (Amal the newcomer, Sanne her buddy, each on their
own phone), their active match, and helpers that build review arguments as the phone sends them."""
import datetime as dt
import uuid
from types import SimpleNamespace

import pytest

from backend.db import utcnow
from tests.matching.conftest import people, world  # noqa: F401  (fixtures)


@pytest.fixture
def pair(world, make_match):  # noqa: F811
    """The active match of world.newcomer (Amal) and world.buddy (Sanne)."""
    match = make_match(world.newcomer, world.buddy)
    return SimpleNamespace(match=match, id=str(match.id), scope=f"match:{match.id}")


def new_id() -> str:
    return str(uuid.uuid4())


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat()


def card(reviewed_at: dt.datetime, days: int = 3, reps: int = 1) -> dict:
    """A ts-fsrs Card as the phone derives it after a review at `reviewed_at`."""
    return {"due": iso(reviewed_at + dt.timedelta(days=days)), "stability": float(days), "difficulty": 5.0,
            "elapsed_days": 0, "scheduled_days": days, "learning_steps": 0, "reps": reps, "lapses": 0,
            "state": 2, "last_review": iso(reviewed_at)}


def review_args(phrase_id="kennismaken.hoe-heet-je", at=None, rating=3, days=3, **extra) -> dict:
    at = at or utcnow().replace(microsecond=0)
    return {"id": new_id(), "phrase_id": phrase_id, "rating": rating, "mode": "recognise", "reviewed_at": iso(at),
            "card": card(at, days), **extra}
