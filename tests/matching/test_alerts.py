"""`flask --app backend alerts`: expiry, reminders, planned ends and quiet pairs, each once."""
import datetime as dt
import threading

import sqlalchemy as sa
from flask_babel import force_locale, format_date

from backend.accounts.models import User
from backend.db import utcnow
from backend.extensions import db
from backend.matching import alerts, service
from backend.matching.models import Match
from backend.notices.models import Notice
from backend.sync import changes

DAY = dt.timedelta(days=1)


def user(u):
    return db.session.get(User, u.id)


def proposed(world, at):
    return service.propose(user(world.coordinator), world.newcomer.id, world.buddy.id, now=at).id


def active(world, at):
    match_id = proposed(world, at)
    service.apply_accept(user(world.newcomer), match_id, now=at)
    service.apply_accept(user(world.buddy), match_id, now=at)
    db.session.commit()
    service.approve(user(world.coordinator), match_id, now=at)
    return match_id


def notices(*people):
    ids = [p.id for p in people]
    rows = db.session.execute(sa.select(Notice.user_id, Notice.code).where(Notice.user_id.in_(ids))
                              .order_by(Notice.created_at)).all()
    return [(ids.index(uid), code) for uid, code in rows]


def pair_writes(match_id):
    """The pair does something: a row in the match scope, as a mutation of theirs would write."""
    changes.record_put("note", f"n-{utcnow().timestamp()}", f"match:{match_id}", {"text": "koffie"})
    db.session.commit()


def test_an_unanswered_proposal_expires_once(app, world, ctx):
    match_id = proposed(world, utcnow() - 15 * DAY)
    assert alerts.run() == {"expired": 1, "reminded": 0, "planned_end": 0, "quiet": 0}
    match = db.session.get(Match, match_id)
    assert match.status == "expired"
    events = service.events_of(match_id)
    assert (events[-1].action, events[-1].actor_id, events[-1].from_status) == ("expire", None, "proposed")
    sent = notices(world.newcomer, world.buddy, world.coordinator)
    assert sent.count((0, "match_expired")) == 1 and sent.count((2, "match_expired")) == 1
    assert service.offer_data(match, "newcomer")["status"] == "expired"
    assert alerts.run() == {"expired": 0, "reminded": 0, "planned_end": 0, "quiet": 0}
    assert notices(world.newcomer, world.buddy, world.coordinator) == sent


def test_a_proposal_about_to_expire_reminds_who_has_not_answered(app, world, ctx):
    match_id = proposed(world, utcnow() - 13 * DAY)
    service.apply_accept(user(world.newcomer), match_id)
    db.session.commit()
    assert alerts.run()["reminded"] == 1
    assert (1, "match_expiring") in notices(world.newcomer, world.buddy)
    assert (0, "match_expiring") not in notices(world.newcomer, world.buddy)
    assert alerts.run()["reminded"] == 0


def test_the_coordinator_hears_two_weeks_before_the_planned_end(app, world, ctx):
    match_id = active(world, utcnow() - 355 * DAY)  # planned end: about ten days from now
    planned_end = db.session.get(Match, match_id).planned_end
    assert alerts.run(utcnow() - 30 * DAY)["planned_end"] == 0  # not yet due then
    assert alerts.run()["planned_end"] == 1
    assert notices(world.coordinator).count((0, "match_planned_end")) == 1
    assert alerts.run()["planned_end"] == 0 and alerts.run(utcnow() + 5 * DAY)["planned_end"] == 0
    assert planned_end > utcnow().date()
    # The date is written out in the coordinator's language, not as 2027-01-31.
    message = db.session.scalars(sa.select(Notice.message).where(Notice.code == "match_planned_end")).one()
    assert planned_end.isoformat() not in message and str(planned_end.year) in message
    with app.test_request_context(), force_locale("nl"):
        assert format_date(planned_end, "long") in message


def test_a_quiet_pair_hears_it_in_steps_once_per_quiet_spell(app, world, ctx):
    start = utcnow() - 30 * DAY
    match_id = active(world, start)
    people = (world.buddy, world.newcomer, world.coordinator)
    before = notices(*people)
    assert alerts.run(start + 13 * DAY)["quiet"] == 0
    assert alerts.run(start + 15 * DAY)["quiet"] == 1
    assert alerts.run(start + 22 * DAY)["quiet"] == 1
    assert alerts.run(start + 29 * DAY)["quiet"] == 1
    assert alerts.run()["quiet"] == 0  # the same spell: nothing again
    new = notices(*people)[len(before):]
    assert new == [(0, "match_quiet_buddy"), (1, "match_quiet_newcomer"), (2, "match_quiet_coordinator")]
    pair_writes(match_id)  # the pair meets again: the spell is over
    assert alerts.run(utcnow() + 10 * DAY)["quiet"] == 0
    assert alerts.run(utcnow() + 15 * DAY)["quiet"] == 1  # a new spell: the buddy again
    assert notices(*people)[-1] == (0, "match_quiet_buddy")


def test_lifecycle_rows_do_not_count_as_the_pair_doing_something(app, world, ctx):
    """Pausing and resuming restarts the clock (the coordinator spoke with them); the offers the
    lifecycle writes live in the user scopes, so they are not activity in the match."""
    start = utcnow() - 30 * DAY
    match_id = active(world, start)
    service.pause(user(world.coordinator), match_id, now=start + DAY)
    assert alerts.run()["quiet"] == 0  # paused pairs are not watched
    service.resume(user(world.coordinator), match_id, now=utcnow() - 16 * DAY)
    assert alerts.run()["quiet"] == 1  # 16 days since the resume: the buddy only


def test_the_newcomer_practising_alone_does_not_hide_a_quiet_pair(app, world, ctx):
    """A shared practice summary changes in the match scope whenever the newcomer practises on
    their own: that is not the pair doing something together."""
    start = utcnow() - 30 * DAY
    match_id = active(world, start)
    changes.record_put("practice_share", str(match_id), f"match:{match_id}", {"together": True, "progress": None})
    db.session.commit()
    assert alerts.run(start + 15 * DAY)["quiet"] == 1


def test_two_instances_at_once_send_nothing_twice(app, world):
    with app.app_context():
        start = utcnow() - 30 * DAY
        active(world, start)
        proposed_id = service.propose(user(world.coordinator), world.newcomer2.id, world.buddy2.id,
                                      now=utcnow() - 15 * DAY).id
    barrier = threading.Barrier(2)
    results = []

    def run():
        with app.app_context():
            barrier.wait(timeout=30)
            results.append(alerts.run())
            db.session.remove()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(results) == 2
    total = {kind: sum(r[kind] for r in results) for kind in results[0]}
    assert total == {"expired": 1, "reminded": 0, "planned_end": 0, "quiet": 3}
    with app.app_context():
        assert db.session.get(Match, proposed_id).status == "expired"
        codes = db.session.scalars(sa.select(Notice.code).where(Notice.code.like("match_quiet%"))).all()
        assert sorted(codes) == ["match_quiet_buddy", "match_quiet_coordinator", "match_quiet_newcomer"]


def test_the_command(app, world):
    with app.app_context():
        proposed(world, utcnow() - 15 * DAY)
    result = app.test_cli_runner().invoke(args=["alerts"])
    assert result.exit_code == 0, result.output
    assert "expired: 1" in result.output
    assert "expired: 0" in app.test_cli_runner().invoke(args=["alerts"]).output
