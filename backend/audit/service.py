"""The read log (minimal version written by suggest9, with the signature of people9's: people9
owns this file, take theirs at merge)."""
from backend.audit.models import ProfileRead
from backend.extensions import db

WHAT = ("intake", "buddy_profile")


def log_read(reader, subject_id, organisation_id: int, what: str) -> None:
    """Add a read of `subject_id`'s `what` by `reader` (no commit: the caller's transaction)."""
    db.session.add(ProfileRead(reader_id=reader.id, subject_id=subject_id, organisation_id=organisation_id, what=what))
