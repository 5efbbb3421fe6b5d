"""`flask --app backend i18n ...`: one command to extract, update, compile and export."""
import click
from flask.cli import AppGroup

from backend.config import ROOT
from backend.i18n import catalogs
from backend.phrases import content

i18n_cli = AppGroup("i18n", help="Translation catalogs (translations/).")


@i18n_cli.command("update")
def update():
    """Extract strings (interface and phrases), merge them into every catalog, compile, and export JSON for the PWA."""
    template = catalogs.extract()
    click.echo(f"extracted {len(template)} messages")
    catalogs.update(template)
    click.echo(f"content: {len(_content(content.update))} entries")
    _compile_and_export()


@i18n_cli.command("compile")
def compile_():
    """Compile the catalogs and export JSON for the PWA (the build step)."""
    _compile_and_export()


def _compile_and_export():
    for lang, count in catalogs.compile_all().items():
        click.echo(f"{lang}: {count} translated")
    for path in catalogs.export_json(ROOT / "pwa" / "public" / "i18n"):
        click.echo(f"wrote {path.relative_to(ROOT)}")
    for path in _content(content.export_json):
        click.echo(f"wrote {path.relative_to(ROOT)}")


def _content(step):
    """Run a step of the phrase catalogue (the domain "content"); a content problem stops the build."""
    try:
        return step()
    except content.ContentError as err:
        raise click.ClickException(f"backend/phrases/content:\n{err}") from err
