"""The catalogues: code -> Dutch label (msgid), translated when read.

Codes are stable (stored in profiles and synced to phones); labels may be reworded freely.
Add entries at the end; never reuse a code for another meaning.
"""
import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from backend.extensions import db
from backend.orgs.models import Organisation

# Languages a person speaks (ISO 639-1 or -3 codes). Dutch first: a shared language for matching.
LANGUAGES = {
    "nl": lazy_pgettext("language name", "Nederlands"),
    "en": lazy_pgettext("language name", "Engels"),
    "ar": lazy_pgettext("language name", "Arabisch"),
    "ti": lazy_pgettext("language name", "Tigrinya"),
    "tr": lazy_pgettext("language name", "Turks"),
    "fa": lazy_pgettext("language name", "Perzisch (Farsi)"),
    "prs": lazy_pgettext("language name", "Dari"),
    "uk": lazy_pgettext("language name", "Oekraïens"),
    "ru": lazy_pgettext("language name", "Russisch"),
    "pl": lazy_pgettext("language name", "Pools"),
    "so": lazy_pgettext("language name", "Somalisch"),
    "ku": lazy_pgettext("language name", "Koerdisch"),
    "ps": lazy_pgettext("language name", "Pasjtoe"),
    "am": lazy_pgettext("language name", "Amhaars"),
    "fr": lazy_pgettext("language name", "Frans"),
    "es": lazy_pgettext("language name", "Spaans"),
    "de": lazy_pgettext("language name", "Duits"),
    "ro": lazy_pgettext("language name", "Roemeens"),
    "bg": lazy_pgettext("language name", "Bulgaars"),
    "zh": lazy_pgettext("language name", "Chinees"),
}

INTERESTS = {
    "sport": lazy_pgettext("interest", "Sport"),
    "walking": lazy_pgettext("interest", "Wandelen"),
    "cycling": lazy_pgettext("interest", "Fietsen"),
    "cooking": lazy_pgettext("interest", "Koken"),
    "music": lazy_pgettext("interest", "Muziek"),
    "reading": lazy_pgettext("interest", "Lezen"),
    "gardening": lazy_pgettext("interest", "Tuinieren"),
    "nature": lazy_pgettext("interest", "Natuur"),
    "art": lazy_pgettext("interest", "Kunst en handwerk"),
    "technology": lazy_pgettext("interest", "Techniek en computers"),
    "games": lazy_pgettext("interest", "Spelletjes"),
    "film": lazy_pgettext("interest", "Film"),
    "children": lazy_pgettext("interest", "Met kinderen op stap"),
    "volunteering": lazy_pgettext("interest", "Vrijwilligerswerk"),
    "culture": lazy_pgettext("interest", "Musea en cultuur"),
    "faith": lazy_pgettext("interest", "Geloof en levensbeschouwing"),
}

# The three domains of reciprocity and the goals a newcomer can pick in each.
DOMAINS = {
    # TRANSLATORS: one of the three domains of reciprocity: learning the Dutch language.
    "taal": lazy_pgettext("domain of reciprocity", "Taal"),
    # TRANSLATORS: one of the three domains of reciprocity: finding work.
    "werk": lazy_pgettext("domain of reciprocity", "Werk"),
    # TRANSLATORS: one of the three domains of reciprocity: taking part in society.
    "meedoen": lazy_pgettext("domain of reciprocity", "Meedoen"),
}
GOALS = {
    "taal": {
        "speaking": _l("Nederlands spreken in het dagelijks leven"),
        "letters": _l("Brieven en formulieren begrijpen"),
        "exam": _l("Het inburgeringsexamen halen"),
        "reading": _l("Nederlands lezen en schrijven"),
    },
    "werk": {
        "cv": _l("Een cv maken"),
        "applying": lazy_pgettext("goal", "Solliciteren"),
        "experience": lazy_pgettext("goal", "Werkervaring opdoen"),
        "diploma": _l("Een diploma laten erkennen"),
        "study": _l("Een opleiding vinden"),
    },
    "meedoen": {
        "club": _l("Lid worden van een club of vereniging"),
        "neighbourhood": _l("De buurt leren kennen"),
        "offices": _l("De weg vinden bij de gemeente en instanties"),
        "school": _l("De school van de kinderen begrijpen"),
        "transport": _l("Reizen met het openbaar vervoer"),
        "money": _l("Geldzaken en toeslagen regelen"),
    },
}

