"""The demo buddy's ten recordings for the first pair, made with espeak-ng at `flask demo` time."""
import shutil

import pytest
import sqlalchemy as sa

from backend.audio import tts
from backend.audio.models import AudioClip
from backend.extensions import db

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


@pytest.fixture
def content(tmp_path, monkeypatch):
    folder = tmp_path / "content"
    folder.mkdir()
    phrases = "".join(f'[[phrase]]\nid = "kennismaken.zin-{i:02d}"\nnl = "Dit is zin {i}."\nlevel = "A0"\n\n'
                      for i in range(12))
    (folder / "01-kennismaken.toml").write_text('theme = "kennismaken"\n\n' + phrases, encoding="utf-8")
    (folder / "02-gemeente.toml").write_text('theme = "gemeente"\n\n[[phrase]]\nid = "gemeente.bsn"\n'
                                             'nl = "Wat is mijn BSN?"\nlevel = "A1"\n', encoding="utf-8")
    monkeypatch.setattr(tts, "CONTENT_DIR", folder)


def test_the_demo_pair_has_ten_of_the_buddys_clips_once(app, client, content):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0 and "demo audio: 10 clips recorded by buddy@demo.maatje.nl" in first.output
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0 and "demo audio" not in second.output
    with app.app_context():
        clips = db.session.scalars(sa.select(AudioClip)).all()
        assert len(clips) == 10
        assert {c.phrase_id for c in clips} == {f"kennismaken.zin-{i:02d}" for i in range(10)}
        assert all(c.mime == "audio/ogg" and c.duration_ms > 500 for c in clips)
        url = f"/api/audio/{clips[0].id}"
    login = client.post("/api/auth/login", json={"email": "newcomer@demo.maatje.nl", "password": "maatje-demo"})
    assert login.status_code == 200
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "audio/ogg"


def test_without_content_the_demo_says_it_skipped(app, tmp_path, monkeypatch):
    monkeypatch.setattr(tts, "CONTENT_DIR", tmp_path)
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0 and "demo audio: no kennismaken phrases" in result.output
