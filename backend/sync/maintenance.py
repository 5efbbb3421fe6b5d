"""Periodic clean-up of the change feed (run by cron: `flask --app backend sync cleanup`)."""
import datetime as dt

import sqlalchemy as sa
from flask import current_app

from backend.db import utcnow
from backend.extensions import db
from backend.sync.models import SyncChange, SyncLedger, SyncState


def cleanup(days: int | None = None) -> dict:
    """Remove tombstones and ledger rows older than the horizon; older cursors then reset."""
    days = current_app.config["SYNC_TOMBSTONE_DAYS"] if days is None else days
    horizon = utcnow() - dt.timedelta(days=days)
    old = sa.and_(SyncChange.op == "del", SyncChange.changed_at < horizon)
    newest = db.session.scalar(sa.select(sa.func.max(SyncChange.seq)).where(old))
    tombstones = db.session.execute(sa.delete(SyncChange).where(old)).rowcount
    if newest is not None:
        # A cursor below this may have missed a delete that is now gone: it must reset.
        db.session.execute(
            sa.update(SyncState).where(SyncState.id == 1, SyncState.purged_seq < newest).values(purged_seq=newest)
        )
    ledger = db.session.execute(sa.delete(SyncLedger).where(SyncLedger.created_at < horizon)).rowcount
    db.session.commit()
    return {"tombstones": tombstones, "ledger": ledger}
