"""The notices feature's part in sync: the notice.read mutation (notices live in the user's own scope)."""
import marshmallow as ma

from backend.notices import service
from backend.sync import registry


class NoticeReadSchema(ma.Schema):
    ids = ma.fields.List(ma.fields.UUID(), required=True, validate=ma.validate.Length(min=1, max=500))


@registry.mutation("notice.read", NoticeReadSchema())
def notice_read(user, args):
    """Mark the user's own notices as read; another user's ids are passed over."""
    notices = service.apply_mark_read(user, args["ids"])
    return {"read": [str(notice.id) for notice in notices]}
