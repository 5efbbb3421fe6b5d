"""Hours and the coordinator's counts from meetings made through the meeting mutations themselves:
proposed, chosen, marked held after their time (the meetings service's own clock moved forward)."""
import uuid

from tests.meetings.conftest import clock, slot  # noqa: F401  (fixtures)


def held_meeting(people, match_id, clock, minutes, attended):  # noqa: F811
    meeting_id = str(uuid.uuid4())
    chosen = slot(clock, 24, minutes)
    assert people.buddy.push("meeting.propose", id=meeting_id, match_id=match_id, slots=[chosen],
                             place="Bibliotheek", note="GEHEIM")["status"] == "applied"
    assert people.newcomer.push("meeting.choose", id=meeting_id, version=1,
                                starts_at=chosen["starts_at"])["status"] == "applied"
    clock.advance(hours=24 + minutes // 60 + 1)
    result = people.newcomer.push("meeting.complete", id=meeting_id, version=2, attended=attended, note="GEHEIM")
    assert result["status"] == "applied", result
    return meeting_id


def test_a_held_meeting_counts_for_the_buddy_only_when_the_buddy_came(people, pair, clock):  # noqa: F811
    held_meeting(people, pair.id, clock, 90, ["newcomer", "buddy"])
    held_meeting(people, pair.id, clock, 60, ["newcomer"])
    hours = people.buddy.get("/api/hours/me").json
    assert hours["minutes_meetings"] == 90 and [e["kind"] for e in hours["entries"]] == ["meeting"]
    together = people.coordinator.get(f"/api/matches/{pair.id}").json["together"]
    assert together["meetings"]["held"] == 2 and together["meetings"]["upcoming"] == 0
    assert "GEHEIM" not in str(together) and "GEHEIM" not in str(hours)
