"""Push: apply a client's mutations exactly once.

A batch runs in one transaction and each mutation in a savepoint inside it. Invariants
(docs/sync.md): the ledger rows, the client's last_mutation_id and the mutations' effects
commit together; a mid at or below last_mutation_id is answered from the ledger; a gap stops
the batch (what came before it commits); a rejection undoes only its own mutation, advances
last_mutation_id and leaves a Notice; a malformed entry or a handler's unexpected failure is a
rejection too (invalid_args, server_error), so one bad mutation never wedges a phone's queue;
only a database outage answers 503 and advances nothing.
"""
import re

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l, ngettext

from backend.accounts.models import User  # push may import accounts: backend/sync/__init__.py
from backend.errors import AppError, ServiceUnavailable, bounded_errors, is_outage, request_id, translate_field_errors
from backend.extensions import db
from backend.notices.service import add_notice
from backend.sync import changes, clients, registry
from backend.sync.models import SyncClient, SyncLedger
from backend.sync.schemas import MutationSchema
from backend.web.requests import unstorable_text

NAME = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")
REJECTION_CODES = {404: "not_found", 403: "forbidden", 409: "conflict", 422: "invalid_args"}
INVALID_ARGS = _l("Deze wijziging bevat ongeldige gegevens.")
_MUTATION = MutationSchema()
LEDGER_FIELDS = ("status", "code", "message", "current")

# Core statements: no one holds these rows as ORM objects, and the unit of work would cost
# more than the writes themselves (bench/sync_push.py).
_LOCK_CLIENT = (
    sa.select(SyncClient.last_mutation_id).where(SyncClient.id == sa.bindparam("client_id")).with_for_update()
)
_ADVANCE_CLIENT = (
    sa.update(SyncClient).where(SyncClient.id == sa.bindparam("client_id")).values(last_mutation_id=sa.bindparam("mid"))
)
_LEDGER_ROW = sa.select(SyncLedger).where(SyncLedger.client_id == sa.bindparam("client_id"),
                                          SyncLedger.mid == sa.bindparam("mid"))


def push(user, client_id, schema_version: int, mutations: list[dict]) -> dict:
    """Apply a batch of mutations in mid order; return one result per mutation handled."""
    clients.check_schema_version(schema_version)
    limit = current_app.config["SYNC_MAX_BATCH"]
    if len(mutations) > limit:
        raise AppError(ngettext("Stuur hoogstens %(n)d wijziging per keer.", "Stuur hoogstens %(n)d wijzigingen per keer.",
                                limit, n=limit), code=413)
    clients.claim_client(user, client_id)
    try:
        return _apply_batch(user.id, client_id, mutations)
    except Exception as err:
        if not (is_outage(err) or isinstance(err, sa.exc.SQLAlchemyError)):
            raise
        db.session.rollback()
        current_app.logger.exception("push of client %s failed [request %s]", client_id, request_id())
        raise ServiceUnavailable()


def _apply_batch(user_id, client_id, mutations: list[dict]) -> dict:
    db.session.rollback()  # a fresh transaction, and on SQLite BEGIN IMMEDIATE: no failed lock upgrade
    conn = db.session.connection(execution_options={"sqlite_immediate": True})
    last = conn.execute(_LOCK_CLIENT, {"client_id": client_id}).scalar_one()  # one push per client at a time
    user = db.session.get(User, user_id, populate_existing=True)
    results, stopped, ledger = [], None, []
    for mutation in mutations:
        mid = mutation.get("mid")
        if type(mid) is not int or mid < 1:
            # Without a mid the entry cannot be acknowledged, nor anything after it in order.
            stopped = {"mid": None, "code": "invalid_mid", "expected": last + 1}
            break
        if mid <= last:
            results.append(_duplicate(conn, client_id, mid, ledger))
            continue
        if mid != last + 1:
            stopped = {"mid": mid, "code": "gap", "expected": last + 1}
            break
        name = _safe_name(mutation.get("name"))
        result = _check(mid, mutation) or _run_handler(user, client_id, mid, name, mutation["args"])
        text = result.pop("text", None)  # the rejection's own (lazy) text: the notice words it anew
        if result["status"] == "rejected":
            _leave_notice(user_id, result, text, name)
        ledger.append({"client_id": client_id, "mid": mid, "name": name, **{k: result[k] for k in LEDGER_FIELDS}})
        results.append(result)
        last = mid
    if ledger:
        conn.execute(sa.insert(SyncLedger), ledger)
        conn.execute(_ADVANCE_CLIENT, {"client_id": client_id, "mid": last})
    db.session.commit()
    # user_id: whose session applied the batch, so the phone can tell if another person logged in.
    return {"results": results, "last_mutation_id": last, "stopped": stopped, "user_id": str(user_id)}


