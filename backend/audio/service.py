"""Recorded clips: who may record where, the checks, storage, and who may listen.

upload() and the reads work in their own transaction (REST routes, not sync mutations). A clip
lives in one sync scope: match:<id> (the buddy's clip, or the newcomer's shared attempt) or
branch:<organisation id> (a municipal coordinator's). Anyone else gets 404: nobody learns which
clips exist outside their scopes.
"""
import datetime as dt
import hashlib
import re
import uuid
from functools import lru_cache

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l, ngettext
from sqlalchemy.exc import IntegrityError

from backend.accounts.names import first_name
from backend.amsterdam import amsterdam_day, start_of
from backend.audio import checks
from backend.audio.models import AudioClip
from backend.db import utcnow
from backend.errors import AppError, Conflict, Forbidden, NotFound, ValidationError
from backend.extensions import db
from backend.matching.models import Match
from backend.matching import service as matching_service
from backend.matching.service import ENGAGED, role_of
from backend.matching.sync import PAUSED
from backend.orgs.access import is_municipal_coordinator
from backend.phrases import content
from backend.phrases.models import OrgPhrase
from backend.phrases.themes import THEMES
from backend.sync import changes

ENTITY = "phrase_audio"
NATIONAL_ID = re.compile(r"([a-z]+)\.[a-z0-9]+(?:-[a-z0-9]+)*")
ORG_ID = re.compile(r"org:([0-9a-f-]{36})")

NOT_AUDIO = _l("Dit is geen geluidsopname die we kunnen afspelen. Neem de zin opnieuw op.")
EMPTY_FILE = _l("Er zit geen opname bij. Neem de zin opnieuw op.")
UNKNOWN_PHRASE = _l("Deze zin kennen we niet. Werk de app bij en probeer het opnieuw.")
NOT_A_RECORDER = _l("Alleen een maatje of de coördinator van een gemeente kan zinnen inspreken.")


# -- the synced row ------------------------------------------------------------------------


def clip_data(clip: AudioClip, by: str, name: str) -> dict:
    """Return the synced "phrase_audio" row (docs/phrases.md, "Audio")."""
    return {
        "id": str(clip.id),
        "phrase_id": clip.phrase_id,
        "by": by,
        "name": first_name(name),
        "mime": clip.mime,
        "duration_ms": clip.duration_ms,
        "url": f"/api/audio/{clip.id}",
        "created_at": clip.created_at.astimezone(dt.timezone.utc).isoformat(),
    }


def _by_of(clip: AudioClip) -> str:
    """Who recorded a stored clip, as the row names them."""
    if clip.organisation_id is not None:
        return "coordinator"
    match = db.session.get(Match, clip.match_id)
    return (role_of(match, clip.recorded_by_id) if match else None) or "buddy"


def stored_clip_data(clip: AudioClip, recorder) -> dict:
    return clip_data(clip, _by_of(clip), recorder.display_name)


# -- where a recording goes ----------------------------------------------------------------

def _place(user, match_id) -> tuple[str, str, Match | None, int]:
    """Return (scope, by, match, organisation id of the phrases allowed) for a new clip of `user`.

    :raise 404: a match that is not theirs or is over.  :raise 409: a paused match.
    :raise 403: no match and not a municipal coordinator.
    """
    if match_id is not None:
        match = db.session.get(Match, match_id)
        role = role_of(match, user.id) if match is not None else None
        if role is None or match.status not in ENGAGED:
            raise NotFound()
        if match.status == "paused":
            raise Conflict(PAUSED)
        return match.scope, role, match, match.organisation_id
    if is_municipal_coordinator(user):
        return f"branch:{user.organisation_id}", "coordinator", None, user.organisation_id
    raise Forbidden(NOT_A_RECORDER)


@lru_cache(maxsize=1)
def _national_ids() -> frozenset:
    """The ids of the content catalogue (empty while there is no content yet)."""
    return frozenset(phrase["id"] for phrase in content.load_phrases())


def _check_phrase(phrase_id: str, organisation_id: int) -> None:
    """Raise 422 unless `phrase_id` is a national phrase or one of the branch's own."""
    org = ORG_ID.fullmatch(phrase_id)
    if org:
        try:
            own = db.session.get(OrgPhrase, uuid.UUID(org.group(1)))
        except ValueError:
            own = None
        if own is not None and own.organisation_id == organisation_id:
            return
    else:
        national = _national_ids()
        pattern = NATIONAL_ID.fullmatch(phrase_id)
        if (phrase_id in national) if national else (pattern is not None and pattern.group(1) in THEMES):
            return
    raise ValidationError(errors={"phrase_id": [str(UNKNOWN_PHRASE)]})


def _check_daily_cap(user) -> None:
    """Raise 429 once the user stored the day's most clips (a day in Europe/Amsterdam)."""
    cap = current_app.config["AUDIO_MAX_PER_DAY"]
    midnight = start_of(amsterdam_day(utcnow()))
    count = db.session.scalar(sa.select(sa.func.count()).select_from(AudioClip).where(
        AudioClip.recorded_by_id == user.id, AudioClip.created_at >= midnight.astimezone(dt.timezone.utc)))
    if count >= cap:
        raise AppError(ngettext("Je hebt vandaag al %(num)d opname gemaakt. Morgen kun je weer verder.",
                                "Je hebt vandaag al %(num)d opnames gemaakt. Morgen kun je weer verder.", cap),
                       code=429)


