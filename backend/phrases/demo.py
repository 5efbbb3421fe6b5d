"""The demo newcomers' phrase practice (called by backend/demo.py; made once, found by its ids).

About six weeks of practice over the phrases of the first themes, most days but not all, with
ratings that mostly say "good"; the first newcomer allows practising together and sharing
progress (so their buddy sees it), the second allows nothing yet. A review of the history
carries no card: the phone replays the reviews (docs/phrases.md, "Replay"). Plus two phrases of
the first pair's branch. Rows go in with one bulk insert per table.
"""
import datetime as dt
import random
import uuid

import sqlalchemy as sa

from backend.amsterdam import AMSTERDAM
from backend.accounts.models import User
from backend.db import utcnow
from backend.extensions import db
from backend.matching.models import Match
from backend.phrases import content, service
from backend.phrases.branch import org_phrase_data, phrase_id
from backend.phrases.models import OrgPhrase, Review
from backend.phrases.themes import THEMES
from backend.sync import changes

DAYS = 42
FIRST_THEMES = 4  # the history practises the phrases of the first themes, in order
# The share of days each newcomer practised, new phrases a day, and whether they share.
NEWCOMERS = [("newcomer@demo.maatje.nl", 0.85, 6, True), ("newcomer2@demo.maatje.nl", 0.6, 4, False)]
INTERVALS = (1, 3, 7, 15, 30)  # days until the next review after 1, 2, ... "good" answers in a row
BRANCH_PHRASES = [
    ("Waar is de voedselbank?", "winkelen", "A1", {"en": "Where is the food bank?", "ar": "أين بنك الطعام؟",
                                                    "uk": "Де знаходиться продовольчий банк?"},
     "Voedselbank Utrecht, Kanaalweg 80"),
    ("Hoe laat begint het taalcafé?", "samen", "A1", {"en": "What time does the language café start?",
                                                       "ar": "متى يبدأ مقهى اللغة؟"},
     "Elke dinsdag om 19.30 uur in de bibliotheek"),
]


def load_practice() -> int:
    """Make the demo practice once; return how many rows were made (0 when there is no content yet)."""
    try:
        phrases = content.load_phrases()
    except content.ContentError:
        phrases = []
    themes = list(THEMES)[:FIRST_THEMES]
    pool = [p["id"] for p in phrases if p["theme"] in themes]
    made = _branch_phrases()
    if not pool:
        db.session.commit()
        return made  # no phrases yet: practice history waits for the content
    for email, share_of_days, new_per_day, shares in NEWCOMERS:
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is None or db.session.scalar(sa.select(Review.id).where(Review.user_id == user.id).limit(1)):
            continue
        made += _history(user, pool, {p["id"]: p["theme"] for p in phrases}, share_of_days, new_per_day, shares)
    db.session.commit()
    return made


def _history(user, pool, theme_of, share_of_days, new_per_day, shares) -> int:
    rnd = random.Random(str(user.id))
    now = utcnow()
    today = now.astimezone(AMSTERDAM).date()
    state = {}  # phrase id -> {"step", "due", "days", "last"}
    unseen = list(pool)
    rows = []
    for back in range(DAYS, 0, -1):
        day = today - dt.timedelta(days=back)
        if rnd.random() > share_of_days:
            continue  # a missed day
        moment = dt.datetime.combine(day, dt.time(rnd.choice((8, 12, 19, 20)), rnd.randrange(60)), AMSTERDAM)
        due = [pid for pid, s in state.items() if s["due"] <= day]
        fresh = [unseen.pop(0) for _ in range(min(new_per_day, len(unseen)))]
        for pid in due + fresh:
            s = state.setdefault(pid, {"step": 0, "due": day, "days": set(), "last": 0})
            rating = 1 if rnd.random() < (0.25 if s["step"] == 0 else 0.1) else 3
            s["step"] = 0 if rating == 1 else min(s["step"] + 1, len(INTERVALS) - 1)
            s["due"] = day + dt.timedelta(days=INTERVALS[s["step"]] if rating == 3 else 1)
            s["days"].add(day)
            s["last"] = rating
            moment += dt.timedelta(seconds=rnd.randrange(8, 40))
            rows.append({"id": uuid.uuid5(user.id, f"review-{len(rows)}"), "user_id": user.id, "phrase_id": pid,
                         "rating": rating, "mode": rnd.choice(("recognise", "recall", "recall", "listen")),
                         "reviewed_at": moment.astimezone(dt.timezone.utc), "match_id": None, "rated_by_id": None,
                         "card": None, "created_at": now})
    rows += _together_sessions(user, rows, rnd) if shares else []
    if rows:
        db.session.execute(sa.insert(Review), rows)
    for row in rows:
        changes.record_put("review", row["id"], f"user:{user.id}", service.review_data(Review(**row)))
    settings = service.settings_for_update(user.id)
    if shares:
        settings.together_consent_at = settings.progress_consent_at = now - dt.timedelta(days=DAYS - 2)
    settings.progress = _summary(rows, state, theme_of, today, now)
    db.session.flush()
    changes.record_put("practice", user.id, f"user:{user.id}", service.settings_data(settings))
    service.publish_shares(user.id, settings)
    return len(rows) + 1


