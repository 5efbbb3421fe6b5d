"""Push: apply a client's mutations exactly once, each in its own transaction.

Invariants (docs/sync.md): the ledger row, the client's last_mutation_id and the
mutation's effects commit together; a mid at or below last_mutation_id is answered from
the ledger; a gap stops the batch; a rejection advances last_mutation_id and leaves a Notice;
an infrastructure failure advances nothing (503).
"""
import marshmallow as ma
import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext, lazy_gettext as _l

from backend.errors import AppError, ServiceUnavailable, translate_field_errors
from backend.extensions import db
from backend.notices.service import add_notice
from backend.sync import changes, clients, registry
from backend.sync.models import SyncClient, SyncLedger

REJECTION_CODES = {404: "not_found", 403: "forbidden", 409: "conflict", 422: "invalid_args"}


def push(user, client_id, schema_version: int, mutations: list[dict]) -> dict:
    """Apply a batch of mutations in mid order; return one result per mutation handled."""
    clients.check_schema_version(schema_version)
    limit = current_app.config["SYNC_MAX_BATCH"]
    if len(mutations) > limit:
        raise AppError(gettext("Stuur hoogstens %(n)d wijzigingen per keer.", n=limit), code=413)
    user_id = user.id
    clients.claim_client(user, client_id)
    results, stopped = [], None
    for mutation in mutations:
        try:
            outcome = _apply_one(user_id, client_id, mutation)
        except sa.exc.SQLAlchemyError:
            db.session.rollback()
            current_app.logger.exception("push failed on mid %s", mutation["mid"])
            raise ServiceUnavailable()
        if "expected" in outcome:
            stopped = outcome
            break
        results.append(outcome)
    last = db.session.scalar(sa.select(SyncClient.last_mutation_id).where(SyncClient.id == client_id))
    db.session.rollback()
    return {"results": results, "last_mutation_id": last, "stopped": stopped}


def _begin_write():
    """Start a fresh write transaction (BEGIN IMMEDIATE on SQLite: no failed lock upgrades)."""
    db.session.rollback()
    db.session.connection(execution_options={"sqlite_immediate": True})


def _apply_one(user_id, client_id, mutation: dict) -> dict:
    mid, name = mutation["mid"], mutation["name"]
    _begin_write()
    # Core statements for the client row and the ledger: the ORM unit of work costs more than
    # the writes themselves here (bench/sync_push.py), and no one holds these rows as objects.
    conn = db.session.connection()
    last_mid = conn.execute(_LOCK_CLIENT, {"client_id": client_id}).scalar_one()
    if mid <= last_mid:
        entry = db.session.get(SyncLedger, (client_id, mid))
        db.session.rollback()
        return _duplicate(mid, entry)
    if mid != last_mid + 1:
        db.session.rollback()
        return {"mid": mid, "code": "gap", "expected": last_mid + 1}
    from backend.accounts.models import User  # sync must not import features at module level

    user = db.session.get(User, user_id)
    result = _run_handler(user, mid, name, mutation["args"])
    conn.execute(_ADVANCE_CLIENT, {"client_id": client_id, "mid": mid})
    conn.execute(sa.insert(SyncLedger), {
        "client_id": client_id, "mid": mid, "name": name, "status": result["status"], "code": result["code"],
        "message": result["message"], "current": result["current"]})
    if result["status"] == "rejected":
        add_notice(user_id, "rejected", result["code"], result["message"], mutation=name)
    db.session.commit()
    return result


_LOCK_CLIENT = sa.select(SyncClient.last_mutation_id).where(SyncClient.id == sa.bindparam("client_id")).with_for_update()
_ADVANCE_CLIENT = (
    sa.update(SyncClient).where(SyncClient.id == sa.bindparam("client_id")).values(last_mutation_id=sa.bindparam("mid"))
)


def _run_handler(user, mid: int, name: str, raw_args) -> dict:
    """Run one handler inside a savepoint; a rejection undoes its writes but not the ledger."""
    handler = registry.MUTATIONS.get(name)
    if handler is None:
        return _rejected(mid, "unknown_mutation", _l("Deze wijziging kent de server niet."))
    try:
        args = handler.schema.load(raw_args)
    except ma.ValidationError as err:
        return _rejected(mid, "invalid_args", _l("Deze wijziging bevat ongeldige gegevens."),
                         errors=translate_field_errors(err.messages))
    mark = len(changes.pending())
    savepoint = db.session.begin_nested()
    try:
        current = handler.handler(user, args)
        savepoint.commit()
    except registry.Rejected as rej:
        savepoint.rollback()
        del changes.pending()[mark:]
        return _rejected(mid, rej.code, rej.message, rej.current)
    except AppError as err:
        savepoint.rollback()
        del changes.pending()[mark:]
        return _rejected(mid, REJECTION_CODES.get(err.code, "rejected"), err.message or _l("Deze wijziging kon niet."),
                         errors=err.errors)
    return {"mid": mid, "status": "applied", "code": None, "message": None, "current": current}


def _rejected(mid, code, message, current=None, errors=None) -> dict:
    result = {"mid": mid, "status": "rejected", "code": code, "message": str(message), "current": current}
    if errors:
        result["errors"] = errors
    return result


def _duplicate(mid: int, entry: SyncLedger | None) -> dict:
    """Answer a mutation seen before from the ledger (or from nothing, if cleaned away)."""
    if entry is None:
        return {"mid": mid, "status": "duplicate", "code": None, "message": None, "current": None}
    return {"mid": mid, "status": "duplicate", "code": entry.code, "message": entry.message, "current": entry.current}
