"""Matching fixtures: a municipal branch with its coordinator, people of other branches and
levels, newcomers with an intake and buddies with a profile (made directly: the sign-up and
intake services live elsewhere)."""
import datetime as dt
from types import SimpleNamespace

import pytest

from backend.buddies.models import BuddyProfile
from backend.db import utcnow
from backend.extensions import db as _db
from backend.newcomers.models import NewcomerIntake
from backend.orgs.service import get_by_code
from tests.conftest import AuthActions
from tests.sync.helpers import Device

BRANCH, OTHER_BRANCH, PROVINCE, NATION = "GM0344", "GM0363", "PV26", "NL"


def add_intake(app, user, org=BRANCH, languages=("ar", "en"), interests=("cooking", "sport"),
               municipality=BRANCH):
    with app.app_context():
        _db.session.add(NewcomerIntake(
            user_id=user.id, organisation_id=get_by_code(org).id, category="permit_holder", dutch_level="A1",
            languages=list(languages), interests=list(interests), municipality_code=municipality,
            goals={}, availability=[], preferences={}, consents=[]))
        _db.session.commit()


def add_profile(app, user, org=BRANCH, capacity=1, state="available", vog_days_ago=30, kind="volunteer",
                languages=("en", "nl"), interests=("sport", "music"), mdt_end=None, municipality=BRANCH):
    today = utcnow().date()
    with app.app_context():
        _db.session.add(BuddyProfile(
            user_id=user.id, organisation_id=get_by_code(org).id, kind=kind, capacity=capacity, state=state,
            vog_date=None if vog_days_ago is None else today - dt.timedelta(days=vog_days_ago),
            languages=list(languages), interests=list(interests), municipality_code=municipality,
            mdt_end=mdt_end, consent_version="1", consent_at=utcnow()))
        _db.session.commit()


def set_user(app, user, **fields):
    from backend.accounts.models import User

    with app.app_context():
        row = _db.session.get(User, user.id)
        for key, value in fields.items():
            setattr(row, key, value)
        _db.session.commit()


class Person:
    """A user with their own browser (test client): REST calls and a sync device."""

    def __init__(self, app, user):
        self.user, self.id = user, user.id
        self.auth = AuthActions(app.test_client())
        assert self.auth.login(user.email).status_code == 200
        self._device = None

    @property
    def device(self) -> Device:
        if self._device is None:
            self._device = Device(self.auth)
        return self._device

    def get(self, url, **kw):
        return self.auth._client.get(url, **kw)

    def post(self, url, json=None):
        return self.auth.post(url, json=json if json is not None else {})

    def push(self, name, **args):
        body = self.device.push(self.device.mutation(name, **args)).json
        return body["results"][0]

    def offer(self):
        """Pull and return this person's match_offer rows by match id."""
        self.device.pull()
        return {row["match_id"]: row for row in self.device.entities("match_offer").values()}

    def notices(self):
        self.device.pull()
        return [n["code"] for n in sorted(self.device.entities("notice").values(), key=lambda n: n["created_at"])]


@pytest.fixture
def world(app, make_user):
    """Everyone the matching tests need, each logged in on their own browser."""
    u = SimpleNamespace()
    u.coordinator = make_user("coordinator", org=BRANCH, name="Fatima El Amrani")
    u.other_coordinator = make_user("coordinator", org=OTHER_BRANCH, name="Joost Other")
    u.province = make_user("coordinator", org=PROVINCE, name="Pieter Province")
    u.nation = make_user("coordinator", org=NATION, name="Nina Nation")
    u.newcomer = make_user("newcomer", org=BRANCH, name="Amal Haddad")
    u.buddy = make_user("buddy", org=BRANCH, name="Sanne de Vries")
    u.newcomer2 = make_user("newcomer", org=BRANCH, name="Olena Kovalenko")
    u.buddy2 = make_user("buddy", org=BRANCH, name="Lotte Mulder")
    add_intake(app, u.newcomer)
    add_intake(app, u.newcomer2, languages=("uk",), interests=("music",))
    add_profile(app, u.buddy)
    add_profile(app, u.buddy2, languages=("uk", "nl"))
    return u


@pytest.fixture
def people(app, world):
    """Lazily log in whoever a test needs: people.coordinator, people.newcomer, ..."""

    class People:
        def __getattr__(self, name):
            person = Person(app, getattr(world, name))
            setattr(self, name, person)
            return person

    return People()
