"""The Meeting state machine (docs/meetings.md has the transition table).

Every apply_* works in the caller's transaction and never commits: the push engine owns it
(sync mutations, backend/meetings/sync.py). Each one first locks the meeting row and checks
that the user may still write into its match (require_writable_match), then the version the
phone showed, then the table's rule. A refusal raises registry.Rejected, with the meeting as
it is now as `current` whenever the user may see it.

Why the version comes first: of two intents made on the same state exactly one may win, so an
intent on an older version is `meeting_changed` even if the new state would allow it (a cancel
that meets a meeting confirmed meanwhile: its sender decided on what they saw, not on this).
"""
import datetime as dt
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l, lazy_ngettext

from backend.accounts.names import first_name
from backend.accounts.models import User
from backend.db import utcnow
from backend.extensions import db
from backend.matching.models import Match
from backend.matching.service import engaged_match_ids, role_of  # noqa: F401  (role_of: for the other features)
from backend.matching.sync import require_writable_match
from backend.meetings.models import ROLES, Meeting
from backend.sync import changes, registry

UTC = dt.timezone.utc
# Which statuses each transition starts from (the table in docs/meetings.md).
FROM = {
    "choose": ("proposed",),
    "decline": ("proposed",),
    "reschedule": ("proposed", "confirmed", "declined"),
    "cancel": ("proposed", "confirmed"),
    "complete": ("confirmed",),
}
TO = {"choose": "confirmed", "decline": "declined", "reschedule": "proposed", "cancel": "cancelled",
      "complete": "held"}
# Limits per match (docs/meetings.md, "Limits"): one partner may not flood the other's phone.
MAX_OPEN_PROPOSALS = 20  # meetings in status "proposed" at once, for meeting.propose
# Only the side that did not propose answers a proposal.
ANSWERS = ("choose", "decline")

NO_ACCESS = _l("Je hebt geen toegang meer tot deze gegevens.")  # the same words as require_scope's
# Why a transition the table does not have is refused, by the meeting's status now.
NOT_NOW = {
    "proposed": _l("Er is nog geen tijd gekozen voor deze afspraak."),
    "confirmed": _l("De tijd van deze afspraak staat al vast."),
    "declined": _l("Deze afspraak is afgewezen. Stel nieuwe momenten voor."),
    "cancelled": _l("Deze afspraak is afgezegd."),
    "held": _l("Deze afspraak is al geweest."),
}
OWN_PROPOSAL = _l("Je kunt niet op je eigen voorstel antwoorden. Wacht op de ander.")
ALREADY_EXISTS = _l("Deze afspraak bestaat al.")
UNKNOWN_VERSION = _l("Deze wijziging past niet bij de afspraak zoals die nu is.")
SLOT_IN_PAST = _l("Dit moment is al voorbij. Kies een moment in de toekomst.")
CHOSEN_SLOT_PASSED = _l("Dit moment is al voorbij. Stel nieuwe momenten voor.")
NOT_A_SLOT = _l("Kies een van de voorgestelde momenten.")
SAME_SLOT_TWICE = _l("Je hebt hetzelfde moment twee keer gekozen.")
NO_PLACE = _l("Vul een plek in of een link voor een videogesprek.")
BAD_LINK = _l("Een link voor een videogesprek begint met https:// of http://.")
NO_REASON = _l("Schrijf kort waarom je de afspraak afzegt.")
NOT_YET_HELD = _l("Deze afspraak is nog niet begonnen. Markeer hem als gehouden als hij voorbij is.")
# The loser of a race learns what the other did (the winner's last_action), by first name.
SAME_USER_WON = _l("Je had deze afspraak op een ander apparaat al gewijzigd.")
TOO_MANY_PROPOSALS = lazy_ngettext(
    "Jullie hebben al %(num)d afspraak die op antwoord wacht. Beantwoord die eerst, of zeg die af.",
    "Jullie hebben al %(num)d afspraken die op antwoord wachten. Beantwoord er eerst een, of zeg er een af.",
    MAX_OPEN_PROPOSALS)


