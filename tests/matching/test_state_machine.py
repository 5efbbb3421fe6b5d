"""The lifecycle as a state machine (Hypothesis): the coordinator, two newcomers and a buddy act
in any order, time passes and the alerts run; the rules are never broken, a refused action
changes nothing, and replaying a match's audit trail always gives its status."""
import datetime as dt
import json

import sqlalchemy as sa
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from backend.accounts.models import User
from backend.buddies.models import BuddyProfile
from backend.db import utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.matching import alerts, service
from backend.matching.models import OPEN, AlertSent, Match, MatchEvaluation, MatchEvent
from backend.notices.models import Notice
from backend.sync import registry
from backend.sync.models import SyncChange

PARTIES = ("newcomer", "newcomer2", "buddy")
# Mostly the match's own parties and its newest match, or the actions would rarely get past a proposal.
PARTY = st.sampled_from(("its newcomer", "its buddy", "its newcomer", "its buddy") + PARTIES)
INDEX = st.one_of(st.just(-1), st.just(-1), st.integers(0, 5))
# The rules, written out apart from the code: where each action may start and where it leads
# (accept: see replay()).
FROM = {"accept": {"proposed"}, "decline": {"proposed", "agreed"}, "approve": {"agreed"},
        "withdraw": {"proposed", "agreed"}, "pause": {"active"}, "resume": {"paused"},
        "end": {"active", "paused"}, "expire": {"proposed"}}
TO = {"propose": "proposed", "decline": "declined", "approve": "active", "withdraw": "withdrawn",
      "pause": "paused", "resume": "active", "end": "ended", "expire": "expired"}


def replay(match: Match, events: list[MatchEvent]) -> str | None:
    """Return the status the trail leads to, checking every step is one the rules allow."""
    status, accepted = None, set()
    for seq, event in enumerate(events, start=1):
        assert event.seq == seq and event.from_status == status, (seq, event.action, event.from_status, status)
        if event.action == "propose":
            assert status is None
            expected = "proposed"
        else:
            assert status in FROM[event.action], (event.action, status)
            if event.action == "accept":
                accepted.add(event.actor_id)
                expected = "agreed" if accepted == {match.newcomer_id, match.buddy_id} else "proposed"
            else:
                expected = TO[event.action]
        if event.action in ("accept", "decline"):
            assert event.actor_id in (match.newcomer_id, match.buddy_id)
        assert event.to_status == expected, (event.action, event.to_status, expected)
        status = event.to_status
    return status


def test_the_lifecycle_never_breaks_its_rules(app, world):
    with app.app_context():
        machine = machine_for(world)
        run_state_machine_as_test(machine, settings=settings(
            max_examples=30, stateful_step_count=30, deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))


