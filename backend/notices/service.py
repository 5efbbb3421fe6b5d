"""Leave notices for users; they reach the phone through the user's own sync scope."""
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
