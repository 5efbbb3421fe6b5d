"""The read log: record each read of a person's profile by a coordinator; list a branch's reads."""
import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.accounts import sessions
from backend.accounts.models import User
from backend.audit.models import ProfileRead
from backend.extensions import db
from backend.orgs import access
from backend.orgs.service import subtree_clause

WHAT = ("intake", "buddy_profile", "buddy_hours")


def log_read(reader: User, subject_id, organisation_id: int, what: str) -> None:
    """Add a read of `subject_id`'s `what` by `reader` (no commit: the caller's transaction)."""
    db.session.add(ProfileRead(reader_id=reader.id, subject_id=subject_id, organisation_id=organisation_id, what=what))


def log_reads_and_commit(reader: User, subjects: list[tuple], what: str) -> None:
    """Record reads of [(subject_id, organisation_id)] in a write transaction of their own, and commit.

    For routes that read (a GET, then deferred on SQLite) and log at the end: a transaction that
    has read cannot wait for SQLite's write lock, so the reads so far end here (sessions.begin_write).
    """
    sessions.begin_write()
    for subject_id, organisation_id in subjects:
        log_read(reader, subject_id, organisation_id, what)
    db.session.commit()


def list_reads(coordinator: User):
    """Return a SELECT of the reads of the coordinator's branch's people, newest first.

    :raise 403: unless a coordinator of a municipal branch (the only level that reads people).
    """
    branch = access.require_municipal_coordinator(coordinator)
    return (
        sa.select(ProfileRead)
        .where(subtree_clause(ProfileRead.organisation_id, branch))
        .options(so.selectinload(ProfileRead.reader), so.selectinload(ProfileRead.subject))
        .order_by(ProfileRead.at.desc(), ProfileRead.id)
    )
