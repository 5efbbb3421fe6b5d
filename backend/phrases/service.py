"""Reviews, cards, practice settings and consents, the progress a buddy may see (docs/phrases.md).

Functions named apply_* work in the caller's transaction and never commit: the sync push owns it
(backend/phrases/sync.py). A refusal raises registry.Rejected; the push engine turns its message
into a notice for the sender.

Reviews are append-only, each with its own id made on the phone, so two phones never overwrite
each other. The server keeps, per user and phrase, the card state of the latest review (by
reviewed_at, then id) that carried one, whatever order the reviews arrive in: the phone's replay
sorts the same way (docs/phrases.md, "Replay").
"""
import datetime as dt
import re

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l, lazy_ngettext
from sqlalchemy.dialects import postgresql, sqlite

from backend.accounts.names import first_name
from backend.amsterdam import amsterdam_day, day_bounds
from backend.accounts.models import User
from backend.db import utcnow
from backend.extensions import db
from backend.matching.models import Match
from backend.matching.service import engaged_match_ids, role_of
from backend.matching.sync import require_writable_match
from backend.phrases.models import Card, PracticeSettings, Review
from backend.sync import changes
from backend.sync.registry import Rejected

UTC = dt.timezone.utc
# Limits (like the other features'): no honest phone comes near them, a broken or hostile one
# must not fill the database. The day is the review's own calendar day in Amsterdam.
MAX_REVIEWS_PER_DAY = 1000
# Phone clocks are often hours off, never a day ahead for long: later than this is refused.
FUTURE_SLACK = dt.timedelta(days=1)
# Before this no review can have happened (the app did not exist): a clock reset to 1970 or a
# hostile phone. A rating at a together session is given at the meeting: at most a week old.
EARLIEST = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
TOGETHER_PAST = dt.timedelta(days=7)
# The phone sends a summary after a session (at most once an hour); one within this time of the
# stored one, or older than it, is dropped without a word (it would change nothing a buddy sees).
PROGRESS_INTERVAL = dt.timedelta(minutes=1)
# A national phrase "<theme>.<slug>" or a branch's own "org:<uuid>".
PHRASE_ID = re.compile(r"^(?:[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*|org:[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$")
DEFAULTS = {"new_per_day": 10, "reviews_per_day": 60, "buttons": 2, "voice": "recorded",
            "modes": ["recognise", "recall", "listen", "type"]}  # the phone's DEFAULT_SETTINGS
SETTING_FIELDS = tuple(DEFAULTS)

UNKNOWN_PHRASE = _l("Deze zin kennen we niet. Werk de app bij en probeer het opnieuw.")
ID_TAKEN = _l("Deze oefening kon niet worden opgeslagen. Oefen de zin nog een keer.")
IN_FUTURE = _l("De klok van je telefoon loopt voor. Zet de datum en tijd goed en oefen opnieuw.")
TOO_OLD = _l("De datum van deze oefening klopt niet. Zet de datum en tijd van je telefoon goed en oefen opnieuw.")
NOT_THE_BUDDY = _l("Alleen het maatje van deze koppeling kan antwoorden beoordelen bij samen oefenen.")
NEWCOMERS_ONLY = _l("Alleen een nieuwkomer kan dit aanzetten of uitzetten, in de eigen oefeninstellingen.")


def _no_together_consent(name: str):
    return _l("%(name)s heeft samen oefenen niet aangezet. Dat kan %(name)s zelf doen bij de oefeninstellingen.",
              name=name)


def _too_many_reviews(limit: int):
    return lazy_ngettext("Je kunt op één dag hoogstens %(num)d oefening opslaan. Morgen kun je weer verder.",
                         "Je kunt op één dag hoogstens %(num)d oefeningen opslaan. Morgen kun je weer verder.",
                         limit)


def _iso(value: dt.datetime | None) -> str | None:
    """UTC ISO 8601 (PostgreSQL may hand back another offset: the session's time zone)."""
    return value.astimezone(UTC).isoformat() if value is not None else None


def _json_card(card: dict | None) -> dict | None:
    """Return the loaded card (datetimes) as the JSON the phone sent (ISO strings, UTC)."""
    if card is None:
        return None
    return {key: _iso(value) if isinstance(value, dt.datetime) else value for key, value in card.items()}


# -- the synced rows ------------------------------------------------------------------------------

def review_data(review: Review) -> dict:
    """Return the synced "review" row (scope user:<id> of the review's owner)."""
    return {
        "id": str(review.id), "phrase_id": review.phrase_id, "rating": review.rating, "mode": review.mode,
        "reviewed_at": _iso(review.reviewed_at),
        # By the mode, not rated_by_id: that goes null when the buddy's account is erased.
        "by": "buddy" if review.mode == "together" else "self",
        "match_id": str(review.match_id) if review.match_id else None, "card": review.card,
    }