def _other_won(action: str, name: str):
    """Return the notice for an intent that lost to the other side's `action`."""
    if action == "choose":
        return _l("%(name)s had al een tijd gekozen voor deze afspraak.", name=name)
    if action == "decline":
        return _l("%(name)s had deze afspraak al afgewezen.", name=name)
    if action == "cancel":
        return _l("%(name)s had deze afspraak al afgezegd.", name=name)
    if action == "complete":
        return _l("%(name)s had deze afspraak al als gehouden gemarkeerd.", name=name)
    # reschedule (a propose is always version 1, so it never wins a race on a later version)
    return _l("%(name)s had al andere momenten voorgesteld.", name=name)


# -- the synced row ---------------------------------------------------------------------------

def _iso(value: dt.datetime | None) -> str | None:
    """UTC ISO 8601 (PostgreSQL may hand back another offset: the session's time zone)."""
    return value.astimezone(UTC).isoformat() if value is not None else None


def meeting_data(meeting: Meeting) -> dict:
    """Return the synced "meeting" row (MeetingRowSchema): roles, never user ids; times in UTC."""
    return {
        "id": str(meeting.id),
        "match_id": str(meeting.match_id),
        "status": meeting.status,
        "version": meeting.version,
        "sequence": meeting.sequence,
        "proposed_by": meeting.proposed_by,
        "slots": [dict(slot) for slot in meeting.slots or ()],
        "starts_at": _iso(meeting.starts_at),
        "minutes": meeting.minutes,
        "place": meeting.place,
        "video_url": meeting.video_url,
        "note": meeting.note,
        "decided_by": meeting.decided_by,
        "cancelled_by": meeting.cancelled_by,
        "cancel_reason": meeting.cancel_reason,
        "attended": list(meeting.attended or ()),
        "held_note": meeting.held_note,
        "completed_by": meeting.completed_by,
        "last_action": meeting.last_action,
        "last_actor": meeting.last_actor,
        "created_at": _iso(meeting.created_at),
        "updated_at": _iso(meeting.updated_at),
    }


# Called with the meeting after each applied transition, in its transaction (after the flush):
# other features keep what they derive from a meeting up to date (the calendar its stored events).
MEETING_LISTENERS: list = []


def _publish(meeting: Meeting, match: Match) -> None:
    db.session.flush()
    changes.record_put("meeting", meeting.id, match.scope, meeting_data(meeting))
    for listener in MEETING_LISTENERS:
        listener(meeting)


# -- reading (for calendar, reminders, timeline) -------------------------------------------------

def meetings_of_user(user_id, statuses=None) -> list[Meeting]:
    """Return the meetings of the user's active and paused matches (one query), by time: the
    chosen time first (earliest first), then the open proposals, newest last."""
    query = sa.select(Meeting).where(Meeting.match_id.in_(engaged_match_ids(user_id)))
    if statuses:
        query = query.where(Meeting.status.in_(tuple(statuses)))
    return list(db.session.scalars(query.order_by(Meeting.starts_at.is_(None), Meeting.starts_at,
                                                  Meeting.created_at, Meeting.id)))


# -- checks -----------------------------------------------------------------------------------------

def _now(now):
    return now or utcnow()


def _slots(slots: list[dict], now: dt.datetime | None) -> list[dict]:
    """Return the slots in time order, their starts in UTC ISO 8601; refuse a repeated one and,
    given `now`, one that is not in the future."""
    starts = [slot["starts_at"].astimezone(UTC) for slot in slots]
    if len(set(starts)) != len(starts):
        raise registry.Rejected("invalid_args", SAME_SLOT_TWICE)
    if now is not None and any(start <= now for start in starts):
        raise registry.Rejected("slot_in_past", SLOT_IN_PAST)
    ordered = sorted(zip(starts, (slot["minutes"] for slot in slots)))
    return [{"starts_at": start.isoformat(), "minutes": minutes} for start, minutes in ordered]


