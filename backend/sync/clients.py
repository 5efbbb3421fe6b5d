"""Sync clients (devices) and the schema-version check shared by push and pull."""
import uuid

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from backend.errors import Forbidden, ServiceUnavailable, UpgradeRequired
from backend.extensions import db
from backend.sync.models import SyncClient


def check_schema_version(version: int) -> None:
    """Refuse clients whose data schema this server cannot serve; they keep their outbox.

    :raise 426: the app is older than the oldest schema we serve (reload the app).
    :raise 503: the app is newer than this server (a deploy is rolling out; retry later).
    """
    if version < current_app.config["SYNC_MIN_SCHEMA_VERSION"]:
        raise UpgradeRequired()
    if version > current_app.config["SYNC_SCHEMA_VERSION"]:
        raise ServiceUnavailable(_l("De server wordt bijgewerkt. Je wijzigingen blijven bewaard."))


def claim_client(user, client_id: uuid.UUID) -> SyncClient:
    """Return this user's client row, creating it on first use.

    :raise 403: if the client id belongs to another user.
    """
    client = db.session.get(SyncClient, client_id)
    if client is None:
        db.session.add(SyncClient(id=client_id, user_id=user.id, last_mutation_id=0))
        try:
            db.session.commit()
        except sa.exc.IntegrityError:
            db.session.rollback()  # a parallel request created it first
        client = db.session.get(SyncClient, client_id)
    if client.user_id != user.id:
        raise Forbidden(_l("Dit apparaat hoort bij een ander account. Log opnieuw in."))
    return client
