"""The phrase catalogue: read and check backend/phrases/content/*.toml, keep the translations in
the gettext domain "content", and write the phone's catalogue pwa/public/content/<lang>.json.

Each phrase is a catalog entry with msgctxt = its id and msgid = its Dutch text, so a changed
Dutch text is a new entry that needs translating again (no fuzzy matching); each theme label is
an entry with msgctxt "theme". The catalog helpers (load, save, the Arabic plural header, the
unreviewed mark) are the interface's, in backend/i18n/catalogs.py, called with the domain.
"""
import gzip
import hashlib
import json
import re
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from backend.config import ROOT
from backend.i18n import catalogs
from backend.phrases.themes import CONTENT_LANGUAGES, LEVELS, THEMES

DOMAIN = "content"
CONTENT_DIR = ROOT / "backend" / "phrases" / "content"
PUBLIC_DIR = ROOT / "pwa" / "public" / "content"
TTS_DIR = ROOT / "pwa" / "public" / "audio" / "tts"
THEME_CONTEXT = "theme"
FILE_NAME = re.compile(r"^\d\d-([a-z]+)\.toml$")
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
KEYS = {"id", "nl", "level", "register", "note"}
REGISTERS = ("je", "u")


class ContentError(Exception):
    """The content files are not as docs/phrases.md says; the message lists every problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def load_phrases(folder: Path | None = None) -> list[dict]:
    """Return every phrase of the folder's TOML files (default CONTENT_DIR), in theme order
    (THEMES), then file order.

    :raise ContentError: with every problem found (file name, theme, id, level, duplicates).
    """
    folder = folder or CONTENT_DIR
    problems, phrases = [], []
    order = {code: n for n, code in enumerate(THEMES)}
    files = sorted(Path(folder).glob("*.toml")) if Path(folder).is_dir() else []
    loaded = []
    for path in files:
        named = FILE_NAME.match(path.name)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            problems.append(f"{path.name}: not valid TOML ({err})")
            continue
        theme = data.get("theme")
        if theme not in THEMES:
            problems.append(f"{path.name}: unknown theme {theme!r} (themes.py THEMES)")
            continue
        if not named or named.group(1) != theme:
            problems.append(f"{path.name}: the file of theme {theme!r} is named <nn>-{theme}.toml")
        loaded.append((order[theme], path.name, theme, data.get("phrase", [])))
    seen_ids, seen_nl = {}, {}
    for _, name, theme, entries in sorted(loaded):
        pattern = re.compile(rf"^{re.escape(theme)}\.{SLUG}$")
        for n, entry in enumerate(entries, 1):
            where = f"{name} phrase {n}"
            if not isinstance(entry, dict):
                problems.append(f"{where}: not a [[phrase]] table")
                continue
            unknown = set(entry) - KEYS
            if unknown:
                problems.append(f"{where}: unknown keys {sorted(unknown)}")
            pid, nl = entry.get("id", ""), (entry.get("nl") or "").strip()
            if not isinstance(pid, str) or not pattern.match(pid):
                problems.append(f"{where}: id {pid!r} is not {theme}.<slug> (lower case, digits, hyphens)")
            if not nl:
                problems.append(f"{where} ({pid}): no Dutch text (nl)")
            if entry.get("level") not in LEVELS:
                problems.append(f"{where} ({pid}): level {entry.get('level')!r} is not one of {', '.join(LEVELS)}")
            if "register" in entry and entry["register"] not in REGISTERS:
                problems.append(f"{where} ({pid}): register {entry['register']!r} is not je or u")
            if pid in seen_ids:
                problems.append(f"{where}: id {pid!r} also in {seen_ids[pid]}")
            if nl and nl in seen_nl:
                problems.append(f"{where} ({pid}): the Dutch {nl!r} also in {seen_nl[nl]}")
            seen_ids.setdefault(pid, where)
            seen_nl.setdefault(nl, where)
            phrase = {"id": pid, "nl": nl, "theme": theme, "level": entry.get("level")}
            if "register" in entry:
                phrase["register"] = entry["register"]
            phrase["note"] = (entry.get("note") or "").strip()
            phrases.append(phrase)
    if problems:
        raise ContentError(problems)
    return phrases


def template(phrases: list[dict]) -> Catalog:
    """Return the content domain's template: the theme labels, then every phrase."""
    pot = Catalog(project="Maatje", locale="nl", domain=DOMAIN, fuzzy=False)
    for code, label in THEMES.items():
        pot.add(label, None, auto_comments=[f"The name of a theme of phrases ({code})."], context=THEME_CONTEXT)
    for phrase in phrases:
        notes = [phrase["note"]] if phrase["note"] else []
        if phrase.get("register"):
            notes.append({"je": "Informal (je).", "u": "Formal (u)."}[phrase["register"]])
        notes.append(f"Level {phrase['level']}.")
        pot.add(phrase["nl"], None, auto_comments=notes, context=phrase["id"])
    return pot