# Things a pair does together, in the three domains of reciprocity: code -> (domain, icon, label).
# The icon is a name of pwa/src/ui/Icon.tsx (drawn there, never an emoji font). Labels are short
# phrases for a list of things a pair did together ("Naar de bibliotheek"), in context "activity type".
ACTIVITY_TYPES = {
    "library": ("taal", "book", lazy_pgettext("activity type", "Naar de bibliotheek")),
    "letter": ("taal", "mail", lazy_pgettext("activity type", "Samen een brief lezen")),
    "conversation": ("taal", "chat", lazy_pgettext("activity type", "Nederlands praten")),
    "language_cafe": ("taal", "cup", lazy_pgettext("activity type", "Naar een taalcafé")),
    "phrases": ("taal", "cards", lazy_pgettext("activity type", "Samen zinnen oefenen")),
    "cv": ("werk", "document", lazy_pgettext("activity type", "Aan een cv werken")),
    "job_fair": ("werk", "briefcase", lazy_pgettext("activity type", "Naar een banenmarkt")),
    "application": ("werk", "pen", lazy_pgettext("activity type", "Een sollicitatie voorbereiden")),
    "volunteer_trial": ("werk", "hand", lazy_pgettext("activity type", "Vrijwilligerswerk uitproberen")),
    "job_visit": ("werk", "building", lazy_pgettext("activity type", "Een werkplek bezoeken")),
    "sports_club": ("meedoen", "ball", lazy_pgettext("activity type", "Naar een sportclub")),
    "neighbourhood": ("meedoen", "party", lazy_pgettext("activity type", "Een buurtfeest of buurthuis")),
    "municipality": ("meedoen", "bank", lazy_pgettext("activity type", "Naar het gemeentehuis of een instantie")),
    "market": ("meedoen", "basket", lazy_pgettext("activity type", "Samen boodschappen of naar de markt")),
    "outing": ("meedoen", "map", lazy_pgettext("activity type", "Samen op stap in de stad")),
    "school": ("meedoen", "school", lazy_pgettext("activity type", "Naar de school van de kinderen")),
}

CATEGORIES = {
    "permit_holder": lazy_pgettext("newcomer category", "Statushouder"),
    "asylum_prospects": lazy_pgettext("newcomer category", "Asielzoeker met goede kans op een verblijfsvergunning"),
    "family_migrant": lazy_pgettext("newcomer category", "Gezinsmigrant"),
    "labour_migrant": lazy_pgettext("newcomer category", "Arbeidsmigrant"),
    "second_generation": lazy_pgettext("newcomer category", "Tweede of derde generatie"),
}

DUTCH_LEVELS = {
    # TRANSLATORS: a CEFR level of Dutch below A1.
    "A0": lazy_pgettext("level of Dutch", "A0: nog geen Nederlands"),
    "A1": lazy_pgettext("level of Dutch", "A1: beginner"),
    "A2": lazy_pgettext("level of Dutch", "A2: eenvoudige gesprekken"),
    "B1": lazy_pgettext("level of Dutch", "B1: zelfstandig"),
}

LEARNING_ROUTES = {
    # TRANSLATORS: the Dutch civic integration route towards language level B1.
    "b1": lazy_pgettext("civic integration route", "B1-route"),
    # TRANSLATORS: the civic integration route through education (for young newcomers).
    "onderwijs": lazy_pgettext("civic integration route", "Onderwijsroute"),
    # TRANSLATORS: the civic integration "Z-route" (self-reliance, for those who cannot reach B1).
    "z": lazy_pgettext("civic integration route", "Z-route"),
}

GENDERS = {
    "female": lazy_pgettext("gender", "Vrouw"),
    "male": lazy_pgettext("gender", "Man"),
    "other": lazy_pgettext("gender", "Anders"),
}