def _where(place: str, video_url: str) -> tuple[str, str]:
    """Return the place and the video link, trimmed; one of them is required, a link is http(s)."""
    place, video_url = (place or "").strip(), (video_url or "").strip()
    if video_url:
        parts = urlsplit(video_url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in video_url):
            raise registry.Rejected("invalid_args", BAD_LINK)
    if not place and not video_url:
        raise registry.Rejected("invalid_args", NO_PLACE)
    return place, video_url


def _locked(meeting_id) -> Meeting | None:
    """Return the meeting, its row locked for this transaction and read fresh: of two pushes at
    once, the second reads the first's committed version (FOR UPDATE on PostgreSQL; SQLite's
    writers are serialised by BEGIN IMMEDIATE already)."""
    return db.session.scalars(
        sa.select(Meeting).where(Meeting.id == meeting_id).with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def _for_change(user, args, action: str) -> tuple[Meeting, Match, str]:
    """Return the meeting, its match and the user's role, once every rule of `action` holds."""
    meeting = _locked(args["id"])
    if meeting is None:
        raise registry.Rejected("scope_forbidden", NO_ACCESS)
    match = require_writable_match(meeting.match_id, user)  # another match's meeting: the same answer
    role = role_of(match, user.id)
    current = meeting_data(meeting)
    if args["version"] < meeting.version:
        raise registry.Rejected("meeting_changed", _lost_to(meeting, match, role), current)
    if args["version"] > meeting.version:  # a version this meeting never had: not a race
        raise registry.Rejected("meeting_not_allowed", UNKNOWN_VERSION, current)
    if meeting.status not in FROM[action]:
        raise registry.Rejected("meeting_not_allowed", NOT_NOW[meeting.status], current)
    if action in ANSWERS and meeting.proposed_by == role:
        raise registry.Rejected("meeting_not_allowed", OWN_PROPOSAL, current)
    return meeting, match, role


def _lost_to(meeting: Meeting, match: Match, role: str):
    """Return what the loser of a race is told: what the winner did, by the winner's first name."""
    if meeting.last_actor == role:
        return SAME_USER_WON
    winner_id = match.newcomer_id if meeting.last_actor == "newcomer" else match.buddy_id
    name = db.session.scalar(sa.select(User.display_name).where(User.id == winner_id)) or ""
    return _other_won(meeting.last_action, first_name(name))


def _step(meeting: Meeting, action: str, role: str, now) -> None:
    """Move the meeting along the table: one version up, the action and who did it."""
    meeting.status = TO[action]
    meeting.version += 1
    meeting.last_action, meeting.last_actor = action, role
    meeting.updated_at = now


def _check_open_proposals(match: Match) -> None:
    """Refuse a new proposal while the match has MAX_OPEN_PROPOSALS waiting for an answer.

    The match row is locked first (FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE serialises
    writers already), so two pushes at once cannot both take the last free place.
    """
    db.session.execute(sa.select(Match.id).where(Match.id == match.id).with_for_update())
    open_count = db.session.scalar(sa.select(sa.func.count()).select_from(Meeting).where(
        Meeting.match_id == match.id, Meeting.status == "proposed"))
    if open_count >= MAX_OPEN_PROPOSALS:
        raise registry.Rejected("too_many_proposals", TOO_MANY_PROPOSALS)


# -- the transitions ----------------------------------------------------------------------------------

def apply_propose(user, args, now=None) -> Meeting:
    """Propose one to three times for a new meeting, at a place or by video. No commit.

    The id comes from the phone. The same proposal sent again changes nothing; any other use of
    an existing id is refused (never overwritten).
    """
    now = _now(now)
    match = require_writable_match(args["match_id"], user)
    role = role_of(match, user.id)
    slots = _slots(args["slots"], None)  # the past is checked below: a resent proposal may be older
    place, video_url = _where(args.get("place", ""), args.get("video_url", ""))
    note = (args.get("note") or "").strip()
    existing = db.session.get(Meeting, args["id"])
    if existing is not None:
        if existing.match_id != match.id:  # never show another pair's meeting
            raise registry.Rejected("meeting_not_allowed", ALREADY_EXISTS)
        # The same proposal once more (re-queued after a lost reply): harmless, also after the
        # other side answered it. A reschedule changed what the id stands for: refused.
        if (existing.proposed_by, existing.slots, existing.place, existing.video_url, existing.note) == (
                role, slots, place, video_url, note):
            return existing
        raise registry.Rejected("meeting_not_allowed", ALREADY_EXISTS, meeting_data(existing))
    _slots(args["slots"], now)
    _check_open_proposals(match)
    meeting = Meeting(id=args["id"], match_id=match.id, status="proposed", version=1, sequence=0, proposed_by=role,
                      slots=slots, place=place, video_url=video_url, note=note, last_action="propose",
                      last_actor=role, created_at=now, updated_at=now)
    db.session.add(meeting)
    _publish(meeting, match)
    return meeting


def apply_choose(user, args, now=None) -> Meeting:
    """The side that did not propose picks one of the slots: the meeting is confirmed. No commit."""
    now = _now(now)
    meeting, match, role = _for_change(user, args, "choose")
    starts_at = args["starts_at"].astimezone(UTC)
    chosen = next((slot for slot in meeting.slots if dt.datetime.fromisoformat(slot["starts_at"]) == starts_at), None)
    if chosen is None:
        raise registry.Rejected("invalid_args", NOT_A_SLOT, meeting_data(meeting))
    if starts_at <= now:
        raise registry.Rejected("slot_in_past", CHOSEN_SLOT_PASSED, meeting_data(meeting))
    meeting.starts_at, meeting.minutes, meeting.decided_by = starts_at, chosen["minutes"], role
    _step(meeting, "choose", role, now)
    _publish(meeting, match)
    return meeting


def apply_decline(user, args, now=None) -> Meeting:
    """The side that did not propose says none of the times suits them. No commit.

    Their note goes into cancel_reason (the row's "why it is not happening"); the proposal's
    own note stays.
    """
    now = _now(now)
    meeting, match, role = _for_change(user, args, "decline")
    meeting.decided_by, meeting.cancel_reason = role, (args.get("note") or "").strip()
    _step(meeting, "decline", role, now)
    _publish(meeting, match)
    return meeting


def apply_reschedule(user, args, now=None) -> Meeting:
    """Either side proposes new times (and place) instead: the rescheduler is now the proposer. No commit."""
    now = _now(now)
    meeting, match, role = _for_change(user, args, "reschedule")
    try:
        slots = _slots(args["slots"], now)
        place, video_url = _where(args.get("place", ""), args.get("video_url", ""))
    except registry.Rejected as err:
        err.current = meeting_data(meeting)  # as every refusal about a meeting the sender sees
        raise
    meeting.slots, meeting.place, meeting.video_url = slots, place, video_url
    meeting.note = (args.get("note") or "").strip()
    meeting.proposed_by = role
    meeting.starts_at = meeting.minutes = meeting.decided_by = None
    meeting.cancel_reason = ""
    meeting.sequence += 1
    _step(meeting, "reschedule", role, now)
    _publish(meeting, match)
    return meeting


def apply_cancel(user, args, now=None) -> Meeting:
    """Either side calls off a proposed or confirmed meeting, with a reason. No commit."""
    now = _now(now)
    meeting, match, role = _for_change(user, args, "cancel")
    reason = args["reason"].strip()
    if not reason:
        raise registry.Rejected("invalid_args", NO_REASON, meeting_data(meeting))
    meeting.cancelled_by, meeting.cancel_reason = role, reason
    meeting.sequence += 1
    _step(meeting, "cancel", role, now)
    _publish(meeting, match)
    return meeting


def apply_complete(user, args, now=None) -> Meeting:
    """Either side marks a confirmed meeting as held, once it has started: who came, a short note. No commit."""
    now = _now(now)
    meeting, match, role = _for_change(user, args, "complete")
    if now < meeting.starts_at:
        raise registry.Rejected("not_yet_held", NOT_YET_HELD, meeting_data(meeting))
    meeting.attended = [r for r in ROLES if r in set(args["attended"])]
    meeting.held_note = (args.get("note") or "").strip()
    meeting.completed_by = role
    _step(meeting, "complete", role, now)
    _publish(meeting, match)
    return meeting
