"""Every row of the transition table through the phones' sync API, and every refusal: its code,
that nothing changed, and the notice its sender reads in their own language (docs/meetings.md)."""
import datetime as dt
import uuid

import pytest

from backend.accounts.models import User
from backend.extensions import db
from backend.matching import service as matching_service
from backend.matching.sync import PAUSED
from backend.meetings import service
from tests.matching.conftest import set_user
from tests.meetings.conftest import newest_notice, propose, second_device, server_row, slot, synced_row, worded


def push(person, name, **args):
    return person.push(name, **args)


def version(pair, meeting_id):
    return server_row(pair.app, meeting_id)["version"]


def choose(pair, person, meeting_id, index=0):
    row = server_row(pair.app, meeting_id)
    return push(person, "meeting.choose", id=meeting_id, version=row["version"], starts_at=row["slots"][index]["starts_at"])


def confirmed(pair, by=None):
    """A meeting Amal proposed and Sanne confirmed (its first slot, tomorrow)."""
    meeting_id, result = propose(pair.newcomer, pair.match_id, pair.clock)
    assert result["status"] == "applied", result
    assert choose(pair, pair.buddy, meeting_id)["status"] == "applied"
    return meeting_id


def refused(pair, person, meeting_id, name, code, message, shown=True, **args):
    """Push a mutation that must be refused: check the code, the message, that the meeting did not
    change, what the phone is shown, and the sender's notice (its msgid, and its text in the
    sender's language). `shown`: the answer carries the meeting as it is (the phone replaces its
    view with it), unless the sender may not see it or the match takes no changes."""
    before = server_row(pair.app, meeting_id) if meeting_id else None
    result = push(person, name, **args)
    assert (result["status"], result["code"]) == ("rejected", code), result
    assert (server_row(pair.app, meeting_id) if meeting_id else None) == before
    visible = shown and before is not None and code not in ("scope_forbidden", "match_paused")
    assert result["current"] == (before if visible else None)
    notice = newest_notice(pair.app, person)
    assert (notice.kind, notice.code, notice.mutation) == ("rejected", code, name)
    msgid = getattr(message, "_args", (message,))[0]
    params = dict(getattr(message, "_kwargs", {}))
    assert (notice.msgid, notice.params or {}) == (msgid, params)
    with pair.app.app_context():
        locale = db.session.get(User, person.id).locale or "nl"
    assert notice.message == worded(pair.app, locale, msgid, **params)
    return result


# -- the table, row by row ----------------------------------------------------------------------------

@pytest.mark.parametrize("proposer", ["newcomer", "buddy"])
def test_either_side_proposes_and_both_phones_get_the_meeting_in_utc(pair, proposer):
    person = getattr(pair, proposer)
    meeting_id, result = propose(person, pair.match_id, pair.clock, note="  Koffie?  ",
                                 slots=[slot(pair.clock, 48), slot(pair.clock, 24, 30)])
    assert result["status"] == "applied", result
    row = synced_row(pair.buddy if proposer == "newcomer" else pair.newcomer, meeting_id)
    assert row == synced_row(person, meeting_id) == result["current"] == server_row(pair.app, meeting_id)
    assert (row["status"], row["version"], row["sequence"], row["proposed_by"]) == ("proposed", 1, 0, proposer)
    assert (row["last_action"], row["last_actor"], row["note"], row["place"]) == ("propose", proposer, "Koffie?",
                                                                                  "Bibliotheek")
    first = (pair.clock.now + dt.timedelta(hours=24)).isoformat()
    assert row["slots"] == [{"starts_at": first, "minutes": 30},  # in time order, in UTC
                            {"starts_at": (pair.clock.now + dt.timedelta(hours=48)).isoformat(), "minutes": 60}]
    assert first.endswith("+00:00") and row["starts_at"] is None and row["match_id"] == pair.match_id


def test_the_other_side_chooses_a_slot_and_the_meeting_is_confirmed(pair):
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    result = choose(pair, pair.buddy, meeting_id, index=1)
    assert result["status"] == "applied", result
    row = synced_row(pair.newcomer, meeting_id)
    assert (row["status"], row["version"], row["sequence"], row["decided_by"]) == ("confirmed", 2, 0, "buddy")
    assert (row["starts_at"], row["minutes"]) == (row["slots"][1]["starts_at"], 90)
    assert (row["last_action"], row["last_actor"]) == ("choose", "buddy")


