"""The computer voice: real espeak-ng, real Opus, files a phone can play."""
import json
import shutil

import av
import pytest

from backend.audio import checks, tts

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")

CONTENT = '''theme = "kennismaken"

[[phrase]]
id = "kennismaken.hoe-heet-je"
nl = "Hoe heet je?"
level = "A0"

[[phrase]]
id = "kennismaken.ik-heet"
nl = "Ik heet Amal."
level = "A0"

[[phrase]]
id = "kennismaken.streepje"
nl = "-v en Hallo"
level = "A0"
'''


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "01-kennismaken.toml").write_text(CONTENT, encoding="utf-8")
    return folder


def run(app, content, out, *extra):
    result = app.test_cli_runner().invoke(args=["audio", "tts", "--content", str(content), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_every_phrase_gets_a_playable_opus_file(app, content, tmp_path):
    out = tmp_path / "tts"
    output = run(app, content, out)
    assert "3 made, 0 unchanged, 0 removed; 3 files" in output and " KB in " in output
    assert sorted(p.name for p in out.glob("*.ogg")) == [
        "kennismaken.hoe-heet-je.ogg", "kennismaken.ik-heet.ogg", "kennismaken.streepje.ogg"]
    for path in out.glob("*.ogg"):
        data = path.read_bytes()
        probe = checks.probe(data, 10)
        assert probe.mime == "audio/ogg" and probe.duration_ms > 300, path.name
        with av.open(path) as media:
            stream = media.streams.audio[0]
            assert stream.codec_context.name == "opus" and stream.codec_context.channels == 1
        assert len(data) < 20_000  # 24 kbit/s: a few KB a phrase
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest == {p["id"]: tts.text_hash(p["nl"]) for p in tts.content_phrases(content)}


def test_a_text_that_starts_with_a_dash_is_spoken_not_read_as_an_option(app, content, tmp_path):
    run(app, content, tmp_path / "tts")
    # "-v en Hallo" as options would pick the English voice and say only "Hallo".
    with av.open(tmp_path / "tts" / "kennismaken.streepje.ogg") as media:
        seconds = sum(frame.samples for frame in media.decode(audio=0)) / 48_000
    assert seconds > 1.2  # "Hallo" alone lasts about 0.85 s


def test_unchanged_phrases_are_skipped_changed_made_again_and_gone_ones_removed(app, content, tmp_path):
    out = tmp_path / "tts"
    run(app, content, out)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.ogg")}
    assert "0 made, 3 unchanged" in run(app, content, out)
    toml = content / "01-kennismaken.toml"
    toml.write_text(toml.read_text().replace("Ik heet Amal.", "Ik heet Sanne.")
                    .replace('[[phrase]]\nid = "kennismaken.streepje"\nnl = "-v en Hallo"\nlevel = "A0"\n', ""), encoding="utf-8")
    assert "1 made, 1 unchanged, 1 removed; 2 files" in run(app, content, out)
    assert not (out / "kennismaken.streepje.ogg").exists()
    assert (out / "kennismaken.hoe-heet-je.ogg").stat().st_mtime_ns == before["kennismaken.hoe-heet-je.ogg"]
    assert "2 made, 0 unchanged" in run(app, content, out, "--force")


def test_an_id_that_is_no_file_name_stops_the_run(app, tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "01-x.toml").write_text('[[phrase]]\nid = "../../etc/x"\nnl = "Hoi"\n', encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["audio", "tts", "--content", str(folder), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert not (tmp_path / "etc").exists()