def _together_sessions(user, rows, rnd) -> list[dict]:
    """Two short sessions the buddy rated at meetings (by buddy, mode together, no card)."""
    match = db.session.scalar(sa.select(Match).where(Match.newcomer_id == user.id, Match.status == "active"))
    if match is None:
        return []
    practised = list(dict.fromkeys(r["phrase_id"] for r in rows))[:16]
    together = []
    for k, back in enumerate((10, 3)):
        moment = utcnow() - dt.timedelta(days=back, hours=2)
        for n, pid in enumerate(practised[k * 8:(k + 1) * 8]):
            together.append({"id": uuid.uuid5(user.id, f"together-{k}-{n}"), "user_id": user.id, "phrase_id": pid,
                             "rating": 3 if rnd.random() > 0.2 else 1, "mode": "together",
                             "reviewed_at": moment + dt.timedelta(minutes=n), "match_id": match.id,
                             "rated_by_id": match.buddy_id, "card": None, "created_at": utcnow()})
    return together


def _summary(rows, state, theme_of, today, now) -> dict:
    """The progress the phone would derive: due today, the forgiving streak, 8 weeks, per theme.

    Mastered here: reviewed on at least 3 days spanning at least 21 days, last rating good.
    """
    days = sorted({r["reviewed_at"].astimezone(AMSTERDAM).date() for r in rows})
    streak = 0
    if days and (today - days[-1]).days <= 2:
        streak = 1
        for later, earlier in zip(reversed(days), list(reversed(days))[1:]):
            if (later - earlier).days > 2:
                break
            streak += 1
    monday = today - dt.timedelta(days=today.weekday())
    weeks = [0] * 8
    for r in rows:
        back = (monday - r["reviewed_at"].astimezone(AMSTERDAM).date()).days
        index = 7 - (back + 6) // 7 if back > 0 else 7
        if 0 <= index < 8:
            weeks[index] += 1
    themes = {}
    for pid, s in state.items():
        entry = themes.setdefault(theme_of[pid], {"started": 0, "mastered": 0})
        entry["started"] += 1
        spread = (max(s["days"]) - min(s["days"])).days
        entry["mastered"] += len(s["days"]) >= 3 and spread >= 21 and s["last"] >= 3
    due = sum(1 for s in state.values() if s["due"] <= today)
    return {"due_today": min(due, service.DEFAULTS["reviews_per_day"]), "streak": streak, "weeks": weeks,
            "themes": themes, "at": now.astimezone(dt.timezone.utc).isoformat()}


def _branch_phrases() -> int:
    """Two phrases of the first pair's municipal branch, made once (stable ids)."""
    newcomer = db.session.scalar(sa.select(User).where(User.email == NEWCOMERS[0][0]))
    coordinator = db.session.scalar(sa.select(User).where(User.email == "coordinator@demo.maatje.nl"))
    if newcomer is None or newcomer.organisation_id is None:
        return 0
    made = 0
    for n, (nl, theme, level, translations, note) in enumerate(BRANCH_PHRASES):
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"maatje-demo-org-phrase-{newcomer.organisation_id}-{n}")
        if db.session.get(OrgPhrase, key) is not None:
            continue
        phrase = OrgPhrase(id=key, organisation_id=newcomer.organisation_id, nl=nl, theme=theme, level=level,
                           translations=translations, note=note,
                           created_by_id=coordinator.id if coordinator else None)
        db.session.add(phrase)
        db.session.flush()
        changes.record_put("org_phrase", phrase_id(phrase), f"branch:{phrase.organisation_id}",
                           org_phrase_data(phrase))
        made += 1
    return made
