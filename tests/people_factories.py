"""Factories for buddies and newcomer intakes written straight into the database (import the fixtures)."""
import datetime as dt
import uuid

import pytest

from backend.catalogues.catalogue import PRIVACY_VERSION
from backend.db import utcnow
from backend.extensions import db as _db


def signup_payload(**overrides) -> dict:
    """A valid volunteer sign-up; overrides replace fields (None removes one)."""
    data = {
        "display_name": "Sanne de Vries", "email": f"sanne-{uuid.uuid4().hex[:6]}@example.org",
        "password": "een-lang-wachtwoord", "locale": "nl", "kind": "volunteer", "languages": ["nl", "en"],
        "interests": ["cooking"], "availability": [{"day": 2, "start": "18:00", "end": "21:00"}],
        "municipality": "GM0344", "capacity": 2, "privacy_version": PRIVACY_VERSION,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def make_buddy(app, make_user):
    """Return a factory: make_buddy(org="GM0344", state="signed_up", vog_date=None, name=None) -> user id."""
    from backend.buddies.models import BuddyProfile, VettingStep
    from backend.orgs.service import get_by_code

    def _make(org="GM0344", state="signed_up", vog_date=None, name=None, kind="volunteer", capacity=1):
        user = make_user("buddy", org=org, name=name or "Buddy")
        with app.app_context():
            _db.session.add(BuddyProfile(
                user_id=user.id, organisation_id=get_by_code(org).id, kind=kind, languages=["nl"], interests=[],
                availability=[], municipality_code=org, capacity=capacity, state=state, vog_date=vog_date,
                consent_version=PRIVACY_VERSION, consent_at=utcnow()))
            _db.session.flush()
            _db.session.add(VettingStep(buddy_id=user.id, to_state=state))
            _db.session.commit()
        return user.id

    return _make


@pytest.fixture
def make_intake(app, make_user):
    """Return a factory: make_intake(org="GM0344", name=None) -> user id of a newcomer with an intake."""
    from backend.newcomers.models import NewcomerIntake
    from backend.orgs.service import get_by_code

    def _make(org="GM0344", name=None):
        user = make_user("newcomer", org=org, name=name or "Newcomer")
        with app.app_context():
            _db.session.add(NewcomerIntake(
                user_id=user.id, organisation_id=get_by_code(org).id, category="permit_holder", languages=["ar"],
                dutch_level="A1", municipality_code=org, goals={}, interests=[], availability=[], preferences={},
                consents=[{"kind": "privacy", "version": PRIVACY_VERSION, "at": utcnow().isoformat()}]))
            _db.session.commit()
        return user.id

    return _make


@pytest.fixture
def as_coordinator(auth, make_user):
    """Return a helper: as_coordinator(org) logs a new coordinator of `org` in and returns the user."""
    def _login(org="GM0344"):
        user = make_user("coordinator", org=org)
        assert auth.login(user.email).status_code == 200
        return user

    return _login


def days_ago(n: int) -> dt.date:
    return dt.date.today() - dt.timedelta(days=n)