def _read_checked(stream) -> tuple[bytes, checks.Probe]:
    """Read at most AUDIO_MAX_BYTES (+1, to see it is more) and check the content."""
    max_bytes = current_app.config["AUDIO_MAX_BYTES"]
    max_seconds = current_app.config["AUDIO_MAX_SECONDS"]
    data = stream.read(max_bytes + 1) if stream is not None else b""
    if not data:
        raise AppError(EMPTY_FILE, code=422)
    if len(data) > max_bytes:
        raise AppError(ngettext("Deze opname is groter dan %(num)d kB. Neem een kortere opname.",
                                "Deze opname is groter dan %(num)d kB. Neem een kortere opname.", max_bytes // 1024),
                       code=413)
    try:
        return data, checks.probe(data, max_seconds)
    except checks.NotAudio:
        raise AppError(NOT_AUDIO, code=415) from None
    except checks.TooLong:
        raise AppError(ngettext("Een opname mag hoogstens %(num)d seconde duren. Neem een kortere opname.",
                                "Een opname mag hoogstens %(num)d seconden duren. Neem een kortere opname.",
                                max_seconds), code=422) from None


# -- upload -------------------------------------------------------------------------------

def _same_id(user, clip_id) -> AudioClip | None:
    """A clip stored before under this id: the user's own (a resend), else 404."""
    clip = db.session.get(AudioClip, clip_id)
    if clip is not None and clip.recorded_by_id != user.id:
        raise NotFound()
    return clip


def upload(user, clip_id: uuid.UUID, phrase_id: str, match_id: uuid.UUID | None, stream) -> tuple[dict, bool]:
    """Store a recording; return (its synced row, whether it is new).

    The same id again by the same user returns the stored clip (a resend after a lost answer).
    A newer clip of the same phrase by the same person in the same scope replaces the older one.
    """
    clip = _same_id(user, clip_id)
    if clip is not None:
        return stored_clip_data(clip, user), False
    scope, by, match, organisation_id = _place(user, match_id)
    _check_phrase(phrase_id, organisation_id)
    _check_daily_cap(user)
    data, probe = _read_checked(stream)
    place = (AudioClip.match_id == match.id) if match else (AudioClip.organisation_id == organisation_id)
    olders = db.session.scalars(sa.select(AudioClip).where(
        AudioClip.phrase_id == phrase_id, AudioClip.recorded_by_id == user.id, place)).all()
    for older in olders:
        if older.id == clip_id:  # this very clip, stored by a resend that was quicker than this request
            return stored_clip_data(older, user), False
    for older in olders:
        changes.record_del(ENTITY, older.id, scope)
        db.session.delete(older)
    clip = AudioClip(id=clip_id, phrase_id=phrase_id, recorded_by_id=user.id,
                     match_id=match.id if match else None, organisation_id=None if match else organisation_id,
                     mime=probe.mime, duration_ms=probe.duration_ms, size=len(data),
                     sha256=_sha256(data), data=data, created_at=utcnow())
    db.session.add(clip)
    row = clip_data(clip, by, user.display_name)
    changes.record_put(ENTITY, clip.id, scope, row)
    try:
        db.session.commit()
    except IntegrityError:  # the same id, sent twice at once: the other request stored it
        db.session.rollback()
        clip = _same_id(user, clip_id)
        if clip is None:
            raise
        return stored_clip_data(clip, user), False
    return row, True


def remove_clips_of(phrase_id: str) -> int:
    """Delete every clip of a phrase that is gone (a branch removed its own phrase), with a
    tombstone in each clip's scope. No commit: the caller's transaction. Returns how many."""
    clips = db.session.scalars(sa.select(AudioClip).where(AudioClip.phrase_id == phrase_id)).all()
    for clip in clips:
        scope = f"match:{clip.match_id}" if clip.match_id else f"branch:{clip.organisation_id}"
        changes.record_del(ENTITY, clip.id, scope)
        db.session.delete(clip)
    return len(clips)


def on_match_ended(match: Match) -> None:
    """The pair's clips (the buddy's voice, shared attempts) are for the pair only: gone with the match."""
    clips = db.session.scalars(sa.select(AudioClip).where(AudioClip.match_id == match.id)).all()
    for clip in clips:
        changes.record_del(ENTITY, clip.id, f"match:{match.id}")
        db.session.delete(clip)


if on_match_ended not in matching_service.END_LISTENERS:
    matching_service.END_LISTENERS.append(on_match_ended)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- download -----------------------------------------------------------------------------

def readable_clip(user, clip_id) -> AudioClip:
    """Return the clip (without its bytes) if the user holds its scope now; else 404.

    A match's clips: its two people while it is active or paused. A branch's: its members.
    """
    clip = db.session.get(AudioClip, clip_id)
    if clip is None:
        raise NotFound()
    if clip.organisation_id is not None:
        if user.organisation_id != clip.organisation_id:
            raise NotFound()
        return clip
    match = db.session.get(Match, clip.match_id)
    if match is None or match.status not in ENGAGED or role_of(match, user.id) is None:
        raise NotFound()
    return clip


def clip_bytes(clip: AudioClip) -> bytes:
    """Load the bytes (deferred everywhere else: lists and rows never carry them)."""
    return db.session.scalar(sa.select(AudioClip.data).where(AudioClip.id == clip.id))
