"""Goals through sync: goal.add, goal.edit, goal.step_*: every rule and refusal, merges per field
and per step (two phones, also at the same moment on two connections)."""
import threading
import time
import uuid

import pytest

from backend.accounts.models import User
from backend.extensions import db
from backend.goals import service
from backend.goals.models import Goal
from backend.goals.schemas import GoalRowSchema
from tests.activities.conftest import new_id


def add(person, pair, **extra):
    args = {"id": new_id(), "match_id": pair.id, "domain": "werk", **extra}
    return args, person.push("goal.add", **args)


def steps(*texts):
    return [{"id": new_id(), "text": t} for t in texts]


def goal_on(person, goal_id):
    person.device.pull()
    return person.device.entities("goal")[goal_id]


def test_a_goal_from_the_intake_keeps_its_code_and_an_empty_title(people, pair):
    args, result = add(people.newcomer, pair, code="cv", title="wordt genegeerd")
    assert result["status"] == "applied", result
    row = goal_on(people.buddy, args["id"])
    assert row["code"] == "cv" and row["title"] == "" and row["domain"] == "werk"
    assert row["added_by"] == "newcomer" and row["level"] == 0 and row["done_at"] is None
    assert set(row) == set(GoalRowSchema().fields)


def test_a_code_of_another_domain_or_no_code_and_no_title_is_refused(people, pair):
    assert add(people.newcomer, pair, domain="taal", code="cv")[1]["code"] == "invalid_args"
    assert add(people.newcomer, pair, code="nonsense")[1]["code"] == "invalid_args"
    refused = add(people.newcomer, pair, title="   ")[1]
    assert (refused["status"], refused["code"]) == ("rejected", "invalid_args") and refused["message"]
    people.buddy.device.pull()
    assert people.buddy.device.entities("goal") == {}


def test_a_goal_in_own_words_with_steps(people, pair):
    plan = steps("Vacatures zoeken", "Brief schrijven", "Brief schrijven")
    plan[2]["id"] = plan[1]["id"]  # the same step twice counts once
    args, result = add(people.buddy, pair, domain="meedoen", title="  Naar de voetbalclub  ", steps=plan)
    row = result["current"]
    assert row["title"] == "Naar de voetbalclub" and row["code"] is None
    assert [(s["text"], s["done"]) for s in row["steps"]] == [("Vacatures zoeken", False), ("Brief schrijven", False)]


def test_the_same_goal_twice_is_harmless_and_another_under_its_id_is_refused(people, pair):
    args, first = add(people.buddy, pair, code="cv")
    assert people.buddy.push("goal.add", **args)["status"] == "applied"
    other = people.newcomer.push("goal.add", **{**args, "domain": "taal", "code": "letters"})
    assert (other["status"], other["code"]) == ("rejected", "goal_exists")
    assert other["current"]["code"] == "cv"


def test_edit_sets_only_the_named_fields_so_two_phones_both_win(people, pair):
    args, _ = add(people.buddy, pair, title="Fietsen leren")
    assert people.newcomer.push("goal.edit", id=args["id"], level=2)["status"] == "applied"
    assert people.buddy.push("goal.edit", id=args["id"], title="Fietsen in de stad")["status"] == "applied"
    row = goal_on(people.newcomer, args["id"])
    assert (row["title"], row["level"]) == ("Fietsen in de stad", 2)


def test_done_sets_done_at_once_and_undone_clears_it_and_the_goal_stays(people, pair):
    args, _ = add(people.buddy, pair, code="cv")
    done = people.newcomer.push("goal.edit", id=args["id"], done=True)["current"]
    assert done["done_at"]
    again = people.buddy.push("goal.edit", id=args["id"], done=True)["current"]
    assert again["done_at"] == done["done_at"]
    assert goal_on(people.buddy, args["id"])["done_at"] == done["done_at"]  # done goals stay
    undone = people.buddy.push("goal.edit", id=args["id"], done=False)["current"]
    assert undone["done_at"] is None


def test_a_catalogue_goal_keeps_its_name_and_a_title_cannot_be_emptied(people, pair):
    args, _ = add(people.buddy, pair, code="cv")
    assert people.newcomer.push("goal.edit", id=args["id"], title="Iets anders")["code"] == "invalid_args"
    own, _ = add(people.buddy, pair, title="Eigen doel")
    assert people.newcomer.push("goal.edit", id=own["id"], title=" ")["code"] == "invalid_args"
    assert people.newcomer.push("goal.edit", id=own["id"], level=7)["code"] == "invalid_args"
    assert goal_on(people.buddy, own["id"])["title"] == "Eigen doel"


def test_at_most_twelve_steps_and_an_existing_step_id_is_harmless(people, pair):
    plan = steps(*[f"Stap {i}" for i in range(11)])
    args, _ = add(people.buddy, pair, title="Veel stappen", steps=plan)
    twelfth = {"id": new_id(), "text": "Stap 12"}
    assert people.newcomer.push("goal.step_add", goal_id=args["id"], step=twelfth)["status"] == "applied"
    again = people.buddy.push("goal.step_add", goal_id=args["id"], step=twelfth)
    assert again["status"] == "applied" and len(again["current"]["steps"]) == 12
    too_many = people.buddy.push("goal.step_add", goal_id=args["id"], step={"id": new_id(), "text": "Nog een"})
    assert (too_many["status"], too_many["code"]) == ("rejected", "too_many_steps")
    assert "12" in too_many["message"] and len(too_many["current"]["steps"]) == 12


