"""Property-based sync test (Hypothesis stateful): two devices of one user and the server.

Random writes, lost replies, duplicate sends, gaps, a crash in the middle of a batch and small
pull pages. Invariants: each mutation takes effect exactly once; after quiescence every device
equals the server; reads never go backwards.
"""
import json
import base64

import marshmallow as ma
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test

from backend.accounts import service as accounts
from backend.sync import registry
from tests.conftest import AuthActions
from tests.sync.helpers import Device

CRASH = {"at": None}  # the n-th handler call from now on raises like a dropped database connection


class TallyArgs(ma.Schema):
    n = ma.fields.Integer(required=True)


def tally_add(user, args):
    """Add n to a counter kept in the profile; n < 0 is a business rejection."""
    if CRASH["at"] is not None:
        CRASH["at"] -= 1
        if CRASH["at"] < 0:
            CRASH["at"] = None
            raise sa.exc.OperationalError("UPDATE", {}, Exception("server closed the connection"))
    if args["n"] < 0:
        raise registry.Rejected("negative", "Negatief mag niet.")
    accounts.apply_profile_update(user, {"display_name": str(int(user.display_name) + args["n"])})


def seq_of(cursor):
    if cursor is None:
        return 0
    return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["s"]


class SyncMachine(RuleBasedStateMachine):
    app = None

    @initialize()
    def start(self):
        from tests.conftest import clean_tables

        clean_tables(self.app)
        from backend.extensions import db

        with self.app.app_context():
            user = accounts.create_user("tally@example.org", "correct-horse-battery", "0", ["newcomer"])
            self.user_id = str(user.id)
            db.session.remove()
        self.devices = []
        for _ in range(2):
            auth = AuthActions(self.app.test_client())
            assert auth.login("tally@example.org").status_code == 200
            device = Device(auth)
            device.outbox = []  # pending (mid, n) in mid order
            device.sent = []  # every mutation this device ever created
            device.seen_counter = 0
            device.seen_seq = 0
            device.seen_last_mid = 0
            self.devices.append(device)
        self.expected = 0  # the sum of every non-negative n written anywhere

    devices_idx = st.integers(min_value=0, max_value=1)

    @rule(d=devices_idx, n=st.integers(min_value=-2, max_value=9))
    def write(self, d, n):
        device = self.devices[d]
        mutation = device.mutation("tally.add", n=n)
        device.outbox.append(mutation)
        device.sent.append(mutation)
        if n >= 0:
            self.expected += n

    @precondition(lambda self: any(d.outbox for d in self.devices))
    @rule(d=devices_idx, k=st.integers(min_value=1, max_value=5), lose_reply=st.booleans(),
          resend_old=st.integers(min_value=0, max_value=2))
    def push(self, d, k, lose_reply, resend_old):
        device = self.devices[d]
        acked = [m for m in device.sent if m["mid"] < (device.outbox[0]["mid"] if device.outbox else device.next_mid)]
        batch = acked[-resend_old:] if resend_old else []
        batch += device.outbox[:k]
        response = device.push(*batch)
        assert response.status_code == 200, response.json
        body = response.json
        assert body["stopped"] is None
        for result in body["results"]:
            assert result["status"] in ("applied", "duplicate", "rejected")
            if result["mid"] in {m["mid"] for m in acked}:
                assert result["status"] == "duplicate"
        if not lose_reply:
            done = {r["mid"] for r in body["results"]}
            device.outbox = [m for m in device.outbox if m["mid"] not in done]

    @precondition(lambda self: any(len(d.outbox) >= 2 for d in self.devices))
    @rule(d=devices_idx)
    def push_with_gap(self, d):
        device = self.devices[d]
        if len(device.outbox) < 2:
            return
        body = device.push(device.outbox[1]).json
        # Either the first was applied earlier (a lost reply) or the server stops at the gap.
        if body["stopped"] is not None:
            assert body["stopped"]["expected"] <= device.outbox[1]["mid"]
            assert body["results"] == []

    @precondition(lambda self: any(len(d.outbox) >= 2 for d in self.devices))
    @rule(d=devices_idx, crash_after=st.integers(min_value=0, max_value=2))
    def crash_in_the_middle_of_a_batch(self, d, crash_after):
        device = self.devices[d]
        if len(device.outbox) < 2:
            return
        before = device.pull_page().json["last_mutation_id"]  # a peek: not applied
        CRASH["at"] = crash_after
        response = device.push(*device.outbox)
        CRASH["at"] = None
        # Handlers run only for new mutations; a crash answers 503, advances nothing, the outbox stays.
        assert response.status_code in (200, 503)
        if response.status_code == 503:
            assert response.json["code"] == 503 and response.json["message"]
            assert device.pull_page().json["last_mutation_id"] == before

    @rule(d=devices_idx, limit=st.integers(min_value=1, max_value=4), lose_reply=st.booleans())
    def pull(self, d, limit, lose_reply):
        device = self.devices[d]
        response = device.pull_page(limit=limit)
        assert response.status_code == 200
        if lose_reply:
            return
        device.apply(response.json)
        self.check_reads_move_forward(device)

    def check_reads_move_forward(self, device):
        profile = device.entities("profile").get(self.user_id)
        if profile is not None:
            counter = int(profile["display_name"])
            assert counter >= device.seen_counter, "a read went backwards"
            device.seen_counter = counter
        assert seq_of(device.cursor) >= device.seen_seq
        device.seen_seq = seq_of(device.cursor)
        assert device.last_mutation_id >= device.seen_last_mid
        device.seen_last_mid = device.last_mutation_id
        # The pull tells which mutations are in: those can leave the outbox (Replicache-style).
        device.outbox = [m for m in device.outbox if m["mid"] > device.last_mutation_id]

    @invariant()
    def server_never_counts_more_than_was_written(self):
        if not hasattr(self, "devices"):
            return
        assert self.server_counter() <= self.expected

    def server_counter(self):
        from backend.accounts.models import User
        from backend.extensions import db

        with self.app.app_context():
            value = int(db.session.scalar(sa.select(User.display_name).where(User.email == "tally@example.org")))
            db.session.remove()
            return value

    def teardown(self):
        if not hasattr(self, "devices"):
            return
        # Quiescence: the network heals; every outbox drains and every device pulls to the end.
        for device in self.devices:
            for _ in range(20):  # bounded: a wedged queue must fail the test, not hang it
                if not device.outbox:
                    break
                body = device.push(*device.outbox[:50]).json
                done = {r["mid"] for r in body["results"]}
                device.outbox = [m for m in device.outbox if m["mid"] not in done]
            assert not device.outbox, "the outbox wedged"
        for device in self.devices:
            device.pull(limit=3)
            self.check_reads_move_forward(device)
        assert self.server_counter() == self.expected, "a mutation took effect twice or never"
        fresh = Device(self.devices[0].auth)
        fresh.pull()
        for device in self.devices:
            assert device.rows == fresh.rows, "a device differs from the server after quiescence"


@pytest.fixture
def tally():
    registry.mutation("tally.add", TallyArgs())(tally_add)
    yield
    del registry.MUTATIONS["tally.add"]


def test_sync_converges_exactly_once(app, tally):
    SyncMachine.app = app
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(max_examples=25, stateful_step_count=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]),
    )
