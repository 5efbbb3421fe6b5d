"""Stand-in until acct9's version is merged (the lead takes acct9's): activation codes."""
import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa

from backend.accounts.models import AccountToken
from backend.db import utcnow
from backend.extensions import db

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # nothing to mistake for another character
VALID = dt.timedelta(days=14)


def issue_activation_code(user, by) -> str:
    """Return a new short activation code for `user` (ends older ones); no commit: the caller's."""
    db.session.execute(sa.update(AccountToken).where(
        AccountToken.user_id == user.id, AccountToken.kind == "activation", AccountToken.used_at.is_(None),
    ).values(used_at=utcnow()))
    code = "".join(secrets.choice(ALPHABET) for _ in range(8))
    db.session.add(AccountToken(user_id=user.id, kind="activation", token_hash=hashlib.sha256(code.encode()).hexdigest(),
                                created_by_id=by.id if by else None, expires_at=utcnow() + VALID))
    return code
