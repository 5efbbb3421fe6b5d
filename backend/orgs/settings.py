"""Per-organisation settings: an organisation's own value, else its nearest ancestor's, else the default."""
import sqlalchemy as sa

from backend.extensions import db
from backend.orgs.models import Organisation

DEFAULTS = {
    "vog_valid_years": 3,  # a VOG (certificate of conduct) counts this long after its date
    "vog_warn_days": 60,  # the dashboard shows a VOG this many days before it expires
    "quiet_buddy_days": 14,  # a quiet pair: a gentle notice to the buddy
    "quiet_newcomer_days": 21,  # ... to the newcomer too
    "quiet_coordinator_days": 28,  # ... and to the coordinator
    "proposal_expiry_days": 14,  # a proposal nobody answers expires
    "volunteer_match_months": 12,  # planned length of a volunteer's match
    "planned_end_notice_days": 14,  # the coordinator hears this long before a planned end
}


def get_setting(org: Organisation | None, key: str):
    """Return the value of `key` for `org`: its own, its nearest ancestor's, or the default."""
    if key not in DEFAULTS:
        raise KeyError(key)
    if org is None:
        return DEFAULTS[key]
    codes = [c for c in org.path.strip("/").split("/") if c]
    rows = db.session.execute(sa.select(Organisation.code, Organisation.settings).where(Organisation.code.in_(codes)))
    by_code = {code: settings or {} for code, settings in rows}
    for code in reversed(codes):
        if key in by_code.get(code, {}):
            return by_code[code][key]
    return DEFAULTS[key]
