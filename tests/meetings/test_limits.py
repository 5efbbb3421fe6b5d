"""The pair's limit on open proposals: one partner cannot flood the other's phone with meetings."""
import uuid

from backend.meetings.service import MAX_OPEN_PROPOSALS
from tests.meetings.conftest import newest_notice, slot


def proposals(person, match_id, clock, count):
    """Push `count` proposals in one batch; return their ids and results."""
    ids = [str(uuid.uuid4()) for _ in range(count)]
    body = person.device.push(*(person.device.mutation(
        "meeting.propose", id=meeting_id, match_id=str(match_id), slots=[slot(clock, 24 + n)], place="Bibliotheek")
        for n, meeting_id in enumerate(ids))).json
    return ids, body["results"]


def test_the_21st_open_proposal_is_refused_with_words_that_say_what_to_do(app, pair):
    assert MAX_OPEN_PROPOSALS == 20
    ids, results = proposals(pair.newcomer, pair.match_id, pair.clock, 21)
    assert [r["status"] for r in results] == ["applied"] * 20 + ["rejected"]
    assert results[-1]["code"] == "too_many_proposals"
    assert "20 afspraken" in results[-1]["message"] and "zeg er een af" in results[-1]["message"]
    notice = newest_notice(app, pair.newcomer)
    assert notice.code == "too_many_proposals" and "20 afspraken" in notice.message
    assert notice.msgid_plural and notice.params == {"num": 20}  # the phone words it in its language
    pair.buddy.device.pull()
    assert set(pair.buddy.device.entities("meeting")) == set(ids[:20])  # the partner's phone: 20, no more


def test_the_limit_counts_both_sides_and_only_open_proposals(app, pair):
    ids, _ = proposals(pair.newcomer, pair.match_id, pair.clock, 20)
    _, refused = proposals(pair.buddy, pair.match_id, pair.clock, 1)
    assert refused[0]["code"] == "too_many_proposals"  # the buddy's would be the 21st of the pair
    # The buddy answers one (a chosen time): one place is free again.
    chosen = pair.buddy.push("meeting.choose", id=ids[0], version=1, starts_at=slot(pair.clock, 24)["starts_at"])
    assert chosen["status"] == "applied", chosen
    _, results = proposals(pair.buddy, pair.match_id, pair.clock, 2)
    assert [r["status"] for r in results] == ["applied", "rejected"]
    # Cancelling one of the open ones frees a place too.
    cancelled = pair.newcomer.push("meeting.cancel", id=ids[1], version=1, reason="Dubbel")
    assert cancelled["status"] == "applied", cancelled
    assert proposals(pair.newcomer, pair.match_id, pair.clock, 1)[1][0]["status"] == "applied"


def test_a_proposal_sent_again_at_the_limit_is_still_harmless(pair):
    ids, _ = proposals(pair.newcomer, pair.match_id, pair.clock, 20)
    # The phone never heard the answer to the 20th and sends the same proposal again.
    again = pair.newcomer.push("meeting.propose", id=ids[-1], match_id=pair.match_id,
                               slots=[slot(pair.clock, 24 + 19)], place="Bibliotheek")
    assert again["status"] == "applied", again


def test_the_limit_is_per_pair(pair):
    proposals(pair.newcomer, pair.match_id, pair.clock, 20)
    _, results = proposals(pair.outsider, pair.other_match_id, pair.clock, 1)
    assert results[0]["status"] == "applied", results
