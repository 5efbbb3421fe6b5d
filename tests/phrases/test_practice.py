"""Practising together, settings and consents, and what the buddy sees (practice_share)."""
import datetime as dt

from backend.db import utcnow
from tests.matching.conftest import BRANCH
from tests.phrases.conftest import iso, new_id, review_args


def together_args(pair, **extra):
    return {"id": new_id(), "match_id": pair.id, "phrase_id": "kennismaken.hoe-heet-je", "rating": 3,
            "reviewed_at": iso(utcnow().replace(microsecond=0)), **extra}


def progress_args(at=None, streak=4):
    return {"due_today": 7, "streak": streak, "weeks": [0, 0, 3, 10, 20, 14, 30, 12],
            "themes": {"kennismaken": {"started": 12, "mastered": 4}}, "at": iso(at or utcnow())}


def share(person, pair):
    person.device.pull()
    return person.device.entities("practice_share").get(pair.id)


def test_without_consent_the_buddys_rating_is_refused_with_a_notice_naming_the_newcomer(people, pair):
    result = people.buddy.push("review.together", **together_args(pair))
    assert (result["status"], result["code"]) == ("rejected", "no_consent")
    assert "Amal" in result["message"]
    assert "no_consent" in people.buddy.notices()


def test_with_consent_the_buddys_rating_becomes_the_newcomers_review(people, pair):
    assert people.newcomer.push("practice.settings", together=True)["status"] == "applied"
    args = together_args(pair, rating=1)
    result = people.buddy.push("review.together", **args)
    assert result["status"] == "applied", result
    people.newcomer.device.pull()
    row = people.newcomer.device.entities("review")[args["id"]]
    assert row == {"id": args["id"], "phrase_id": "kennismaken.hoe-heet-je", "rating": 1, "mode": "together",
                   "reviewed_at": args["reviewed_at"], "by": "buddy", "match_id": pair.id, "card": None}
    assert people.newcomer.device.rows[("review", args["id"])]["scope"] == f"user:{people.newcomer.id}"
    people.buddy.device.pull()
    assert people.buddy.device.entities("review") == {}  # the newcomer's history stays theirs
    assert people.buddy.push("review.together", **args)["status"] == "applied"  # a resend: harmless


def test_the_newcomer_cannot_rate_as_the_buddy_nor_can_an_outsider(people, pair):
    people.newcomer.push("practice.settings", together=True)
    assert people.newcomer.push("review.together", **together_args(pair))["code"] == "not_buddy"
    assert people.buddy2.push("review.together", **together_args(pair))["code"] == "scope_forbidden"


def test_on_a_paused_match_practising_together_is_refused(app, people, pair):
    from backend.matching import service as matching

    people.newcomer.push("practice.settings", together=True)
    with app.app_context():
        from backend.accounts.models import User
        from backend.extensions import db

        matching.pause(db.session.get(User, people.coordinator.id), pair.match.id)
    assert people.buddy.push("review.together", **together_args(pair))["code"] == "match_paused"


def test_settings_merge_field_by_field_from_the_defaults(people):
    first = people.newcomer.push("practice.settings", buttons=4)
    assert first["current"]["buttons"] == 4 and first["current"]["new_per_day"] == 10
    second = people.newcomer.push("practice.settings", new_per_day=5, voice="computer")
    assert (second["current"]["buttons"], second["current"]["new_per_day"], second["current"]["voice"]) == (
        4, 5, "computer")
    people.newcomer.device.pull()
    row = people.newcomer.device.entities("practice")[str(people.newcomer.id)]
    assert row["modes"] == ["recognise", "recall", "listen", "type"] and row["together_consent_at"] is None
    assert people.newcomer.push("practice.settings", buttons=3)["code"] == "invalid_args"


def test_only_a_newcomer_gives_the_consents(people):
    result = people.buddy.push("practice.settings", share_progress=True)
    assert (result["status"], result["code"]) == ("rejected", "newcomer_only")
    assert people.buddy.push("practice.settings", buttons=4)["status"] == "applied"


def test_a_consent_keeps_its_first_moment_and_turning_it_off_clears_it(people):
    first = people.newcomer.push("practice.settings", together=True)["current"]["together_consent_at"]
    assert people.newcomer.push("practice.settings", together=True)["current"]["together_consent_at"] == first
    assert people.newcomer.push("practice.settings", together=False)["current"]["together_consent_at"] is None


