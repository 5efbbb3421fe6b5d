"""A branch's own phrases (docs/phrases.md, "Branches' own phrases"): a municipal coordinator
adds, changes and removes them over REST; each syncs as "org_phrase" in branch:<organisation id>,
which every user of that organisation holds. These functions own their transaction (commit).

Only a coordinator of a municipal branch may touch them (403 for anyone else, provincial and
national coordinators included); another branch's phrase answers 404, like a missing one.
"""
import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l, lazy_ngettext

from backend.audio import service as audio
from backend.db import utcnow
from backend.errors import Conflict, NotFound, ValidationError
from backend.extensions import db
from backend.i18n.catalogs import LANGUAGES
from backend.orgs.access import require_municipal_coordinator
from backend.orgs.models import Organisation
from backend.phrases.models import OrgPhrase
from backend.phrases.themes import THEMES
from backend.sync import changes

MAX_PER_BRANCH = 200
UNKNOWN_THEME = _l("Kies een thema uit de lijst.")
UNKNOWN_LANGUAGE = _l("Voor deze taal kun je geen vertaling toevoegen.")
EMPTY = _l("Vul de zin in het Nederlands in.")


def _too_many(limit: int):
    return lazy_ngettext("Een afdeling kan hoogstens %(num)d eigen zin hebben. Verwijder eerst een zin.",
                         "Een afdeling kan hoogstens %(num)d eigen zinnen hebben. Verwijder eerst een zin.", limit)


def phrase_id(phrase: OrgPhrase) -> str:
    """The phrase id reviews name: "org:<uuid>"."""
    return f"org:{phrase.id}"


def org_phrase_data(phrase: OrgPhrase) -> dict:
    """Return the synced "org_phrase" row (and the REST answer)."""
    return {"id": phrase_id(phrase), "nl": phrase.nl, "theme": phrase.theme, "level": phrase.level,
            "translations": dict(phrase.translations or {}), "note": phrase.note or "",
            "updated_at": phrase.updated_at.astimezone(dt.timezone.utc).isoformat() if phrase.updated_at else None}


def _checked(fields: dict) -> dict:
    """Return the fields trimmed, or a 422 naming what is wrong."""
    errors = {}
    out = dict(fields)
    if "nl" in out:
        out["nl"] = out["nl"].strip()
        if not out["nl"]:
            errors["nl"] = [str(EMPTY)]
    if "theme" in out and out["theme"] not in THEMES:
        errors["theme"] = [str(UNKNOWN_THEME)]
    if "translations" in out:
        if any(lang not in LANGUAGES or lang == "nl" for lang in out["translations"]):
            errors["translations"] = [str(UNKNOWN_LANGUAGE)]
        out["translations"] = {lang: text.strip() for lang, text in out["translations"].items() if text.strip()}
    if "note" in out:
        out["note"] = out["note"].strip()
    if errors:
        raise ValidationError(errors=errors)
    return out


def _publish(phrase: OrgPhrase) -> None:
    db.session.flush()
    changes.record_put("org_phrase", phrase_id(phrase), f"branch:{phrase.organisation_id}", org_phrase_data(phrase))


def _own(user, uuid_) -> OrgPhrase:
    branch = require_municipal_coordinator(user)
    phrase = db.session.scalars(sa.select(OrgPhrase).where(OrgPhrase.id == uuid_).with_for_update()).first()
    if phrase is None or phrase.organisation_id != branch.id:
        raise NotFound()
    return phrase


def list_phrases(user) -> list[OrgPhrase]:
    """The own branch's phrases, by theme in THEMES order, then Dutch text."""
    branch = require_municipal_coordinator(user)
    phrases = db.session.scalars(sa.select(OrgPhrase).where(OrgPhrase.organisation_id == branch.id))
    order = {code: n for n, code in enumerate(THEMES)}
    return sorted(phrases, key=lambda p: (order.get(p.theme, len(order)), p.nl.lower()))


def add_phrase(user, fields: dict) -> OrgPhrase:
    """Add a phrase for the own branch. Commits. 409 past MAX_PER_BRANCH."""
    branch = require_municipal_coordinator(user)
    fields = _checked(fields)
    # Lock the branch row: two coordinators at once cannot both take the last free place.
    db.session.execute(sa.select(Organisation.id).where(Organisation.id == branch.id).with_for_update())
    count = db.session.scalar(sa.select(sa.func.count()).select_from(OrgPhrase)
                              .where(OrgPhrase.organisation_id == branch.id))
    if count >= MAX_PER_BRANCH:
        raise Conflict(_too_many(MAX_PER_BRANCH))
    now = utcnow()
    phrase = OrgPhrase(organisation_id=branch.id, nl=fields["nl"], theme=fields["theme"], level=fields["level"],
                       translations=fields.get("translations") or {}, note=fields.get("note") or "",
                       created_by_id=user.id, created_at=now, updated_at=now)
    db.session.add(phrase)
    _publish(phrase)
    db.session.commit()
    return phrase


def change_phrase(user, uuid_, fields: dict) -> OrgPhrase:
    """Change the given fields of one of the own branch's phrases. Commits."""
    phrase = _own(user, uuid_)
    for key, value in _checked(fields).items():
        setattr(phrase, key, value)
    phrase.updated_at = utcnow()
    _publish(phrase)
    db.session.commit()
    return phrase


def remove_phrase(user, uuid_) -> None:
    """Remove one of the own branch's phrases: a tombstone for every phone, its recordings go too;
    its reviews stay. Commits."""
    phrase = _own(user, uuid_)
    changes.record_del("org_phrase", phrase_id(phrase), f"branch:{phrase.organisation_id}")
    audio.remove_clips_of(phrase_id(phrase))
    db.session.delete(phrase)
    db.session.commit()
