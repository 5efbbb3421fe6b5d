"""Goals of a pair: add, edit per field, and steps one at a time (docs/meetings.md).

A goal comes from the newcomer's intake goals (a catalogue code of its domain: the phone shows
the translated label, the title stays empty) or in the pair's own words (a title). `goal.edit`
sets only the fields it names, so two phones editing different fields both win. Steps change
one at a time under a lock on the goal row, so two phones ticking two different steps at once
both count (also on PostgreSQL, where the second waits for the first).

Functions named apply_* work in the caller's transaction (the sync push owns it).
"""
import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l, lazy_ngettext

from backend.catalogues.catalogue import GOALS
from backend.db import utcnow
from backend.extensions import db
from backend.goals.models import Goal
from backend.goals.schemas import MAX_STEPS
from backend.matching.models import Match
from backend.matching.service import role_of
from backend.matching.sync import require_writable_match
from backend.sync import changes
from backend.sync.registry import Rejected
from backend.sync.scopes import require_scope

# The limit per match (docs/meetings.md, "Limits"): one partner may not flood the other's phone.
MAX_GOALS = 100  # goals of a match, done ones included (they stay)

NO_ACCESS = _l("Je hebt geen toegang meer tot deze gegevens.")
UNKNOWN_GOAL = _l("Kies een doel uit de lijst van dit onderwerp.")
TITLE_NEEDED = _l("Geef het doel een naam.")
CATALOGUE_TITLE = _l("Een doel uit de lijst houdt zijn eigen naam.")
ID_TAKEN = _l("Dit doel bestaat al met andere gegevens. Voeg het opnieuw toe.")
TOO_MANY_STEPS = _l("Een doel heeft hoogstens %(count)s stappen.", count=MAX_STEPS)
STEP_GONE = _l("Deze stap is intussen verwijderd.")
TOO_MANY_GOALS = lazy_ngettext(
    "Jullie hebben al %(num)d doel. Meer kan niet. Werk verder aan het doel dat jullie al hebben.",
    "Jullie hebben al %(num)d doelen. Meer kan niet. Werk verder aan de doelen die jullie al hebben.",
    MAX_GOALS)


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def goal_data(goal: Goal) -> dict:
    """Return the synced "goal" row: exactly the fields of GoalRowSchema."""
    return {
        "id": str(goal.id), "match_id": str(goal.match_id), "domain": goal.domain, "code": goal.code,
        "title": goal.title or "", "level": goal.level,
        "steps": [{"id": s["id"], "text": s["text"], "done": bool(s["done"])} for s in goal.steps or []],
        "done_at": _iso(goal.done_at), "added_by": goal.added_by,
        "created_at": _iso(goal.created_at), "updated_at": _iso(goal.updated_at),
    }


def _publish(goal: Goal) -> None:
    db.session.flush()
    changes.record_put("goal", goal.id, f"match:{goal.match_id}", goal_data(goal))


def _new_steps(steps: list[dict]) -> list[dict]:
    """Return the steps as stored: {id, text, done}, one per id (a repeated id counts once)."""
    out, seen = [], set()
    for step in steps:
        key = str(step["id"])
        if key not in seen:
            seen.add(key)
            out.append({"id": key, "text": step["text"].strip() or step["text"], "done": False})
    return out


def apply_add(user, args: dict, now: dt.datetime | None = None) -> Goal:
    """Add a goal to the pair's match (either side). No commit.

    :raise Rejected: scope_forbidden / match_paused (the match), invalid_args (a code that is no
        goal of the domain, no title without a code), goal_exists (the id holds other content).
    """
    now = now or utcnow()
    match = require_writable_match(args["match_id"], user)
    code = args.get("code") or None
    title = "" if code else (args.get("title") or "").strip()
    steps = _new_steps(args.get("steps") or [])
    existing = db.session.get(Goal, args["id"])
    if existing is not None:
        if existing.match_id != match.id:
            require_scope(user, f"match:{existing.match_id}")  # someone else's id: as if unknown
            raise Rejected("goal_exists", ID_TAKEN, goal_data(existing))
        # The same goal again (a lost answer) is harmless, even after its steps or title changed.
        if (existing.domain, existing.code) != (args["domain"], code) or (code is None and existing.title != title
                                                                         and existing.created_at == existing.updated_at):
            raise Rejected("goal_exists", ID_TAKEN, goal_data(existing))
        return existing
    if code is not None and code not in GOALS[args["domain"]]:
        raise Rejected("invalid_args", UNKNOWN_GOAL)
    if code is None and not title:
        raise Rejected("invalid_args", TITLE_NEEDED)
    _check_goal_count(match)
    goal = Goal(id=args["id"], match_id=match.id, domain=args["domain"], code=code, title=title, level=0,
                steps=steps, done_at=None, added_by=role_of(match, user.id), created_at=now, updated_at=now)
    db.session.add(goal)
    _publish(goal)
    return goal