def test_the_other_side_declines_with_a_note(pair):
    meeting_id, _ = propose(pair.buddy, pair.match_id, pair.clock, note="Zullen we wandelen?")
    result = push(pair.newcomer, "meeting.decline", id=meeting_id, version=1, note="Ik werk dan.")
    assert result["status"] == "applied", result
    row = synced_row(pair.buddy, meeting_id)
    assert (row["status"], row["version"], row["decided_by"]) == ("declined", 2, "newcomer")
    assert (row["cancel_reason"], row["note"]) == ("Ik werk dan.", "Zullen we wandelen?")


@pytest.mark.parametrize("start", ["proposed", "confirmed", "declined"])
@pytest.mark.parametrize("who", ["newcomer", "buddy"])
def test_either_side_reschedules_and_becomes_the_proposer(pair, start, who):
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    if start == "confirmed":
        choose(pair, pair.buddy, meeting_id)
    elif start == "declined":
        push(pair.buddy, "meeting.decline", id=meeting_id, version=1, note="Nee")
    before = server_row(pair.app, meeting_id)
    assert before["status"] == start
    result = push(getattr(pair, who), "meeting.reschedule", id=meeting_id, version=before["version"],
                  slots=[slot(pair.clock, 72, 45)], place="", video_url="https://meet.example.org/abc",
                  note="Online dan?")
    assert result["status"] == "applied", result
    row = synced_row(pair.newcomer, meeting_id)
    assert (row["status"], row["proposed_by"], row["version"], row["sequence"]) == (
        "proposed", who, before["version"] + 1, 1)
    assert (row["starts_at"], row["minutes"], row["decided_by"], row["cancel_reason"]) == (None, None, None, "")
    assert (row["place"], row["video_url"], row["note"], len(row["slots"])) == (
        "", "https://meet.example.org/abc", "Online dan?", 1)


@pytest.mark.parametrize("start", ["proposed", "confirmed"])
@pytest.mark.parametrize("who", ["newcomer", "buddy"])
def test_either_side_cancels_with_a_reason(pair, start, who):
    meeting_id = confirmed(pair) if start == "confirmed" else propose(pair.newcomer, pair.match_id, pair.clock)[0]
    result = push(getattr(pair, who), "meeting.cancel", id=meeting_id, version=version(pair, meeting_id),
                  reason=" Ik ben ziek. ")
    assert result["status"] == "applied", result
    row = synced_row(pair.buddy, meeting_id)
    assert (row["status"], row["cancelled_by"], row["cancel_reason"], row["sequence"]) == (
        "cancelled", who, "Ik ben ziek.", 1)


@pytest.mark.parametrize("who", ["newcomer", "buddy"])
def test_either_side_marks_a_started_meeting_as_held(pair, who):
    meeting_id = confirmed(pair)
    pair.clock.advance(hours=24)  # exactly its start
    result = push(getattr(pair, who), "meeting.complete", id=meeting_id, version=2,
                  attended=["buddy", "newcomer"], note="Samen gekookt.")
    assert result["status"] == "applied", result
    row = synced_row(pair.newcomer, meeting_id)
    assert (row["status"], row["version"], row["completed_by"]) == ("held", 3, who)
    assert (row["attended"], row["held_note"]) == (["newcomer", "buddy"], "Samen gekookt.")


# -- refusals -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["meeting.choose", "meeting.decline"])
def test_nobody_answers_their_own_proposal(pair, name):
    meeting_id, _ = propose(pair.buddy, pair.match_id, pair.clock)
    args = {"starts_at": server_row(pair.app, meeting_id)["slots"][0]["starts_at"]} if name == "meeting.choose" else {}
    refused(pair, pair.buddy, meeting_id, name, "meeting_not_allowed", service.OWN_PROPOSAL,
            id=meeting_id, version=1, **args)


def test_choosing_a_time_that_was_not_proposed_is_refused(pair):
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    refused(pair, pair.buddy, meeting_id, "meeting.choose", "invalid_args", service.NOT_A_SLOT, id=meeting_id,
            version=1, starts_at=slot(pair.clock, 25)["starts_at"])


