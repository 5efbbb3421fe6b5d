"""The phrases feature's part in sync (docs/phrases.md).

- review.log, review.together: rows "review" in the owner's scope user:<id> (together: the
  newcomer's, rated by the buddy);
- practice.settings, practice.progress: the row "practice" in user:<id>, and "practice_share" in
  match:<id> for each of the newcomer's matches;
- the scope branch:<organisation id> that every user of an organisation holds (org_phrase).
"""
import sqlalchemy as sa

from backend.accounts.models import User
from backend.matching import service as matching_service
from backend.phrases import service
from backend.phrases.schemas import (
    PracticeProgressSchema, PracticeSettingsSchema, ReviewLogSchema, ReviewTogetherSchema,
)
from backend.sync import registry


@registry.scope_provider("branch")
def branch_scope(user_id):
    """The user's own organisation: its branch phrases (and a coordinator's clips)."""
    users = User.__table__.c
    return sa.select(users.organisation_id).where(users.id == user_id, users.organisation_id.is_not(None))


@registry.mutation("review.log", ReviewLogSchema())
def review_log(user, args):
    """One own rating of one phrase, with the card state the phone derived after it."""
    return service.review_data(service.apply_log(user, args))


@registry.mutation("review.together", ReviewTogetherSchema())
def review_together(user, args):
    """The buddy rates the newcomer's spoken answer; it counts as the newcomer's review."""
    return service.review_data(service.apply_together(user, args))


@registry.mutation("practice.settings", PracticeSettingsSchema())
def practice_settings(user, args):
    """Merge the named practice settings (and, for a newcomer, the two consents)."""
    return service.settings_data(service.apply_settings(user, args))


@registry.mutation("practice.progress", PracticeProgressSchema())
def practice_progress(user, args):
    """The progress summary the phone derived; the buddy sees it with the newcomer's consent."""
    return service.settings_data(service.apply_progress(user, args))


if service.on_match_active not in matching_service.ACTIVATION_LISTENERS:
    matching_service.ACTIVATION_LISTENERS.append(service.on_match_active)