def update(folder: Path | None = None) -> Catalog:
    """Write translations/content.pot and merge it into each language's content.po."""
    pot = template(load_phrases(folder))
    catalogs.TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    with open(catalogs.TRANSLATIONS / f"{DOMAIN}.pot", "wb") as f:
        write_po(f, pot, width=100)
    catalogs.update(pot, DOMAIN, CONTENT_LANGUAGES)
    return pot


def _translations(lang: str) -> dict:
    """Return {(context, msgid): (text, unreviewed)} of one language's content catalog."""
    found = {}
    for message in catalogs.load(lang, DOMAIN):
        if message.id and message.string and not message.fuzzy:
            found[(message.context, message.id)] = (message.string, catalogs.is_unreviewed(message))
    return found


def catalogue(lang: str, phrases: list[dict], tts_dir: Path | None = None) -> dict:
    """Return the phone's catalogue of one language (docs/phrases.md): themes and phrases, each
    with its translation (`t`, none for Dutch), `u: 1` for a machine draft, `tts` when the
    computer voice exists (the first 8 hex of its file's sha256: a new voice file is a new URL); `version` is the first 12 hex of the sha256 of the rest."""
    tts_dir = tts_dir or TTS_DIR
    found = {} if lang == "nl" else _translations(lang)
    themes = []
    for code, label in THEMES.items():
        text, unreviewed = found.get((THEME_CONTEXT, label), (label, False))
        themes.append({"code": code, "label": text, **({"unreviewed": True} if unreviewed else {})})
    rows = []
    for phrase in phrases:
        row = {key: phrase[key] for key in ("id", "nl", "theme", "level", "register") if key in phrase}
        if (phrase["id"], phrase["nl"]) in found:
            text, unreviewed = found[(phrase["id"], phrase["nl"])]
            row["t"] = text
            if unreviewed:
                row["u"] = 1
        voice = Path(tts_dir) / f"{phrase['id']}.ogg"
        if voice.exists():
            row["tts"] = hashlib.sha256(voice.read_bytes()).hexdigest()[:8]
        rows.append(row)
    body = {"lang": lang, "dir": "rtl" if lang in catalogs.RTL else "ltr", "themes": themes, "phrases": rows}
    body["version"] = hashlib.sha256(_dumps(body).encode()).hexdigest()[:12]
    return body


def _dumps(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def export_json(folder: Path | None = None, target: Path | None = None, tts_dir: Path | None = None) -> list[Path]:
    """Write pwa/public/content/<lang>.json (or into `target`) for every shipped language (the build step)."""
    phrases = load_phrases(folder)
    target = target or PUBLIC_DIR
    Path(target).mkdir(parents=True, exist_ok=True)
    written = []
    for lang in catalogs.LANGUAGES:
        path = Path(target) / f"{lang}.json"
        path.write_text(_dumps(catalogue(lang, phrases, tts_dir)), encoding="utf-8")
        written.append(path)
    return written


def gzipped_size(path: Path) -> int:
    """Return the size of a file once gzipped (what the phone downloads)."""
    return len(gzip.compress(Path(path).read_bytes(), compresslevel=9))
