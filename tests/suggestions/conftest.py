"""Factories for suggestion tests: buddies and newcomers straight into the database (no login)."""
import datetime as dt
import uuid

import pytest

from backend.accounts.models import User
from backend.buddies.models import BuddyProfile
from backend.db import utcnow
from backend.extensions import db as _db
from backend.newcomers.models import NewcomerIntake
from backend.orgs.service import get_by_code

MONDAY_MORNING = [{"day": 0, "start": "10:00", "end": "12:00"}]


def _user(role, name, org):
    user = User(email=None, username=f"{role}-{uuid.uuid4().hex[:10]}", password_hash="", display_name=name,
                organisation=org, availability=[])
    user.roles = [role]
    _db.session.add(user)
    _db.session.flush()
    return user


@pytest.fixture
def make_buddy(app):
    """make_buddy(name, org="GM0344", **profile) -> the buddy's user id (available, VOG valid)."""

    def _make(name="Maatje", org="GM0344", **profile):
        with app.app_context():
            organisation = get_by_code(org)
            user = _user("buddy", name, organisation)
            values = dict(kind="volunteer", languages=["nl"], interests=[], availability=MONDAY_MORNING,
                          municipality_code=org, capacity=1, state="available",
                          vog_date=dt.date.today() - dt.timedelta(days=30), consent_version="1", consent_at=utcnow())
            values.update(profile)
            _db.session.add(BuddyProfile(user_id=user.id, organisation_id=organisation.id, **values))
            _db.session.commit()
            return user.id

    return _make


@pytest.fixture
def make_newcomer(app):
    """make_newcomer(name, org="GM0344", **intake) -> the newcomer's user id (with an intake)."""

    def _make(name="Nieuwkomer", org="GM0344", **intake):
        with app.app_context():
            organisation = get_by_code(org)
            user = _user("newcomer", name, organisation)
            values = dict(category="permit_holder", languages=["ar"], dutch_level="A1", municipality_code=org,
                          interests=[], availability=MONDAY_MORNING, preferences={})
            values.update(intake)
            _db.session.add(NewcomerIntake(user_id=user.id, organisation_id=organisation.id, **values))
            _db.session.commit()
            return user.id

    return _make
