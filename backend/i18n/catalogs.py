"""Extract, update and compile the gettext catalogs, and export them as JSON for the PWA.

Dutch is the source language: msgids are Dutch. Machine drafts carry the translator
comment UNREVIEWED (not the fuzzy flag, which would keep them out of the compiled catalog).
"""
import json
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from backend.config import ROOT

TRANSLATIONS = ROOT / "translations"
DOMAIN = "messages"  # the interface; the phrases are the domain "content" (backend/phrases/content.py)
LANGUAGES = ["nl", "en", "ar", "ti", "tr", "fa", "uk", "pl"]
RTL = {"ar", "fa", "ps", "ckb"}
UNREVIEWED = "unreviewed: machine draft, not yet checked by a native speaker"
# Babel's Arabic rule swaps "many" and "other" (python-babel issue 816); this is CLDR's.
ARABIC_PLURAL = (6, "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5)")
# CLDR category of each gettext form index, by number of forms (used by the PWA's Intl.PluralRules).
PLURAL_CATEGORIES = {
    1: ["other"],
    2: ["one", "other"],
    3: ["one", "few", "many"],
    6: ["zero", "one", "two", "few", "many", "other"],
}
KEYWORDS = {
    "_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2),
    # msgctxt: the first argument is the context ("Nieuw" a notice, "Nieuw" a button).
    "pgettext": ((1, "c"), 2), "lazy_pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3), "lazy_npgettext": ((1, "c"), 2, 3),
}
CONTEXT_GLUE = "\x04"  # gettext's key of an entry with a msgctxt: "context\x04msgid" (the PWA looks it up so)


def po_path(lang: str, domain: str = DOMAIN) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / f"{domain}.po"


def _source_dirs_only(dirpath: str) -> bool:
    """Skip dependency, build and virtualenv folders: they are large and hold no strings of ours."""
    name = Path(dirpath).name
    return not (name.startswith(".") or name in {"node_modules", "dist", "__pycache__", "instance"})


def extract() -> Catalog:
    """Extract every marked string of the API and the PWA into translations/messages.pot."""
    template = Catalog(project="Maatje", locale="nl", fuzzy=False)
    method_map = [("backend/**.py", "python"), ("pwa/src/**.ts", "javascript"), ("pwa/src/**.tsx", "javascript")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True,
        directory_filter=_source_dirs_only,
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    with open(TRANSLATIONS / f"{DOMAIN}.pot", "wb") as f:
        write_po(f, template, sort_by_file=True, width=100)
    return template


def load(lang: str, domain: str = DOMAIN) -> Catalog:
    """Read one language's catalog of `domain`, or start an empty one."""
    path = po_path(lang, domain)
    if not path.exists():
        return Catalog(locale=lang, domain=domain, project="Maatje")
    with open(path, "rb") as f:
        return read_po(f, locale=lang)


def save(catalog: Catalog, lang: str, domain: str = DOMAIN) -> None:
    """Write one language's catalog of `domain` with the corrected plural header."""
    catalog.fuzzy = False  # the header is maintained here, not a draft
    if lang == "ar":
        catalog._num_plurals, catalog._plural_expr = ARABIC_PLURAL
    path = po_path(lang, domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        write_po(f, catalog, width=100, omit_header=False)


def update(template: Catalog, domain: str = DOMAIN, languages=LANGUAGES) -> None:
    """Merge the template into every language's catalog of `domain` (new strings start empty)."""
    for lang in languages:
        catalog = load(lang, domain)
        catalog.update(template, no_fuzzy_matching=True)
        save(catalog, lang, domain)


def compile_all() -> dict:
    """Compile each .po into a .mo; return the count of translated messages per language."""
    counts = {}
    for lang in LANGUAGES:
        catalog = load(lang)
        if lang == "ar":
            catalog._num_plurals, catalog._plural_expr = ARABIC_PLURAL
        with open(po_path(lang).with_suffix(".mo"), "wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        counts[lang] = sum(1 for m in catalog if m.id and m.string and (all(m.string) if m.pluralizable else True))
    return counts


def is_unreviewed(message) -> bool:
    """Tell whether a catalog entry is a machine draft nobody has checked."""
    return any(c.startswith("unreviewed") for c in message.user_comments)


def json_key(message) -> str:
    """Return the PWA's key of a catalog entry: its (singular) msgid, after its context if any."""
    msgid = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
    return f"{message.context}{CONTEXT_GLUE}{msgid}" if message.context else msgid


def export_json(target: Path) -> list[Path]:
    """Write pwa/public/i18n/<lang>.json from the compiled catalogs (+ unreviewed marks from the .po)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in LANGUAGES:
        with open(po_path(lang).with_suffix(".mo"), "rb") as f:
            compiled = read_mo(f)
        messages = {}
        for m in compiled:
            if not m.id or not m.string:
                continue
            messages[json_key(m)] = list(m.string) if isinstance(m.string, (tuple, list)) else m.string
        source = load(lang)
        body = {
            "lang": lang,
            "dir": "rtl" if lang in RTL else "ltr",
            "plural_categories": PLURAL_CATEGORIES[compiled.num_plurals],
            "messages": messages,
            "unreviewed": sorted(json_key(m) for m in source if m.id and is_unreviewed(m)),
        }
        path = target / f"{lang}.json"
        path.write_text(json.dumps(body, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        written.append(path)
    return written
