"""Two phones, one pair, random intents (Hypothesis): the newcomer's and the buddy's phone each
act on their own, possibly stale, view of the meetings; their changes wait in a queue and reach
the server interleaved in any order, sometimes sent twice (the same mid: `duplicate`) or queued
again as a new change (a new mid on an old version: stale). Checked on every delivery against
the table written out apart from the code, and at the end of each run:

- every status a meeting reaches is one the table allows from the one before, one version up;
- versions only go up, on the server and on each phone;
- what the feed delivers to each phone equals the server's row;
- of all intents made on the same version of a meeting at most one is applied, exactly one if
  any of them was valid on that version, and every one arriving after it is `meeting_changed`
  with a notice to its sender that says who did what (the latest change: the row the phone
  receives with the rejection).
"""
import datetime as dt
import uuid

import sqlalchemy as sa
from flask_babel import force_locale
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test,
)

from backend.extensions import db
from backend.meetings import service
from backend.meetings.models import Meeting
from backend.notices.models import Notice
from backend.notices.service import catalog_entry
from backend.sync.models import SyncChange
from tests.meetings.conftest import server_row
from tests.sync.helpers import Device

UTC = dt.timezone.utc
ROLES = ("newcomer", "buddy")
NAMES = {"newcomer": "Amal", "buddy": "Sanne"}  # first names of world.newcomer and world.buddy
# The table (docs/meetings.md), written out apart from the code.
FROM = {"choose": {"proposed"}, "decline": {"proposed"}, "reschedule": {"proposed", "confirmed", "declined"},
        "cancel": {"proposed", "confirmed"}, "complete": {"confirmed"}}
TO = {"propose": "proposed", "choose": "confirmed", "decline": "declined", "reschedule": "proposed",
      "cancel": "cancelled", "complete": "held"}
ALLOWED = {(None, "proposed")} | {(s, TO[a]) for a, froms in FROM.items() for s in froms}
ACTIONS = st.sampled_from(("propose", "choose", "choose", "decline", "reschedule", "cancel", "cancel", "complete",
                           "complete"))
HOURS = st.sampled_from((-1, 1, 2, 3, 24, 48))  # a slot's start from the clock's now (sometimes in the past)


def iso(moment):
    return moment.astimezone(UTC).isoformat()


def expected(row, role, name, args, now):
    """What the table says the server answers: "applied" or the rejection code."""
    if name == "meeting.propose":
        slots = sorted((dt.datetime.fromisoformat(s["starts_at"]), s["minutes"]) for s in args["slots"])
        if row is not None:
            same = (row["proposed_by"], row["slots"], row["place"]) == (
                role, [{"starts_at": iso(s), "minutes": m} for s, m in slots], args["place"])
            return "applied" if same else "meeting_not_allowed"
        return "slot_in_past" if any(s <= now for s, _ in slots) else "applied"
    action = name.split(".")[1]
    if args["version"] < row["version"]:
        return "meeting_changed"
    if row["status"] not in FROM[action] or (action in ("choose", "decline") and row["proposed_by"] == role):
        return "meeting_not_allowed"
    if action == "choose":
        starts = dt.datetime.fromisoformat(args["starts_at"])
        if iso(starts) not in [s["starts_at"] for s in row["slots"]]:
            return "invalid_args"
        return "slot_in_past" if starts <= now else "applied"
    if action == "reschedule" and any(dt.datetime.fromisoformat(s["starts_at"]) <= now for s in args["slots"]):
        return "slot_in_past"
    if action == "complete" and now < dt.datetime.fromisoformat(row["starts_at"]):
        return "not_yet_held"
    return "applied"


def test_two_phones_never_break_the_table(app, pair):
    machine = machine_for(app, pair)
    run_state_machine_as_test(machine, settings=settings(
        max_examples=40, stateful_step_count=40, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))