def machine_for(world):
    ids = {"coordinator": world.coordinator.id, "newcomer": world.newcomer.id, "newcomer2": world.newcomer2.id,
           "buddy": world.buddy.id}

    class Lifecycle(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            for table in (Notice, AlertSent, MatchEvaluation, MatchEvent, Match, SyncChange):
                db.session.execute(sa.delete(table))
            db.session.commit()
            self.now = utcnow()
            self.capacity = db.session.get(BuddyProfile, ids["buddy"]).capacity

        def user(self, who):
            return db.session.get(User, ids[who])

        def match_ids(self):
            return db.session.scalars(sa.select(Match.id).order_by(Match.created_at, Match.id)).all()

        def pick(self, index):
            matches = self.match_ids()
            return matches[index % len(matches)] if matches else None

        def party(self, who, match_id):
            """Return the user: a fixed person, or "its newcomer" / "its buddy" of the match."""
            if who.startswith("its "):
                match = db.session.get(Match, match_id)
                return db.session.get(User, match.newcomer_id if who == "its newcomer" else match.buddy_id)
            return self.user(who)

        def attempt(self, match_id, call):
            """Run one action; a refusal (404/409) must leave the match exactly as it was."""
            before = self.snapshot(match_id)
            try:
                call()
                db.session.commit()
            except AppError as err:
                db.session.rollback()
                assert err.code in (403, 404, 409), err.code
                assert self.snapshot(match_id) == before

        def snapshot(self, match_id):
            if match_id is None:
                return None
            db.session.expire_all()
            match = db.session.get(Match, match_id)
            count = db.session.scalar(sa.select(sa.func.count()).where(MatchEvent.match_id == match_id))
            return match.status, match.newcomer_answer, match.buddy_answer, count

        @initialize(who=st.sampled_from(("newcomer", "newcomer2")))
        def first_proposal(self, who):
            self.propose(who)

        @rule(who=st.sampled_from(("newcomer", "newcomer2")))
        def propose(self, who):
            self.attempt(None, lambda: service.propose(self.user("coordinator"), ids[who], ids["buddy"],
                                                       now=self.now))

        @rule(index=INDEX, party=PARTY)
        def accept(self, index, party):
            match_id = self.pick(index)
            if match_id:
                self.attempt(match_id, lambda: service.apply_accept(self.party(party, match_id), match_id, now=self.now))

        @rule(index=INDEX)
        def both_accept(self, index):
            """The pair says yes, one after the other (a shortcut to the states after agreement)."""
            match_id = self.pick(index)
            if match_id:
                for who in ("its newcomer", "its buddy"):
                    self.attempt(match_id, lambda: service.apply_accept(self.party(who, match_id), match_id,
                                                                        now=self.now))

        @rule(index=INDEX, party=PARTY,
              reason=st.sampled_from((None, "no_time", "other")))
        def decline(self, index, party, reason):
            match_id = self.pick(index)
            if match_id:
                self.attempt(match_id, lambda: service.apply_decline(self.party(party, match_id), match_id, reason,
                                                                     now=self.now))

        @rule(index=INDEX, action=st.sampled_from(("approve", "approve", "withdraw", "pause", "resume")))
        def coordinator_acts(self, index, action):
            match_id = self.pick(index)
            if match_id:
                call = getattr(service, action)
                self.attempt(match_id, lambda: call(self.user("coordinator"), match_id, now=self.now))

        @rule(index=INDEX, who=st.sampled_from(("coordinator", "its newcomer", "its buddy") + PARTIES))
        def end(self, index, who):
            match_id = self.pick(index)
            if not match_id:
                return
            if who == "coordinator":
                self.attempt(match_id, lambda: service.end(self.user(who), match_id, "completed", now=self.now))
            else:
                self.attempt(match_id, lambda: service.apply_end(self.party(who, match_id), match_id, "moved", now=self.now))

        @rule(index=INDEX, party=PARTY, avoid=st.booleans(),
              rating=st.none() | st.integers(1, 5))
        def evaluate(self, index, party, avoid, rating):
            match_id = self.pick(index)
            if match_id:
                self.attempt(match_id, lambda: service.apply_evaluate(self.party(party, match_id), match_id, rating, "",
                                                                      avoid, now=self.now))

        @rule(days=st.integers(1, 10))
        def time_passes(self, days):
            self.now += dt.timedelta(days=days)
            alerts.run(self.now)
            overdue = db.session.scalar(sa.select(sa.func.count()).where(
                Match.status == "proposed", Match.expires_at <= self.now))
            assert overdue == 0

        @invariant()
        def at_most_one_open_match_per_newcomer_and_capacity_per_buddy(self):
            db.session.expire_all()
            for who in ("newcomer", "newcomer2"):
                count = db.session.scalar(sa.select(sa.func.count()).where(
                    Match.newcomer_id == ids[who], Match.status.in_(OPEN)))
                assert count <= 1
            count = db.session.scalar(sa.select(sa.func.count()).where(
                Match.buddy_id == ids["buddy"], Match.status.in_(OPEN)))
            assert count <= self.capacity

        @invariant()
        def the_audit_trail_explains_every_status(self):
            for match in db.session.scalars(sa.select(Match)):
                events = service.events_of(match.id)
                assert events and events[0].action == "propose"
                assert replay(match, events) == match.status
                if match.status == "agreed":
                    assert match.newcomer_answer == match.buddy_answer == "accepted"
                if match.status == "declined":
                    assert "declined" in (match.newcomer_answer, match.buddy_answer)
                if match.status in service.ENGAGED or match.status == "ended" and match.approved_at:
                    assert match.approved_at is not None and match.planned_end is not None
                if match.status == "ended":
                    assert match.ended_at is not None and match.end_reason
                evaluations = db.session.scalars(sa.select(MatchEvaluation).where(
                    MatchEvaluation.match_id == match.id)).all()
                assert not evaluations or match.status == "ended"
                assert {e.user_id for e in evaluations} <= {match.newcomer_id, match.buddy_id}

        @invariant()
        def phones_see_the_status_and_contact_only_while_engaged(self):
            for match in db.session.scalars(sa.select(Match)):
                for role in ("newcomer", "buddy"):
                    row = db.session.get(SyncChange, ("match_offer", service.offer_entity_id(match, role)))
                    data = json.loads(row.data)
                    assert data["status"] == match.status
                    assert (data["contact"] is not None) == (match.status in service.ENGAGED)
            for who in ("newcomer", "newcomer2", "buddy"):
                held = {s for s in registry.scopes_of(db.session.connection(), ids[who]) if s.startswith("match:")}
                engaged = {f"match:{m}" for m in db.session.scalars(service.engaged_match_ids(ids[who]))}
                assert held == engaged
                assert len(engaged) <= 1 if who != "buddy" else len(engaged) <= self.capacity

        def teardown(self):
            db.session.rollback()

    return Lifecycle