def held(pair):
    meeting_id = confirmed(pair)
    pair.clock.advance(hours=25)
    assert push(pair.buddy, "meeting.complete", id=meeting_id, version=2, attended=["buddy"])["status"] == "applied"
    return meeting_id


def cancelled(pair):
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    assert push(pair.buddy, "meeting.cancel", id=meeting_id, version=1, reason="Ziek")["status"] == "applied"
    return meeting_id


def declined(pair):
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    assert push(pair.buddy, "meeting.decline", id=meeting_id, version=1)["status"] == "applied"
    return meeting_id


def proposed(pair):
    return propose(pair.newcomer, pair.match_id, pair.clock)[0]


STATES = {"proposed": proposed, "confirmed": confirmed, "declined": declined, "cancelled": cancelled, "held": held}
# Every transition the table does NOT have: (from status, mutation).
NOT_IN_TABLE = [(s, m) for s in STATES for m, allowed in (
    ("choose", {"proposed"}), ("decline", {"proposed"}), ("reschedule", {"proposed", "confirmed", "declined"}),
    ("cancel", {"proposed", "confirmed"}), ("complete", {"confirmed"})) if s not in allowed]


@pytest.mark.parametrize("status,action", NOT_IN_TABLE)
def test_a_transition_the_table_does_not_have_is_refused(pair, status, action):
    meeting_id = STATES[status](pair)
    row = server_row(pair.app, meeting_id)
    args = {"choose": {"starts_at": row["slots"][0]["starts_at"]}, "decline": {},
            "reschedule": {"slots": [slot(pair.clock, 30)], "place": "Thuis"}, "cancel": {"reason": "Sorry"},
            "complete": {"attended": ["newcomer"]}}[action]
    # The newcomer proposed every one of these: the buddy is the side that may answer.
    refused(pair, pair.buddy, meeting_id, f"meeting.{action}", "meeting_not_allowed", service.NOT_NOW[status],
            id=meeting_id, version=row["version"], **args)


def test_marking_held_before_the_start_is_refused(pair):
    meeting_id = confirmed(pair)
    pair.clock.advance(hours=23, minutes=59)
    refused(pair, pair.newcomer, meeting_id, "meeting.complete", "not_yet_held", service.NOT_YET_HELD,
            id=meeting_id, version=2, attended=["newcomer"])


def test_a_cancel_needs_a_reason_that_is_more_than_spaces(pair):
    meeting_id = proposed(pair)
    refused(pair, pair.buddy, meeting_id, "meeting.cancel", "invalid_args", service.NO_REASON, id=meeting_id,
            version=1, reason="   ")


@pytest.mark.parametrize("change,code,message", [
    ({"slots": "past"}, "slot_in_past", service.SLOT_IN_PAST),
    ({"slots": "twice"}, "invalid_args", service.SAME_SLOT_TWICE),
    ({"place": " ", "video_url": ""}, "invalid_args", service.NO_PLACE),
    ({"place": "", "video_url": "javascript:alert(1)"}, "invalid_args", service.BAD_LINK),
    ({"place": "", "video_url": "https://"}, "invalid_args", service.BAD_LINK),
    ({"place": "Bieb", "video_url": "ftp://files.example.org/x"}, "invalid_args", service.BAD_LINK),
])
@pytest.mark.parametrize("name", ["meeting.propose", "meeting.reschedule"])
def test_a_proposal_needs_future_distinct_slots_and_a_place_or_a_web_link(pair, name, change, code, message):
    meeting_id = proposed(pair) if name == "meeting.reschedule" else str(uuid.uuid4())
    args = {"slots": [slot(pair.clock, 24)], "place": "Bieb", **change}
    if args["slots"] == "past":
        args["slots"] = [slot(pair.clock, 24), slot(pair.clock, -1 / 60)]  # a minute ago
    elif args["slots"] == "twice":
        same = slot(pair.clock, 24)
        args["slots"] = [same, {**same, "starts_at": dt.datetime.fromisoformat(same["starts_at"]).astimezone(
            dt.timezone.utc).isoformat()}]  # the same moment, written with another offset
    args |= {"version": 1} if name == "meeting.reschedule" else {"match_id": pair.match_id}
    refused(pair, pair.buddy, meeting_id, name, code, message, id=meeting_id, **args)