def machine_for(app, pair):
    people = {"newcomer": pair.newcomer, "buddy": pair.buddy}
    user_ids = {role: people[role].id for role in ROLES}

    class TwoPhones(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            with app.app_context():
                db.session.execute(sa.delete(Notice))
                db.session.execute(sa.delete(Meeting))
                db.session.execute(sa.delete(SyncChange).where(SyncChange.entity.in_(("meeting", "notice"))))
                db.session.commit()
            pair.clock.now = dt.datetime.now(UTC).replace(microsecond=0)
            self.devices = {role: Device(people[role].auth) for role in ROLES}  # fresh client ids: mids from 1
            self.queue = {role: [] for role in ROLES}  # waiting intents, in mid order
            self.sent = {role: [] for role in ROLES}  # delivered: (mutation, intent, result)
            self.order = []  # every delivered intent, in the order the server saw them
            self.meeting_ids = []
            self.history = {}  # meeting id -> {version: the server's row at that version}
            self.intents = {}  # (meeting id, version) -> [intent, ...] of the transitions made on it
            self.seen = {role: {} for role in ROLES}  # the highest version each phone pulled, per meeting

        @initialize(role=st.sampled_from(ROLES), count=st.integers(1, 3))
        def first_meeting(self, role, count):
            """One side proposes a meeting and both phones have it (else most runs would do little)."""
            self.intend(role, 0, "propose", 24, count, 0)
            self.deliver(role)
            for other in ROLES:
                self.pull(other)

        # -- intents ------------------------------------------------------------------------------------

        def view(self, role, index):
            rows = self.devices[role].entities("meeting")
            return rows[sorted(rows)[index % len(rows)]] if rows else None

        def slots(self, hours, count):
            return [{"starts_at": (pair.clock.now + dt.timedelta(hours=hours + i)).isoformat(), "minutes": 60}
                    for i in range(count)]

        def enqueue(self, role, name, args, meeting_id, version=None, again=None):
            mutation = self.devices[role].mutation(name, **args)
            intent = {"role": role, "name": name, "args": args, "meeting": meeting_id, "version": version,
                      "again": again}
            self.queue[role].append((mutation, intent))
            if version is not None:
                self.intents.setdefault((meeting_id, version), []).append(intent)

        @rule(role=st.sampled_from(ROLES), index=st.integers(0, 3), action=ACTIONS, hours=HOURS,
              count=st.integers(1, 3), pick=st.integers(0, 3))
        def intend(self, role, index, action, hours, count, pick):
            """A phone makes an intent on what it shows now (its last pull)."""
            if action == "propose":
                if len(self.meeting_ids) < 3:
                    meeting_id = str(uuid.uuid4())
                    self.meeting_ids.append(meeting_id)
                    self.enqueue(role, "meeting.propose", {"id": meeting_id, "match_id": pair.match_id,
                                                           "slots": self.slots(hours, count), "place": "Bieb"},
                                 meeting_id)
                return
            row = self.view(role, index)
            if row is None:
                return
            args = {"id": row["id"], "version": row["version"]}
            if action == "choose":
                slots = row["slots"]
                args["starts_at"] = slots[pick % len(slots)]["starts_at"] if pick < 3 else self.slots(hours, 1)[0][
                    "starts_at"]
            elif action == "reschedule":
                args |= {"slots": self.slots(hours, count), "place": "Park"}
            elif action == "cancel":
                args["reason"] = "Ziek"
            elif action == "complete":
                args["attended"] = list(ROLES[:pick % 3])
            self.enqueue(role, f"meeting.{action}", args, row["id"], row["version"])

        @rule(role=st.sampled_from(ROLES), index=st.integers(0, 20))
        def queue_again(self, role, index):
            """The same intent once more as a new change (a new mid): it names an old version."""
            done = [i for _, i, r in self.sent[role] if i["version"] is not None and r["status"] == "applied"]
            if done:
                intent = done[index % len(done)]
                self.enqueue(role, intent["name"], intent["args"], intent["meeting"], intent["version"], again=intent)

        @rule(hours=st.sampled_from((1, 2, 25)))
        def time_passes(self, hours):
            pair.clock.advance(hours=hours)

        # -- delivery -------------------------------------------------------------------------------------

        @precondition(lambda self: any(self.queue.values()))
        @rule(first=st.sampled_from(ROLES))
        def deliver(self, first):
            """The next waiting change of one phone reaches the server (the phones take turns at random)."""
            role = first if self.queue[first] else next(r for r in ROLES if self.queue[r])
            mutation, intent = self.queue[role].pop(0)
            before = server_row(app, intent["meeting"])
            notices = self.notice_ids(role)
            want = expected(before, role, intent["name"], intent["args"], pair.clock.now)
            result = self.devices[role].push(mutation).json["results"][0]
            intent["at"] = pair.clock.now
            self.order.append(intent)
            after = server_row(app, intent["meeting"])
            got = "applied" if result["status"] == "applied" else result["code"]
            assert got == want, (intent, before, result)
            self.sent[role].append((mutation, intent, result))
            if result["status"] == "applied":
                assert after == result["current"]
                if before is None or intent["version"] is not None:  # a new meeting or a transition
                    assert (before and before["status"], after["status"]) in ALLOWED
                    assert after["version"] == (before["version"] + 1 if before else 1)
                    assert after["status"] == TO[intent["name"].split(".")[1]] and after["last_actor"] == role
                    self.history.setdefault(intent["meeting"], {})[after["version"]] = after
                else:
                    assert after == before  # the same proposal again
                return
            assert after == before  # a refusal changes nothing
            (notice,) = self.new_notices(role, notices)
            assert (notice.code, notice.mutation) == (result["code"], intent["name"])
            if intent["again"] is not None:
                assert result["code"] == "meeting_changed"
            if result["code"] == "meeting_changed":
                # The notice names the latest change: what the phone is about to show.
                winner = before
                assert self.history[intent["meeting"]][before["version"]] == before
                if winner["last_actor"] == role:
                    message = service.SAME_USER_WON
                else:
                    message = service._other_won(winner["last_action"], NAMES[winner["last_actor"]])
                with app.test_request_context(), force_locale("nl"):
                    entry = catalog_entry(message)
                assert (notice.msgid, notice.params) == (entry["msgid"], entry["params"])

        def notice_ids(self, role):
            with app.app_context():
                return set(db.session.scalars(sa.select(Notice.id).where(Notice.user_id == user_ids[role])))

        def new_notices(self, role, before):
            with app.app_context():
                return [n for n in db.session.scalars(sa.select(Notice).where(Notice.user_id == user_ids[role]))
                        if n.id not in before]

        @rule(role=st.sampled_from(ROLES), index=st.integers(0, 20))
        def send_twice(self, role, index):
            """A reply was lost: the phone sends a change the server already has (the same mid)."""
            if self.sent[role]:
                mutation, intent, first = self.sent[role][index % len(self.sent[role])]
                before = server_row(app, intent["meeting"])
                again = self.devices[role].push(mutation).json["results"][0]
                assert again["status"] == "duplicate" and again["code"] == first["code"]
                assert server_row(app, intent["meeting"]) == before

        @rule(role=st.sampled_from(ROLES))
        def go_online(self, role):
            """A phone gets a connection: it sends everything it has waiting, then pulls."""
            while self.queue[role]:
                self.deliver(role)
            self.pull(role)

        @rule(role=st.sampled_from(ROLES))
        def pull(self, role):
            """A phone pulls: it holds exactly the server's rows, never an older version than before."""
            device = self.devices[role]
            device.pull()
            rows = device.entities("meeting")
            for meeting_id, row in rows.items():
                assert row == server_row(app, meeting_id)
                assert row["version"] >= self.seen[role].get(meeting_id, 0)
                self.seen[role][meeting_id] = row["version"]
            assert set(rows) == {m for m in self.meeting_ids if server_row(app, m) is not None}

        # -- the end of a run -------------------------------------------------------------------------------

        @invariant()
        def at_most_one_intent_per_version_wins(self):
            for key, intents in self.intents.items():
                applied = [i for i in intents if self.outcome(i) == "applied"]
                assert len(applied) <= 1, (key, applied)

        def outcome(self, intent):
            for _, sent, result in self.sent[intent["role"]]:
                if sent is intent:
                    return "applied" if result["status"] == "applied" else result["code"]
            return None  # still waiting

        def teardown(self):
            for _ in range(1000):
                if not any(self.queue.values()):
                    break
                self.deliver("newcomer")
            for (meeting_id, version), intents in self.intents.items():
                row = self.history.get(meeting_id, {}).get(version)
                applied = [i for i in intents if self.outcome(i) == "applied"]
                valid = [i for i in intents if row is not None and i["again"] is None
                         and expected(row, i["role"], i["name"], i["args"], self.delivered_at(i)) == "applied"]
                assert len(applied) == (1 if valid else 0), (meeting_id, version, intents, applied)
                if applied:  # everyone after the winner lost the race
                    order = [i for i in self.order if any(i is j for j in intents)]
                    later = order[next(n for n, i in enumerate(order) if i is applied[0]) + 1:]
                    assert all(self.outcome(i) == "meeting_changed" for i in later)
            for role in ROLES:
                self.pull(role)

        def delivered_at(self, intent):
            return intent["at"]

    return TwoPhones