def test_steps_are_ticked_untucked_and_removed_one_at_a_time(people, pair):
    plan = steps("Cv maken", "Foto laten maken", "Versturen")
    args, _ = add(people.buddy, pair, code="cv", steps=plan)
    goal = args["id"]
    assert people.newcomer.push("goal.step_set", goal_id=goal, step_id=plan[0]["id"], done=True)["status"] == "applied"
    assert people.buddy.push("goal.step_set", goal_id=goal, step_id=plan[2]["id"], done=True)["status"] == "applied"
    row = goal_on(people.newcomer, goal)
    assert [s["done"] for s in row["steps"]] == [True, False, True]  # both phones' ticks count
    people.buddy.push("goal.step_set", goal_id=goal, step_id=plan[2]["id"], done=False)
    assert people.newcomer.push("goal.step_remove", goal_id=goal, step_id=plan[1]["id"])["status"] == "applied"
    assert people.buddy.push("goal.step_remove", goal_id=goal, step_id=plan[1]["id"])["status"] == "applied"
    gone = people.buddy.push("goal.step_set", goal_id=goal, step_id=plan[1]["id"], done=True)
    assert (gone["status"], gone["code"]) == ("rejected", "step_gone")
    assert [(s["text"], s["done"]) for s in gone["current"]["steps"]] == [("Cv maken", True), ("Versturen", False)]
    assert [s["text"] for s in goal_on(people.newcomer, goal)["steps"]] == ["Cv maken", "Versturen"]


def test_another_pairs_goal_is_answered_like_an_unknown_id(people, world, pair, make_match):
    other = make_match(world.newcomer2, world.buddy2)
    theirs, _ = add(people.buddy2, type("P", (), {"id": str(other.id)}), title="Geheim doel",
                    steps=steps("Geheime stap"))
    step = {"id": new_id(), "text": "x"}
    for name, args in (("goal.edit", {"level": 1}), ("goal.step_add", {"step": step}),
                       ("goal.step_set", {"step_id": new_id(), "done": True}),
                       ("goal.step_remove", {"step_id": new_id()})):
        key = "id" if name == "goal.edit" else "goal_id"
        forbidden = people.buddy.push(name, **{key: theirs["id"]}, **args)
        unknown = people.buddy.push(name, **{key: new_id()}, **args)
        assert (forbidden["code"], forbidden["message"], forbidden["current"]) == \
            (unknown["code"], unknown["message"], unknown["current"]) == \
            ("scope_forbidden", unknown["message"], None), name
    under_their_id = add(people.buddy, pair, id=theirs["id"], title="Geheim doel")[1]
    assert under_their_id["code"] == "scope_forbidden" and "Geheim" not in str(under_their_id)
    assert goal_on(people.buddy2, theirs["id"])["level"] == 0


def test_a_paused_match_refuses_goal_changes(people, pair):
    args, _ = add(people.buddy, pair, code="cv")
    assert people.coordinator.post(f"/api/matches/{pair.id}/pause").status_code == 200
    assert add(people.buddy, pair, code="study")[1]["code"] == "match_paused"
    assert people.newcomer.push("goal.edit", id=args["id"], done=True)["code"] == "match_paused"


@pytest.mark.postgres
def test_two_phones_ticking_two_steps_at_the_same_moment_both_count(app, people, pair):
    """The first holds the goal's row lock while the second tries: the second waits and then
    reads the first's tick (FOR UPDATE on PostgreSQL, the write lock on SQLite)."""
    plan = steps("Een", "Twee")
    args, _ = add(people.buddy, pair, title="Samen", steps=plan)
    first_holds = threading.Event()
    outcomes = []

    def tick(user_id, step_id, hold):
        with app.app_context():
            try:
                if not hold:
                    first_holds.wait(timeout=30)
                service.apply_step_set(db.session.get(User, user_id), uuid.UUID(args["id"]), step_id, True)
                if hold:
                    first_holds.set()
                    time.sleep(0.3)  # let the other begin and wait for the lock
                db.session.commit()
                outcomes.append("ok")
            except Exception as err:
                outcomes.append(repr(err))
            finally:
                first_holds.set()
                db.session.remove()

    threads = [threading.Thread(target=tick, args=(people.buddy.id, plan[0]["id"], True)),
               threading.Thread(target=tick, args=(people.newcomer.id, plan[1]["id"], False))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes == ["ok", "ok"]
    with app.app_context():
        assert [s["done"] for s in db.session.get(Goal, uuid.UUID(args["id"])).steps] == [True, True]
    assert [s["done"] for s in goal_on(people.newcomer, args["id"])["steps"]] == [True, True]


def test_both_sides_see_the_newcomers_intake_goals_only_while_the_two_work_together(app, people, world, pair):
    """The goals screen offers the goals the newcomer named at the intake first."""
    from backend.newcomers.models import NewcomerIntake

    with app.app_context():
        intake = db.session.get(NewcomerIntake, world.newcomer.id)
        intake.goals = {"taal": ["letters", "no-longer-a-code"], "werk": ["cv"], "meedoen": []}
        db.session.commit()
        from backend.matching.models import Match
        from backend.matching.service import publish_offers
        publish_offers(db.session.get(Match, pair.match.id))
        db.session.commit()
    for person in (people.newcomer, people.buddy):
        offer = person.offer()[pair.id]
        assert offer["intake_goals"] == {"taal": ["letters"], "werk": ["cv"]}
    with app.app_context():
        from backend.matching.service import end_match
        end_match(pair.match.id)
        db.session.commit()
    # Once the match has ended the goals are no longer part of the two's view.
    assert people.newcomer.offer()[pair.id]["intake_goals"] == {}
