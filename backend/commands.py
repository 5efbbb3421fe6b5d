"""Flask CLI commands: `flask --app backend db|orgs|demo|alerts|i18n|sync ...`."""
import click
from flask.cli import AppGroup, with_appcontext

db_cli = AppGroup("db", help="Database schema (Alembic migrations).")
orgs_cli = AppGroup("orgs", help="The organisation tree.")
sync_cli = AppGroup("sync", help="Sync engine maintenance.")
accounts_cli = AppGroup("accounts", help="Accounts maintenance.")


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision):
    """Upgrade the database schema to REVISION (default: head)."""
    from backend import migrate

    migrate.upgrade(revision)


@db_cli.command("check")
def db_check():
    """Fail when the models and the migrations disagree."""
    from backend import migrate

    migrate.check()
    click.echo("models and migrations agree")


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message):
    """Autogenerate a migration from the models."""
    from backend import migrate

    migrate.revision(message)


@orgs_cli.command("load")
def orgs_load():
    """Create or update the organisation tree from the bundled CBS data."""
    from backend.orgs.service import load_tree

    counts = load_tree()
    click.echo(f"organisations: {counts['created']} created, {counts['updated']} updated")


@sync_cli.command("cleanup")
@click.option("--days", type=int, default=None, help="Tombstone horizon (default: SYNC_TOMBSTONE_DAYS)")
def sync_cleanup(days):
    """Delete tombstones and ledger rows older than the horizon."""
    from backend.sync.maintenance import cleanup

    counts = cleanup(days)
    click.echo(f"removed {counts['tombstones']} tombstones and {counts['ledger']} ledger rows")


@accounts_cli.command("cleanup")
def accounts_cleanup():
    """Delete sessions idle longer than SESSION_IDLE_DAYS (run daily from cron)."""
    from backend.accounts.sessions import delete_idle_sessions

    click.echo(f"removed {delete_idle_sessions()} idle sessions")


@click.command("demo")
@with_appcontext
def demo():
    """Load the demo organisation, accounts and data (idempotent; never in production)."""
    from backend.demo import load_demo

    for line in load_demo():
        click.echo(line)


@click.command("alerts")
@with_appcontext
def alerts():
    """Send the matching alerts that are due: expired proposals, planned ends, quiet pairs (cron)."""
    from backend.matching.alerts import run

    counts = run()
    click.echo(", ".join(f"{kind}: {n}" for kind, n in counts.items()))


def register(app):
    """Attach the command groups to the app."""
    from backend.i18n.commands import i18n_cli

    for command in (db_cli, orgs_cli, sync_cli, accounts_cli, demo, alerts, i18n_cli):
        app.cli.add_command(command)
