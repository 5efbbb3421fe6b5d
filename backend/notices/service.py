"""Leave notices for users and mark them read; they reach the phone through the user's own scope."""
import sqlalchemy as sa

from backend.db import utcnow
from backend.extensions import db
from backend.notices.models import Notice
from backend.sync import changes


def notice_data(notice: Notice) -> dict:
    """Return the synced 'notice' row."""
    return {
        "id": str(notice.id),
        "kind": notice.kind,
        "code": notice.code,
        "message": notice.message,
        "mutation": notice.mutation,
        "created_at": notice.created_at.isoformat(),
        "read": notice.read_at is not None,
    }


def add_notice(user_id, kind: str, code: str, message: str, mutation: str | None = None) -> Notice:
    """Add a notice in the caller's transaction (no commit)."""
    notice = Notice(user_id=user_id, kind=kind, code=code, message=str(message), mutation=mutation)
    db.session.add(notice)
    db.session.flush()
    changes.record_put("notice", notice.id, f"user:{user_id}", notice_data(notice))
    return notice


def apply_mark_read(user, ids) -> list[Notice]:
    """Mark the user's own unread notices among `ids` as read, in the caller's transaction (no commit).

    Ids of other users' notices, unknown ids and notices already read are passed over: the phone
    marks everything it shows at once, and one notice gone meanwhile must not refuse the rest.
    """
    notices = db.session.scalars(
        sa.select(Notice)
        .where(Notice.user_id == user.id, Notice.id.in_(set(ids)), Notice.read_at.is_(None))
        .order_by(Notice.created_at)
    ).all()
    now = utcnow()
    for notice in notices:
        notice.read_at = now
        changes.record_put("notice", notice.id, f"user:{user.id}", notice_data(notice))
    db.session.flush()
    return list(notices)