def settings_data(settings: PracticeSettings) -> dict:
    """Return the synced "practice" row (scope user:<id>, id = user id). A user without one has
    the defaults (DEFAULTS): the phone assumes them until the first change."""
    return {
        "id": str(settings.user_id), "new_per_day": settings.new_per_day,
        "reviews_per_day": settings.reviews_per_day, "buttons": settings.buttons, "voice": settings.voice,
        "modes": list(settings.modes), "together_consent_at": _iso(settings.together_consent_at),
        "progress_consent_at": _iso(settings.progress_consent_at),
    }


def share_data(match_id, settings: PracticeSettings | None) -> dict:
    """Return the synced "practice_share" row (scope match:<id>, id = match id): what the newcomer
    allows their buddy to see and do; progress only with its consent."""
    together = settings is not None and settings.together_consent_at is not None
    shares_progress = settings is not None and settings.progress_consent_at is not None
    return {"id": str(match_id), "match_id": str(match_id), "together": together,
            "progress": settings.progress if shares_progress else None}


def publish_shares(newcomer_id, settings: PracticeSettings | None = None) -> None:
    """Write practice_share for each active or paused match of the newcomer (no commit)."""
    if settings is None:
        settings = db.session.get(PracticeSettings, newcomer_id)
    match_ids = db.session.scalars(sa.select(Match.id).where(
        Match.id.in_(engaged_match_ids(newcomer_id)), Match.newcomer_id == newcomer_id))
    for match_id in match_ids:
        changes.record_put("practice_share", match_id, f"match:{match_id}", share_data(match_id, settings))


def on_match_active(match: Match) -> None:
    """A match became active (approved, resumed, made directly): the buddy learns what the
    newcomer allows (matching.service.ACTIVATION_LISTENERS). A newcomer who never changed a
    setting allows nothing, and the buddy's phone reads no row as exactly that."""
    settings = db.session.get(PracticeSettings, match.newcomer_id)
    if settings is None:
        return
    changes.record_put("practice_share", match.id, match.scope, share_data(match.id, settings))


# -- reviews --------------------------------------------------------------------------------------

def _check_review(user_id, args: dict, now: dt.datetime, earliest: dt.datetime = EARLIEST) -> None:
    """Refuse an unknown form of phrase id, a review far in the future or before `earliest`, or
    one past the day's limit."""
    if not PHRASE_ID.match(args["phrase_id"]):
        raise Rejected("invalid_args", UNKNOWN_PHRASE)
    reviewed_at = args["reviewed_at"].astimezone(UTC)
    if reviewed_at > now + FUTURE_SLACK:
        raise Rejected("review_in_future", IN_FUTURE)
    if reviewed_at < earliest:
        raise Rejected("review_too_old", TOO_OLD)
    start, end = day_bounds(amsterdam_day(reviewed_at))
    count = db.session.scalar(sa.select(sa.func.count()).select_from(Review).where(
        Review.user_id == user_id, Review.reviewed_at >= start, Review.reviewed_at < end))
    if count >= MAX_REVIEWS_PER_DAY:
        raise Rejected("too_many_reviews", _too_many_reviews(MAX_REVIEWS_PER_DAY))


def _existing(review_id, owner_id, rated_by_id) -> Review | None:
    """Return the review already stored under this id by the same sender (a resend), or None.

    An id another user's review holds is refused without a word about that review.
    """
    existing = db.session.get(Review, review_id)
    if existing is None:
        return None
    if existing.user_id != owner_id or existing.rated_by_id != rated_by_id:
        raise Rejected("review_exists", ID_TAKEN)
    return existing


def _insert(model):
    """The dialect's INSERT (for ON CONFLICT) of a model's table."""
    dialect = db.session.connection().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


def _upsert_card(user_id, review: Review) -> None:
    """Keep in `cards` the state of the latest review (reviewed_at, then id) that carries one.

    One statement (insert, or update only when this review is later), so two pushes at once for
    the same phrase cannot both insert, and the arrival order never matters.
    """
    values = {"user_id": user_id, "phrase_id": review.phrase_id, "state": review.card,
              "due": dt.datetime.fromisoformat(review.card["due"]), "last_review": review.reviewed_at,
              "review_id": review.id}
    insert = _insert(Card).values(**values)
    table, new = Card.__table__.c, insert.excluded
    later = sa.or_(table.last_review < new.last_review,
                   sa.and_(table.last_review == new.last_review, table.review_id < new.review_id))
    db.session.execute(insert.on_conflict_do_update(
        index_elements=["user_id", "phrase_id"], set_={k: new[k] for k in ("state", "due", "last_review", "review_id")},
        where=later))


def apply_log(user, args: dict, now: dt.datetime | None = None) -> Review:
    """Store one own review (review.log) and, when it is the latest, its card. No commit.

    :raise Rejected: invalid_args (a phrase id of no known form), review_exists (another user's
        id), review_in_future, too_many_reviews.
    """
    now = now or utcnow()
    existing = _existing(args["id"], user.id, None)
    if existing is not None:
        return existing  # a resend (the phone never heard the answer): nothing changes
    _check_review(user.id, args, now)
    card = _json_card(args["card"])
    review = Review(id=args["id"], user_id=user.id, phrase_id=args["phrase_id"], rating=args["rating"],
                    mode=args["mode"], reviewed_at=args["reviewed_at"].astimezone(UTC), card=card, created_at=now)
    db.session.add(review)
    db.session.flush()
    _upsert_card(user.id, review)
    changes.record_put("review", review.id, f"user:{user.id}", review_data(review))
    return review


