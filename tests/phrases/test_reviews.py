"""review.log and review.together through sync: idempotence, whose ids, the card kept, consent."""
import datetime as dt

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings, strategies as st

from backend.db import utcnow
from backend.extensions import db
from backend.phrases import service
from backend.phrases.models import Card, Review
from backend.phrases.schemas import ReviewLogSchema
from tests.phrases.conftest import card as card_at, new_id, review_args


def stored_card(app, user_id, phrase_id="kennismaken.hoe-heet-je"):
    with app.app_context():
        return db.session.get(Card, (user_id, phrase_id))


def test_a_review_reaches_the_newcomers_other_phone_with_its_card(app, people):
    args = review_args()
    result = people.newcomer.push("review.log", **args)
    assert result["status"] == "applied", result
    people.newcomer.device.pull()
    row = people.newcomer.device.entities("review")[args["id"]]
    assert row["by"] == "self" and row["match_id"] is None and row["rating"] == 3
    assert row["card"]["scheduled_days"] == 3
    assert people.newcomer.device.rows[("review", args["id"])]["scope"] == f"user:{people.newcomer.id}"
    assert stored_card(app, people.newcomer.id).review_id.hex == args["id"].replace("-", "")


def test_a_resent_review_changes_nothing(app, people):
    args = review_args()
    first = people.newcomer.push("review.log", **args)
    again = people.newcomer.push("review.log", **{**args, "rating": 1})
    assert again["status"] == "applied" and again["current"] == first["current"]
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Review)) == 1


def test_an_id_of_another_users_review_is_refused_without_showing_it(app, people):
    args = review_args()
    people.newcomer.push("review.log", **args)
    result = people.buddy.push("review.log", **args)
    assert (result["status"], result["code"], result["current"]) == ("rejected", "review_exists", None)
    people.buddy.device.pull()
    assert people.buddy.device.entities("review") == {}


def test_a_phrase_id_of_no_known_form_and_a_review_days_ahead_are_refused(people):
    assert people.newcomer.push("review.log", **review_args(phrase_id="Hoe heet je?"))["code"] == "invalid_args"
    ahead = review_args(at=utcnow() + dt.timedelta(days=3))
    assert people.newcomer.push("review.log", **ahead)["code"] == "review_in_future"
    branch = review_args(phrase_id=f"org:{new_id()}")
    assert people.newcomer.push("review.log", **branch)["status"] == "applied"


def test_past_the_days_limit_a_review_is_refused_with_a_clear_message(app, people, monkeypatch):
    monkeypatch.setattr(service, "MAX_REVIEWS_PER_DAY", 2)
    at = utcnow().replace(microsecond=0)
    results = [people.newcomer.push("review.log", **review_args(at=at)) for _ in range(3)]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["code"] == "too_many_reviews" and "2" in results[2]["message"]
    yesterday = review_args(at=at - dt.timedelta(days=1))
    assert people.newcomer.push("review.log", **yesterday)["status"] == "applied"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 5), st.booleans()), min_size=1, max_size=6), st.randoms())
def test_the_stored_card_is_that_of_the_latest_review_whatever_the_arrival_order(app, make_user, offsets, rnd):
    from backend.accounts.models import User

    base = utcnow().replace(microsecond=0) - dt.timedelta(days=10)
    # Equal offsets give equal reviewed_at: the id breaks the tie, as in the phone's replay.
    reviews = [review_args(at=base + dt.timedelta(hours=o), days=n + 1) for n, (o, _) in enumerate(offsets)]
    for args, (_, without_card) in zip(reviews, offsets):
        if without_card:
            args["card"] = None
    user = make_user("newcomer")
    pushed = reviews[:]
    rnd.shuffle(pushed)
    with app.app_context():
        owner = db.session.get(User, user.id)
        for args in pushed:
            loaded = ReviewLogSchema().load({**args, "card": args["card"] or card_at(base)})
            if args["card"] is None:  # a together review: no card, stored as the buddy's phone sends it
                db.session.add(Review(id=loaded["id"], user_id=user.id, phrase_id=loaded["phrase_id"], rating=3,
                                      mode="together", reviewed_at=loaded["reviewed_at"], card=None))
                db.session.flush()
            else:
                service.apply_log(owner, loaded)
        db.session.commit()
        with_card = [r for r in reviews if r["card"] is not None]
        card = db.session.get(Card, (user.id, "kennismaken.hoe-heet-je"))
        if not with_card:
            assert card is None
        else:
            latest = max(with_card, key=lambda r: (r["reviewed_at"], r["id"]))
            assert str(card.review_id) == latest["id"]
            assert card.state["scheduled_days"] == latest["card"]["scheduled_days"]


def test_a_review_from_a_clock_reset_to_long_ago_is_refused_and_stores_nothing(app, people):
    result = people.newcomer.push("review.log", **review_args(at=dt.datetime(1970, 1, 1, 12, tzinfo=dt.timezone.utc)))
    assert (result["status"], result["code"]) == ("rejected", "review_too_old")
    assert "datum" in result["message"]
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Review)) == 0
