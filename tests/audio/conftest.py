"""Audio fixtures: an active pair (Amal and Sanne) and a second one, each person logged in on their
own browser; the branch's coordinator; helpers to upload and count what the server stored."""
import io
import uuid
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from backend.audio import tts
from backend.audio.models import AudioClip
from backend.extensions import db
from tests.matching.conftest import people, world  # noqa: F401  (fixtures)


def national_phrase(n: int = 0) -> str:
    """A phrase id of the content catalogue (a well-formed one while there is no content yet)."""
    ids = [p["id"] for p in tts.content_phrases()]
    return ids[n] if ids else ["kennismaken.hoe-heet-je", "kennismaken.ik-heet", "kennismaken.waar-woon-je"][n]


@pytest.fixture
def pair(app, people, world, make_match):
    """The active match of Amal and Sanne, and a second active pair (Olena and Lotte)."""
    match = make_match(world.newcomer, world.buddy)
    other = make_match(world.newcomer2, world.buddy2)
    return SimpleNamespace(app=app, match_id=str(match.id), other_match_id=str(other.id), people=people,
                           newcomer=people.newcomer, buddy=people.buddy, world=world)


def upload(person, data: bytes, clip_id=None, phrase_id=None, match_id=None, filename="opname.webm"):
    """PUT a recording as the phone does (multipart, with the CSRF header)."""
    form = {"phrase_id": phrase_id or national_phrase(), "file": (io.BytesIO(data), filename)}
    if match_id is not None:
        form["match_id"] = str(match_id)
    return person.auth._client.put(f"/api/audio/{clip_id or uuid.uuid4()}", data=form,
                                   headers=person.auth.headers(), content_type="multipart/form-data")


def stored(app) -> int:
    """How many clips the server holds."""
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(AudioClip))