@pytest.mark.parametrize("slots,minutes", [(0, 60), (4, 60), (1, 14), (1, 481)])
def test_one_to_three_slots_of_15_to_480_minutes(pair, slots, minutes):
    result = push(pair.newcomer, "meeting.propose", id=str(uuid.uuid4()), match_id=pair.match_id, place="Bieb",
                  slots=[slot(pair.clock, 24 + i, minutes) for i in range(slots)])
    assert (result["status"], result["code"]) == ("rejected", "invalid_args")
    assert synced_row(pair.buddy, "x") is None and pair.buddy.device.entities("meeting") == {}


def test_the_same_proposal_again_changes_nothing_and_another_with_its_id_is_refused(pair):
    meeting_id, first = propose(pair.newcomer, pair.match_id, pair.clock)
    args = {"id": meeting_id, "match_id": pair.match_id, "slots": [slot(pair.clock, 24), slot(pair.clock, 48, 90)],
            "place": "Bibliotheek"}
    choose(pair, pair.buddy, meeting_id)
    again = push(pair.newcomer, "meeting.propose", **args)  # re-queued after a lost reply, answered meanwhile
    assert again["status"] == "applied" and again["current"] == server_row(pair.app, meeting_id)
    assert again["current"]["status"] == "confirmed"
    refused(pair, pair.newcomer, meeting_id, "meeting.propose", "meeting_not_allowed", service.ALREADY_EXISTS,
            **(args | {"place": "Thuis"}))
    refused(pair, pair.buddy, meeting_id, "meeting.propose", "meeting_not_allowed", service.ALREADY_EXISTS, **args)


def test_an_id_of_another_pairs_meeting_is_refused_without_showing_it(pair):
    meeting_id, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    refused(pair, pair.outsider, meeting_id, "meeting.propose", "meeting_not_allowed", service.ALREADY_EXISTS,
            shown=False, id=meeting_id, match_id=pair.other_match_id, slots=[slot(pair.clock, 24)], place="Bieb")


# -- races: the first to arrive wins, the other hears what happened ----------------------------------------

WINNERS = {
    "choose": ("proposed", lambda pair, m, v: choose(pair, pair.buddy, m)),
    "decline": ("proposed", lambda pair, m, v: push(pair.buddy, "meeting.decline", id=m, version=v)),
    "reschedule": ("proposed", lambda pair, m, v: push(pair.buddy, "meeting.reschedule", id=m, version=v,
                                                       slots=[slot(pair.clock, 50)], place="Park")),
    "cancel": ("confirmed", lambda pair, m, v: push(pair.buddy, "meeting.cancel", id=m, version=v, reason="Ziek")),
    "complete": ("confirmed", lambda pair, m, v: push(pair.buddy, "meeting.complete", id=m, version=v,
                                                      attended=["buddy", "newcomer"])),
}


@pytest.mark.parametrize("action", list(WINNERS))
def test_the_loser_of_a_race_hears_what_the_other_did_by_first_name(pair, action):
    set_user(pair.app, pair.world.newcomer, locale="en")  # the loser reads English, the winner Dutch
    start, win = WINNERS[action]
    meeting_id = confirmed(pair) if start == "confirmed" else proposed(pair)
    seen = version(pair, meeting_id)
    if action == "complete":
        pair.clock.advance(hours=25)
    assert win(pair, meeting_id, seen)["status"] == "applied"
    message = service._other_won(action, "Sanne")  # Sanne de Vries: her first name only
    # Amal acted on the state both saw: a reschedule is allowed from everything the buddy reached.
    result = refused(pair, pair.newcomer, meeting_id, "meeting.reschedule", "meeting_changed", message,
                     id=meeting_id, version=seen, slots=[slot(pair.clock, 60)], place="Bieb")
    assert result["current"]["last_action"] == action