def _leave_notice(user_id, result: dict, text, name: str) -> None:
    """Leave the user a notice of the rejection, worded by the phone in its current language."""
    try:
        add_notice(user_id, "rejected", result["code"], text if text is not None else result["message"], mutation=name)
    except (TypeError, ValueError) as err:
        # A rejection text with values no notice can carry is a bug to fix, but it must not hold
        # up the phone's queue: the notice keeps the text as it was worded.
        current_app.logger.error("push: the notice of %s (mid %d) kept its text only: %s [request %s]",
                                 name, result["mid"], err, request_id())
        add_notice(user_id, "rejected", result["code"], result["message"], mutation=name)


def _check(mid: int, mutation: dict) -> dict | None:
    """Return the rejection of an entry that is not a well-formed mutation, else None."""
    try:
        _MUTATION.load(mutation)
    except ma.ValidationError as err:
        return _rejected(mid, "invalid_args", INVALID_ARGS, errors=err.messages)
    problems = unstorable_text(mutation["args"])
    if problems:  # valid JSON, but no database stores it: resending would never help
        return _rejected(mid, "invalid_args", INVALID_ARGS, errors={"args": problems})
    return None


def _run_handler(user, client_id, mid: int, name: str, raw_args) -> dict:
    """Run one handler inside a savepoint; a rejection undoes its writes but not the ledger.

    Every failure but a database outage is this mutation's alone: retrying it would fail the
    same way and hold up the phone's queue for ever, so it is rejected, and logged when a bug.
    """
    handler = registry.MUTATIONS.get(name)
    if handler is None:
        return _rejected(mid, "unknown_mutation", _l("Deze wijziging kent de server niet."))
    try:
        args = handler.schema.load(raw_args)
    except ma.ValidationError as err:
        return _rejected(mid, "invalid_args", INVALID_ARGS, errors=err.messages)
    except Exception as err:  # a validator's own bug: no writes yet, nothing to undo
        if is_outage(err):
            raise
        return _rejection_of(err, client_id, mid, name)
    mark = len(changes.pending())
    savepoint = db.session.begin_nested()
    try:
        current = handler.handler(user, args)
        savepoint.commit()
    except Exception as err:
        if is_outage(err):
            raise  # the whole batch: 503, nothing advanced
        savepoint.rollback()
        del changes.pending()[mark:]
        return _rejection_of(err, client_id, mid, name)
    return {"mid": mid, "status": "applied", "code": None, "message": None, "current": current}


def _rejection_of(err: Exception, client_id, mid: int, name: str) -> dict:
    if isinstance(err, registry.Rejected):
        return _rejected(mid, err.code, err.message, err.current)
    if isinstance(err, AppError):
        return _rejected(mid, REJECTION_CODES.get(err.code, "rejected"), err.message or _l("Deze wijziging kon niet."),
                         errors=err.errors)
    if isinstance(err, (sa.exc.DataError, sa.exc.IntegrityError)):
        # Values this database cannot store (a number out of range, a duplicate id).
        return _rejected(mid, "invalid_args", INVALID_ARGS)
    current_app.logger.error("push: %s (mid %d) of client %s failed [request %s]", name, mid, client_id,
                             request_id(), exc_info=err)
    return _rejected(mid, "server_error", _l("De server kon deze wijziging niet verwerken. We kijken ernaar."))


def _safe_name(name) -> str:
    """Return the mutation name, or a placeholder for one that could not even be stored."""
    return name if isinstance(name, str) and len(name) <= 64 and NAME.fullmatch(name) else "invalid-name"


def _rejected(mid, code, message, current=None, errors=None) -> dict:
    result = {"mid": mid, "status": "rejected", "code": code, "message": str(message), "current": current,
              "text": message}
    if errors:
        errors, omitted = bounded_errors(errors)  # an unknown-key flood stays a small answer
        result["errors"] = translate_field_errors(errors)
        if omitted:
            result["errors_omitted"] = omitted
    return result


def _duplicate(conn, client_id, mid: int, batch_ledger: list[dict]) -> dict:
    """Answer a mutation seen before from the ledger (this batch's or the stored one)."""
    entry = next((row for row in batch_ledger if row["mid"] == mid), None)
    if entry is None:
        stored = conn.execute(_LEDGER_ROW, {"client_id": client_id, "mid": mid}).first()
        entry = stored._mapping if stored is not None else {}
    return {"mid": mid, "status": "duplicate", **{k: entry.get(k) for k in ("code", "message", "current")}}