def _check_goal_count(match) -> None:
    """Refuse a goal past MAX_GOALS for the match, the match row locked first (FOR UPDATE on
    PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers already): two pushes at once cannot
    both take the last place."""
    db.session.execute(sa.select(Match.id).where(Match.id == match.id).with_for_update())
    count = db.session.scalar(sa.select(sa.func.count()).select_from(Goal).where(Goal.match_id == match.id))
    if count >= MAX_GOALS:
        raise Rejected("too_many_goals", TOO_MANY_GOALS)


def _goal_for(user, goal_id, lock: bool = False) -> Goal:
    """Return a goal of a match the user may write into, locked (FOR UPDATE) and read fresh if asked.

    :raise Rejected: scope_forbidden for an unknown id and for one outside the user's matches
        alike; match_paused while the match is paused.
    """
    query = sa.select(Goal).where(Goal.id == goal_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    goal = db.session.scalars(query).first()
    if goal is None:
        raise Rejected("scope_forbidden", NO_ACCESS)
    require_writable_match(goal.match_id, user)
    return goal


def apply_edit(user, args: dict, now: dt.datetime | None = None) -> Goal:
    """Set only the fields named: title, level, done (true sets done_at once, false clears it). No commit."""
    goal = _goal_for(user, args["id"], lock=True)
    if "title" in args:
        title = args["title"].strip()
        if goal.code is not None:
            raise Rejected("invalid_args", CATALOGUE_TITLE, goal_data(goal))
        if not title:
            raise Rejected("invalid_args", TITLE_NEEDED, goal_data(goal))
        goal.title = title
    if "level" in args:
        goal.level = args["level"]
    if "done" in args:
        if not args["done"]:
            goal.done_at = None
        elif goal.done_at is None:
            goal.done_at = now or utcnow()
    goal.updated_at = now or utcnow()
    _publish(goal)
    return goal


def _step_index(goal: Goal, step_id) -> int | None:
    key = str(step_id)
    return next((i for i, s in enumerate(goal.steps or []) if s["id"] == key), None)


def _set_steps(goal: Goal, steps: list[dict], now) -> Goal:
    goal.steps = steps  # a new list: the JSON column sees the change
    goal.updated_at = now or utcnow()
    _publish(goal)
    return goal


def apply_step_add(user, goal_id, step: dict, now: dt.datetime | None = None) -> Goal:
    """Add one step at the end (at most MAX_STEPS); a step id the goal has already is harmless. No commit."""
    goal = _goal_for(user, goal_id, lock=True)
    if _step_index(goal, step["id"]) is not None:
        return goal
    if len(goal.steps or []) >= MAX_STEPS:
        raise Rejected("too_many_steps", TOO_MANY_STEPS, goal_data(goal))
    return _set_steps(goal, [*(goal.steps or []), *_new_steps([step])], now)


def apply_step_set(user, goal_id, step_id, done: bool, now: dt.datetime | None = None) -> Goal:
    """Tick a step off, or untick it. No commit.

    :raise Rejected: step_gone when the step was removed meanwhile (with the goal as it is).
    """
    goal = _goal_for(user, goal_id, lock=True)
    index = _step_index(goal, step_id)
    if index is None:
        raise Rejected("step_gone", STEP_GONE, goal_data(goal))
    steps = [dict(s) for s in goal.steps]
    if steps[index]["done"] == done:
        return goal
    steps[index]["done"] = done
    return _set_steps(goal, steps, now)


def apply_step_remove(user, goal_id, step_id, now: dt.datetime | None = None) -> Goal:
    """Remove one step; a step that is gone already is harmless. No commit."""
    goal = _goal_for(user, goal_id, lock=True)
    index = _step_index(goal, step_id)
    if index is None:
        return goal
    return _set_steps(goal, [dict(s) for i, s in enumerate(goal.steps) if i != index], now)

