"""The read log as its branch sees it."""
import marshmallow as ma

from backend.audit.service import WHAT


class ProfileReadSchema(ma.Schema):
    id = ma.fields.UUID()
    at = ma.fields.AwareDateTime()
    what = ma.fields.String(metadata={"enum": list(WHAT)})
    reader_id = ma.fields.UUID(allow_none=True)
    reader_name = ma.fields.Function(lambda r: r.reader.display_name if r.reader else None, allow_none=True)
    subject_id = ma.fields.UUID()
    subject_name = ma.fields.Function(lambda r: r.subject.display_name)