BUDDY_KINDS = {
    "volunteer": lazy_pgettext("kind of buddy", "Vrijwilliger"),
    # TRANSLATORS: a young person doing Dutch civic service (maatschappelijke diensttijd).
    "mdt": lazy_pgettext("kind of buddy", "MDT (maatschappelijke diensttijd)"),
}

DECLINE_REASONS = {
    "no_time": _l("Ik heb nu geen tijd"),
    "distance": _l("De afstand is te groot"),
    "no_click": _l("Ik denk niet dat het klikt"),
    "other": _l("Een andere reden"),
}

END_REASONS = {
    "completed": _l("Het traject is afgerond"),
    "moved": _l("Iemand is verhuisd"),
    "no_time": _l("Iemand heeft geen tijd meer"),
    "no_click": _l("Het klikte niet"),
    "concern": _l("Er was een zorg over de veiligheid"),
    "other": _l("Een andere reden"),
}

# What a person (or a coordinator for them) can consent to; each consent records a version and time.
CONSENT_KINDS = {
    # TRANSLATORS: consent to the privacy statement of Maatje.
    "privacy": _l("Privacyverklaring"),
    # TRANSLATORS: consent that the coordinator shares the intake with a proposed buddy.
    "share_with_buddy": _l("Gegevens delen met een voorgesteld maatje"),
}

# The version of the privacy statement (docs/privacy.md) a consent refers to. Change it when the
# statement changes in substance: consents of an older version then show as outdated.
PRIVACY_VERSION = "2026-12"

ALL = {
    "languages": LANGUAGES,
    "interests": INTERESTS,
    "domains": DOMAINS,
    "categories": CATEGORIES,
    "dutch_levels": DUTCH_LEVELS,
    "learning_routes": LEARNING_ROUTES,
    "genders": GENDERS,
    "buddy_kinds": BUDDY_KINDS,
    "decline_reasons": DECLINE_REASONS,
    "end_reasons": END_REASONS,
    "consent_kinds": CONSENT_KINDS,
}


def codes(name: str) -> list[str]:
    """Return the codes of one catalogue (for validation)."""
    if name == "activity_types":
        return list(ACTIVITY_TYPES)
    return list(ALL[name])


def activity_domain(code: str) -> str:
    """Return the domain (taal, werk, meedoen) of an activity type code."""
    return ACTIVITY_TYPES[code][0]


def goal_codes(domain: str) -> list[str]:
    """Return the goal codes of one domain."""
    return list(GOALS[domain])


def translated() -> dict:
    """Return every catalogue as {name: [{code, label}]} in the current locale, in catalogue order."""
    out = {name: [{"code": code, "label": str(label)} for code, label in entries.items()] for name, entries in ALL.items()}
    out["privacy_version"] = PRIVACY_VERSION
    out["goals"] = {
        domain: [{"code": code, "label": str(label)} for code, label in goals.items()] for domain, goals in GOALS.items()
    }
    out["activity_types"] = [{"code": code, "label": str(label), "domain": domain, "icon": icon}
                             for code, (domain, icon, label) in ACTIVITY_TYPES.items()]
    return out


def municipalities() -> list[dict]:
    """Return the active municipal branches as [{code, name, province}], by name then code.

    The public sign-up needs them before any login (GET /api/orgs asks for one). Sorted here,
    not by the database, so SQLite and PostgreSQL (whose collations differ) give the same order.
    """
    province = so.aliased(Organisation)
    rows = db.session.execute(
        sa.select(Organisation.code, Organisation.name, province.name)
        .join(province, Organisation.parent_id == province.id, isouter=True)
        .where(Organisation.kind == "municipality", Organisation.active.is_(True)))
    out = [{"code": code, "name": name, "province": parent or ""} for code, name, parent in rows]
    return sorted(out, key=municipality_order)


def municipality_order(entry: dict) -> tuple:
    """Sort key of a municipality: its name without case or a leading "'s-", then its code."""
    name = entry["name"].casefold()
    return (name.removeprefix("'s-"), entry["code"])
