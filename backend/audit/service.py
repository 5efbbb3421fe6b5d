"""The read log (minimal version written by suggest9; people9 owns this file: take theirs at merge)."""
from backend.audit.models import ProfileRead
from backend.extensions import db


def log_read(reader, subject, what: str) -> ProfileRead:
    """Record that `reader` read `what` of `subject` (a User with an organisation); the caller commits."""
    row = ProfileRead(reader_id=reader.id, subject_id=subject.id, organisation_id=subject.organisation_id, what=what)
    db.session.add(row)
    return row
