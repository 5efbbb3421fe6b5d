"""`flask --app backend audio tts [--force]`: the computer voice, made at build time (`make pwa`)."""
import shutil
from pathlib import Path

import click
from flask.cli import AppGroup

from backend.audio import tts

audio_cli = AppGroup("audio", help="Phrase audio: the computer voice.")


@audio_cli.command("tts")
@click.option("--force", is_flag=True, help="Make every file again (after a change of voice or encoder).")
@click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The content TOML files (default: backend/phrases/content).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=tts.OUT_DIR,
              show_default=True, help="Where the .ogg files and manifest.json go.")
def tts_command(force, content_dir, out_dir):
    """Speak every phrase with espeak-ng into OUT/<phrase id>.ogg (Ogg/Opus), skipping unchanged ones."""
    if shutil.which(tts.ESPEAK) is None:
        raise click.ClickException("espeak-ng is not installed: apt-get install espeak-ng (Debian/Ubuntu)")
    phrases = tts.content_phrases(content_dir)
    if not phrases:
        click.echo(f"tts: no phrases in {content_dir or tts.CONTENT_DIR}; nothing to speak")
    tts.build(phrases, out_dir, force=force, echo=click.echo)
