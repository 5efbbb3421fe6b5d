"""The demo buddy's recordings: ten phrases of the first theme for the first demo pair, spoken by
espeak-ng in another voice than the computer voice (so the demo shows which voice is whose)."""
import hashlib
import shutil
import uuid

import sqlalchemy as sa

from backend.accounts import service as accounts
from backend.audio import checks, tts
from backend.audio.models import AudioClip
from backend.audio.service import ENTITY, clip_data
from backend.db import utcnow
from backend.extensions import db
from backend.matching.models import Match
from backend.sync import changes

BUDDY, NEWCOMER = "buddy@demo.maatje.nl", "newcomer@demo.maatje.nl"
VOICE = ("-v", "nl+f3", "-s", "130")
COUNT = 10


def record_demo_clips() -> str | None:
    """Make the missing clips (fixed ids: loading twice changes nothing); return a line for the report."""
    phrases = [p for p in tts.content_phrases() if p["id"].startswith("kennismaken.")][:COUNT]
    if not phrases:
        return "demo audio: no kennismaken phrases in the content yet; skipped"
    if shutil.which(tts.ESPEAK) is None:
        return "demo audio: espeak-ng is not installed (apt-get install espeak-ng); skipped"
    buddy, newcomer = accounts.get_user_by_email(BUDDY), accounts.get_user_by_email(NEWCOMER)
    match = db.session.scalar(sa.select(Match).where(
        Match.newcomer_id == newcomer.id, Match.buddy_id == buddy.id, Match.status == "active"))
    if match is None:
        return None
    made = 0
    for phrase in phrases:
        clip_id = uuid.uuid5(match.id, f"audio-{phrase['id']}")
        if db.session.get(AudioClip, clip_id) is not None:
            continue
        data = tts.to_opus(tts.speak(phrase["nl"], VOICE))
        probe = checks.probe(data, 60)  # the same measure as an upload's
        clip = AudioClip(id=clip_id, phrase_id=phrase["id"], recorded_by_id=buddy.id, match_id=match.id,
                         mime=probe.mime, duration_ms=probe.duration_ms, size=len(data),
                         sha256=hashlib.sha256(data).hexdigest(), data=data, created_at=utcnow())
        db.session.add(clip)
        changes.record_put(ENTITY, clip.id, match.scope, clip_data(clip, "buddy", buddy.display_name))
        made += 1
    db.session.commit()
    return f"demo audio: {made} clips recorded by {BUDDY}" if made else None
