"""Flask CLI commands: `flask --app backend db|orgs|demo|alerts|reminders|i18n|sync|audio ...`."""
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


@click.command("reminders")
@click.option("--now", default=None, help="Pretend it is this moment (ISO 8601, e.g. 2027-03-27T10:00:00+01:00)")
@with_appcontext
def reminders(now):
    """Send the meeting reminders that are due: 24 hours and 1 hour before (cron, every 5 minutes)."""
    import datetime as dt

    from backend.reminders.service import run

    moment = None
    if now:
        try:
            moment = dt.datetime.fromisoformat(now)
        except ValueError:
            raise click.BadParameter("an ISO 8601 moment, e.g. 2027-03-27T10:00:00+01:00", param_hint="--now")
        if moment.tzinfo is None:
            raise click.BadParameter("give the time zone, e.g. +01:00 or Z", param_hint="--now")
    counts = run(moment)
    click.echo(f"reminders: {counts['meetings']} meetings, {counts['notices']} notices, "
               f"{counts['pushes']} pushes sent, {counts['push_failed']} pushes failed")


def register(app):
    """Attach the command groups to the app."""
    from backend.audio.commands import audio_cli
    from backend.i18n.commands import i18n_cli

    for command in (db_cli, orgs_cli, sync_cli, accounts_cli, demo, alerts, reminders, i18n_cli, audio_cli):
        app.cli.add_command(command)
