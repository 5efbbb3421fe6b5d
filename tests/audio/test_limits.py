"""Limits: the day's most clips per person, and the upload rate."""
import datetime as dt
import uuid

import sqlalchemy as sa

from backend.audio.models import AudioClip
from backend.extensions import db
from tests.audio import media
from tests.audio.conftest import stored, upload


def _fill_today(app, user_id, match_id, n):
    """Clips this person stored earlier today (made directly: a hundred uploads take long)."""
    with app.app_context():
        now = dt.datetime.now(dt.timezone.utc)
        db.session.add_all(AudioClip(id=uuid.uuid4(), phrase_id=f"kennismaken.oud-{i}", recorded_by_id=user_id,
                                     match_id=uuid.UUID(match_id), mime="audio/webm", duration_ms=1000, size=3,
                                     sha256="0" * 64, data=b"abc", created_at=now) for i in range(n))
        db.session.commit()


def test_a_hundred_clips_a_day_then_a_friendly_no(pair, app):
    _fill_today(app, pair.buddy.id, pair.match_id, 99)
    assert upload(pair.buddy, media.webm(), match_id=pair.match_id).status_code == 201
    response = upload(pair.buddy, media.webm(), match_id=pair.match_id)
    assert response.status_code == 429 and "100 opnames" in response.json["message"]
    assert stored(app) == 100
    # Someone else records on.
    assert upload(pair.newcomer, media.webm(), match_id=pair.match_id).status_code == 201


def test_yesterdays_clips_do_not_count(pair, app):
    _fill_today(app, pair.buddy.id, pair.match_id, 100)
    with app.app_context():
        db.session.execute(sa.update(AudioClip).values(
            created_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1, hours=1)))
        db.session.commit()
    assert upload(pair.buddy, media.webm(), match_id=pair.match_id).status_code == 201


def test_the_upload_rate_is_limited_per_person(pair, app, monkeypatch):
    monkeypatch.setitem(app.config, "AUDIO_RATE_LIMIT", "2 per minute")
    for _ in range(2):
        assert upload(pair.buddy, media.webm(), match_id=pair.match_id).status_code == 201
    refused = upload(pair.buddy, media.webm(), match_id=pair.match_id)
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert upload(pair.newcomer, media.webm(), match_id=pair.match_id).status_code == 201


def test_refused_uploads_do_not_use_up_the_rate(pair, app, monkeypatch):
    monkeypatch.setitem(app.config, "AUDIO_RATE_LIMIT", "2 per minute")
    for _ in range(3):
        assert upload(pair.buddy, media.png(), match_id=pair.match_id).status_code == 415
    assert upload(pair.buddy, media.webm(), match_id=pair.match_id).status_code == 201


def test_endless_refused_uploads_are_limited_too(pair, app, monkeypatch):
    """Each attempt is read and decoded: a phone (or a script) sending junk is stopped as well."""
    monkeypatch.setitem(app.config, "AUDIO_ATTEMPT_LIMIT", "3 per minute")
    for _ in range(3):
        assert upload(pair.buddy, media.png(), match_id=pair.match_id).status_code == 415
    assert upload(pair.buddy, media.webm(), match_id=pair.match_id).status_code == 429
    assert upload(pair.newcomer, media.webm(), match_id=pair.match_id).status_code == 201