def test_losing_to_ones_own_other_phone_says_so(pair):
    meeting_id = proposed(pair)
    laptop = second_device(pair.newcomer)
    first = laptop.push(laptop.mutation("meeting.cancel", id=meeting_id, version=1, reason="Ziek")).json["results"][0]
    assert first["status"] == "applied"
    refused(pair, pair.newcomer, meeting_id, "meeting.reschedule", "meeting_changed", service.SAME_USER_WON,
            id=meeting_id, version=1, slots=[slot(pair.clock, 60)], place="Bieb")


def test_a_version_the_meeting_never_had_is_not_a_race(pair):
    meeting_id = proposed(pair)
    refused(pair, pair.buddy, meeting_id, "meeting.decline", "meeting_not_allowed", service.UNKNOWN_VERSION,
            id=meeting_id, version=2)


# -- who may write at all ---------------------------------------------------------------------------------

CHANGES = {
    "meeting.choose": lambda pair: {"starts_at": slot(pair.clock, 24)["starts_at"]},
    "meeting.decline": lambda pair: {},
    "meeting.reschedule": lambda pair: {"slots": [slot(pair.clock, 30)], "place": "Bieb"},
    "meeting.cancel": lambda pair: {"reason": "Weg"},
    "meeting.complete": lambda pair: {"attended": []},
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_another_pairs_meeting_answers_exactly_like_an_unknown_id(pair, name):
    meeting_id = proposed(pair)
    args = {"version": 1, **CHANGES[name](pair)}
    theirs = refused(pair, pair.outsider, meeting_id, name, "scope_forbidden", service.NO_ACCESS,
                     id=meeting_id, **args)
    unknown = refused(pair, pair.outsider, None, name, "scope_forbidden", service.NO_ACCESS,
                      id=str(uuid.uuid4()), **args)
    assert {k: v for k, v in theirs.items() if k != "mid"} == {k: v for k, v in unknown.items() if k != "mid"}
    assert theirs["current"] is None


def test_proposing_into_another_pairs_match_is_refused(pair):
    meeting_id = str(uuid.uuid4())
    refused(pair, pair.outsider, meeting_id, "meeting.propose", "scope_forbidden", service.NO_ACCESS, id=meeting_id,
            match_id=pair.match_id, slots=[slot(pair.clock, 24)], place="Bieb")


def pause(pair):
    with pair.app.app_context():
        matching_service.pause(db.session.get(User, pair.world.coordinator.id), uuid.UUID(pair.match_id))


@pytest.mark.parametrize("name", ["meeting.propose"] + list(CHANGES))
def test_a_paused_match_refuses_every_change(pair, name):
    meeting_id = proposed(pair)
    set_user(pair.app, pair.world.buddy, locale="en")
    pause(pair)
    args = ({"match_id": pair.match_id, "slots": [slot(pair.clock, 24)], "place": "Bieb"} if name == "meeting.propose"
            else {"version": 1, **CHANGES[name](pair)})
    target = str(uuid.uuid4()) if name == "meeting.propose" else meeting_id
    refused(pair, pair.buddy, meeting_id, name, "match_paused", PAUSED, id=target, **args)
    assert newest_notice(pair.app, pair.buddy).message.startswith("Your match")  # translated: en catalog


def test_an_ended_match_refuses_as_if_the_meeting_did_not_exist(pair):
    meeting_id = proposed(pair)
    with pair.app.app_context():
        matching_service.end_match(uuid.UUID(pair.match_id))
    refused(pair, pair.buddy, meeting_id, "meeting.cancel", "scope_forbidden", service.NO_ACCESS, id=meeting_id,
            version=1, reason="Weg")


def test_meetings_of_user_reads_the_engaged_matches_in_time_order(pair):
    later, _ = propose(pair.newcomer, pair.match_id, pair.clock)
    sooner = confirmed(pair)
    theirs, _ = propose(pair.outsider, pair.other_match_id, pair.clock)
    with pair.app.app_context():
        mine = [str(m.id) for m in service.meetings_of_user(pair.world.buddy.id)]
        assert mine[0] == sooner and set(mine) == {later, sooner}
        assert [str(m.id) for m in service.meetings_of_user(pair.world.buddy.id, statuses=["proposed"])] == [later]
        assert [str(m.id) for m in service.meetings_of_user(pair.world.newcomer2.id)] == [theirs]