def test_the_buddy_sees_progress_only_with_consent_and_never_the_reviews(people, pair):
    assert share(people.buddy, pair) is None  # no row: nothing allowed
    people.newcomer.push("review.log", **review_args())
    people.newcomer.push("practice.progress", **progress_args())
    assert share(people.buddy, pair) is None
    people.newcomer.push("practice.settings", together=True)
    assert share(people.buddy, pair) == {"id": pair.id, "match_id": pair.id, "together": True, "progress": None}
    people.newcomer.push("practice.settings", share_progress=True)
    seen = share(people.buddy, pair)
    assert seen["progress"]["streak"] == 4 and seen["progress"]["themes"]["kennismaken"] == {"started": 12,
                                                                                                "mastered": 4}
    assert people.buddy.device.entities("review") == {} and people.buddy.device.entities("practice") == {}
    people.newcomer.push("practice.settings", share_progress=False)
    assert share(people.buddy, pair)["progress"] is None


def test_a_new_summary_reaches_the_buddy_and_a_stale_or_hurried_one_is_dropped(people, pair):
    people.newcomer.push("practice.settings", share_progress=True, together=True)
    now = utcnow()
    people.newcomer.push("practice.progress", **progress_args(now, streak=4))
    assert people.newcomer.push("practice.progress", **progress_args(now + dt.timedelta(seconds=20), streak=9))[
        "status"] == "applied"
    people.newcomer.push("practice.progress", **progress_args(now - dt.timedelta(hours=2), streak=1))
    assert share(people.buddy, pair)["progress"]["streak"] == 4
    people.newcomer.push("practice.progress", **progress_args(now + dt.timedelta(hours=1), streak=5))
    assert share(people.buddy, pair) == {"id": pair.id, "match_id": pair.id, "together": True,
                                         "progress": {**progress_args(now + dt.timedelta(hours=1), streak=5)}}


def test_a_match_approved_later_tells_the_new_buddy_what_the_newcomer_allows(app, people, world, make_match):
    people.newcomer.push("practice.settings", together=True)
    match = make_match(world.newcomer, world.buddy)
    people.buddy.device.pull()
    assert people.buddy.device.entities("practice_share")[str(match.id)]["together"] is True


def test_a_user_never_pulls_another_branchs_phrase(app, people, make_user):
    from backend.extensions import db
    from backend.orgs.service import get_by_code
    from backend.sync import changes

    with app.app_context():
        own, other = get_by_code(BRANCH).id, get_by_code("GM0363").id
        changes.record_put("org_phrase", "org:a", f"branch:{own}", {"id": "org:a"})
        changes.record_put("org_phrase", "org:b", f"branch:{other}", {"id": "org:b"})
        db.session.commit()
    people.newcomer.device.pull()
    assert set(people.newcomer.device.entities("org_phrase")) == {"org:a"}


def test_a_consent_given_while_the_match_is_paused_reaches_the_buddy_and_an_ended_match_takes_nothing(
        app, people, pair):
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.matching import service as matching

    with app.app_context():
        matching.pause(db.session.get(User, people.coordinator.id), pair.match.id)
    people.newcomer.push("practice.settings", together=True)
    assert share(people.buddy, pair)["together"] is True  # a paused pair still reads its scope
    with app.app_context():
        matching.end_match(pair.match.id)
    assert people.buddy.push("review.together", **together_args(pair))["code"] == "scope_forbidden"


def test_the_mutations_are_in_the_published_spec(people):
    schemas = people.newcomer.get("/api/openapi.json").json["components"]["schemas"]
    assert {"ReviewLogArgs", "ReviewTogetherArgs", "PracticeSettingsArgs", "PracticeProgressArgs"} <= set(schemas)


def test_a_together_rating_is_given_at_the_meeting_not_weeks_before(app, people, pair):
    people.newcomer.push("practice.settings", together=True)
    old = iso((utcnow() - dt.timedelta(days=8)).replace(microsecond=0))
    assert people.buddy.push("review.together", **together_args(pair, reviewed_at=old))["code"] == "review_too_old"
    recent = iso((utcnow() - dt.timedelta(days=2)).replace(microsecond=0))
    assert people.buddy.push("review.together", **together_args(pair, reviewed_at=recent))["status"] == "applied"


def test_a_summary_dated_far_ahead_is_refused_and_later_ones_still_arrive(people, pair):
    people.newcomer.push("practice.settings", share_progress=True)
    ahead = people.newcomer.push("practice.progress", **progress_args(at=utcnow() + dt.timedelta(days=400)))
    assert (ahead["status"], ahead["code"]) == ("rejected", "progress_in_future")
    assert people.newcomer.push("practice.progress", **progress_args(streak=9))["status"] == "applied"
    assert share(people.buddy, pair)["progress"]["streak"] == 9
