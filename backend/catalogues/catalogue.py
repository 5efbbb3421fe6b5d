"""The catalogues: code -> Dutch label (msgid), translated when read.

Codes are stable (stored in profiles and synced to phones); labels may be reworded freely.
Add entries at the end; never reuse a code for another meaning.
"""
from flask_babel import lazy_gettext as _l

# Languages a person speaks (ISO 639-1 or -3 codes). Dutch first: a shared language for matching.
LANGUAGES = {
    "nl": _l("Nederlands"),
    "en": _l("Engels"),
    "ar": _l("Arabisch"),
    "ti": _l("Tigrinya"),
    "tr": _l("Turks"),
    "fa": _l("Perzisch (Farsi)"),
    "prs": _l("Dari"),
    "uk": _l("Oekraïens"),
    "ru": _l("Russisch"),
    "pl": _l("Pools"),
    "so": _l("Somalisch"),
    "ku": _l("Koerdisch"),
    "ps": _l("Pasjtoe"),
    "am": _l("Amhaars"),
    "fr": _l("Frans"),
    "es": _l("Spaans"),
    "de": _l("Duits"),
    "ro": _l("Roemeens"),
    "bg": _l("Bulgaars"),
    "zh": _l("Chinees"),
}

INTERESTS = {
    "sport": _l("Sport"),
    "walking": _l("Wandelen"),
    "cycling": _l("Fietsen"),
    "cooking": _l("Koken"),
    "music": _l("Muziek"),
    "reading": _l("Lezen"),
    "gardening": _l("Tuinieren"),
    "nature": _l("Natuur"),
    "art": _l("Kunst en handwerk"),
    "technology": _l("Techniek en computers"),
    "games": _l("Spelletjes"),
    "film": _l("Film"),
    "children": _l("Met kinderen op stap"),
    "volunteering": _l("Vrijwilligerswerk"),
    "culture": _l("Musea en cultuur"),
    "faith": _l("Geloof en levensbeschouwing"),
}

# The three domains of reciprocity and the goals a newcomer can pick in each.
DOMAINS = {
    # TRANSLATORS: one of the three domains of reciprocity: learning the Dutch language.
    "taal": _l("Taal"),
    # TRANSLATORS: one of the three domains of reciprocity: finding work.
    "werk": _l("Werk"),
    # TRANSLATORS: one of the three domains of reciprocity: taking part in society.
    "meedoen": _l("Meedoen"),
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
        "applying": _l("Solliciteren"),
        "experience": _l("Werkervaring opdoen"),
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

CATEGORIES = {
    "permit_holder": _l("Statushouder"),
    "asylum_prospects": _l("Asielzoeker met goede kans op een verblijfsvergunning"),
    "family_migrant": _l("Gezinsmigrant"),
    "labour_migrant": _l("Arbeidsmigrant"),
    "second_generation": _l("Tweede of derde generatie"),
}

DUTCH_LEVELS = {
    # TRANSLATORS: a CEFR level of Dutch below A1.
    "A0": _l("A0: nog geen Nederlands"),
    "A1": _l("A1: beginner"),
    "A2": _l("A2: eenvoudige gesprekken"),
    "B1": _l("B1: zelfstandig"),
}

LEARNING_ROUTES = {
    # TRANSLATORS: the Dutch civic integration route towards language level B1.
    "b1": _l("B1-route"),
    # TRANSLATORS: the civic integration route through education (for young newcomers).
    "onderwijs": _l("Onderwijsroute"),
    # TRANSLATORS: the civic integration "Z-route" (self-reliance, for those who cannot reach B1).
    "z": _l("Z-route"),
}

GENDERS = {
    "female": _l("Vrouw"),
    "male": _l("Man"),
    "other": _l("Anders"),
}

BUDDY_KINDS = {
    "volunteer": _l("Vrijwilliger"),
    # TRANSLATORS: a young person doing Dutch civic service (maatschappelijke diensttijd).
    "mdt": _l("MDT (maatschappelijke diensttijd)"),
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
PRIVACY_VERSION = "2026-11"

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
    return list(ALL[name])


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
    return out