def apply_together(user, args: dict, now: dt.datetime | None = None) -> Review:
    """The buddy rates the newcomer's spoken answer (review.together): stored as the newcomer's
    review, by the buddy, in the newcomer's scope. No commit.

    :raise Rejected: scope_forbidden / match_paused (the match), not_buddy (the newcomer or
        anyone else), no_consent (the newcomer has not turned practising together on), and the
        review's own refusals.
    """
    now = now or utcnow()
    match = require_writable_match(args["match_id"], user)
    if role_of(match, user.id) != "buddy":
        raise Rejected("not_buddy", NOT_THE_BUDDY)
    existing = _existing(args["id"], match.newcomer_id, user.id)
    if existing is not None:
        return existing
    settings = db.session.get(PracticeSettings, match.newcomer_id)
    if settings is None or settings.together_consent_at is None:
        name = db.session.scalar(sa.select(User.display_name).where(User.id == match.newcomer_id)) or ""
        raise Rejected("no_consent", _no_together_consent(first_name(name)))
    _check_review(match.newcomer_id, args, now, earliest=now - TOGETHER_PAST)
    review = Review(id=args["id"], user_id=match.newcomer_id, phrase_id=args["phrase_id"], rating=args["rating"],
                    mode="together", reviewed_at=args["reviewed_at"].astimezone(UTC), match_id=match.id,
                    rated_by_id=user.id, card=None, created_at=now)
    db.session.add(review)
    db.session.flush()
    changes.record_put("review", review.id, f"user:{match.newcomer_id}", review_data(review))
    return review


# -- settings, consents, progress -----------------------------------------------------------------

def settings_for_update(user_id) -> PracticeSettings:
    """Return the user's settings row, locked, made with the defaults on first use.

    Made with INSERT ... ON CONFLICT DO NOTHING, so two devices' first changes at once both
    find the one row instead of one of them failing on the primary key.
    """
    db.session.execute(_insert(PracticeSettings).values(user_id=user_id, updated_at=utcnow(), **DEFAULTS)
                       .on_conflict_do_nothing(index_elements=["user_id"]))
    return db.session.scalars(sa.select(PracticeSettings).where(PracticeSettings.user_id == user_id)
                              .with_for_update().execution_options(populate_existing=True)).one()


def apply_settings(user, args: dict, now: dt.datetime | None = None) -> PracticeSettings:
    """Merge the named fields into the own settings (practice.settings). No commit.

    The consents (`together`, `share_progress`) are the newcomer's alone; turning one on keeps
    the moment it was first given, turning it off clears it.

    :raise Rejected: newcomer_only when anyone else names a consent.
    """
    now = now or utcnow()
    consents = {"together": "together_consent_at", "share_progress": "progress_consent_at"}
    if any(key in args for key in consents) and not user.has_role("newcomer"):
        raise Rejected("newcomer_only", NEWCOMERS_ONLY)
    settings = settings_for_update(user.id)
    for key in SETTING_FIELDS:
        if key in args:
            setattr(settings, key, list(args[key]) if key == "modes" else args[key])
    shared_before = share_data(None, settings)
    for key, column in consents.items():
        if key in args:
            given = getattr(settings, column)
            setattr(settings, column, (given or now) if args[key] else None)
    settings.updated_at = now
    db.session.flush()
    changes.record_put("practice", user.id, f"user:{user.id}", settings_data(settings))
    if share_data(None, settings) != shared_before:
        publish_shares(user.id, settings)
    return settings


def apply_progress(user, args: dict) -> PracticeSettings:
    """Store the summary the phone derived (practice.progress); with the progress consent, each
    of the newcomer's buddies sees it. A summary older than, or within a minute of, the stored
    one is dropped. No commit."""
    at = args["at"].astimezone(UTC)
    if at > utcnow() + FUTURE_SLACK:  # a clock far ahead would freeze what the buddy sees
        raise Rejected("progress_in_future", IN_FUTURE)
    settings = settings_for_update(user.id)
    stored = settings.progress
    if stored and at < dt.datetime.fromisoformat(stored["at"]) + PROGRESS_INTERVAL:
        return settings
    settings.progress = {"due_today": args["due_today"], "streak": args["streak"], "weeks": list(args["weeks"]),
                         "themes": {code: {"started": t["started"], "mastered": t["mastered"]}
                                    for code, t in args["themes"].items()},
                         "at": at.isoformat()}
    db.session.flush()
    if settings.progress_consent_at is not None:
        publish_shares(user.id, settings)
    return settings
