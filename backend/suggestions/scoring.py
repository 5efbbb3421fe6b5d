"""How well a buddy suits a newcomer: a score in parts, each with the facts in words.

Pure functions over plain dataclasses (no database), so a ranking can be checked by hand.
`score()` scores one pair with its explanation; `score_matrix()` scores many newcomers against
many buddies at once with numpy (the same arithmetic in the same order, so its totals equal
`score()`'s exactly: tests/suggestions/test_scoring.py checks it on random input).

The parts and their points (the decisions, for the coordinator and the next developer):

- **language** (0-30): a shared language other than Dutch (a "home" language) gives 30: in the
  first months it is how the two explain things to each other. Dutch alone counts less, and
  less the less Dutch the newcomer speaks: A0 5, A1 10, A2 15, B1 20 (practising Dutch is a
  goal, but a pair with only Dutch and a newcomer at A0 cannot yet talk). Nothing shared: 0.
- **distance** (0-20): 20 in the same municipality, 20 * (1 - km / 30) between the centroids
  of the two municipalities (backend/orgs/geo.py), 0 from 30 km. Beyond `max_km` (default 30,
  the request's filter) the pair is NOT ADMISSIBLE (a hard filter: a weekly meeting must be
  feasible). An unknown municipality code: 0 points, admissible.
- **availability** (0-20): minutes per week both are available (weekly slots {day 0-6, start,
  end "HH:MM"}, overlapping slots of one side merged first), 1 point per 12 minutes up to
  4 hours.
- **interests** (0-12): 4 per shared interest, at most 3 counted.
- **capacity** (3-9): 3 per place the buddy has left (capacity minus open matches): a buddy
  with room gives the newcomer more attention.
- **mdt** (MDT buddies only; 0 or -20): a service period that ends within 182 days (about the
  80-hour programme at 3 hours a week) costs 20 points and is flagged (`flag`), so the
  coordinator sees it; an unknown end: 0, flagged too.
- **preference** (0): the newcomer's preferred buddy gender (preferences.buddy_gender) is a
  HARD FILTER, not points: such a wish is usually about safety or custom, and a coordinator
  who finds it negotiable edits the intake. A buddy who meets it gets this part (0 points,
  the sentence says it is met); one who does not (or whose gender is unknown) is not admissible.

Total = the sum of the parts; the order is total descending, then the buddy id (as text), so the
same input always gives the same order.
"""
import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple
from functools import cache, cached_property

import numpy as np
from babel.lists import format_list
from flask_babel import format_decimal, format_date, get_locale, lazy_gettext as _l, lazy_ngettext

from backend.catalogues.catalogue import GENDERS, INTERESTS, LANGUAGES
from backend.orgs import geo

DUTCH = "nl"
HOME_LANGUAGE_POINTS = 30
DUTCH_POINTS = {"A0": 5, "A1": 10, "A2": 15, "B1": 20}
DISTANCE_POINTS = 20
DISTANCE_ZERO_KM = 30  # distance points reach 0 here
DEFAULT_MAX_KM = 30  # beyond this a pair is not admissible (the request may change it)
MINUTES_PER_POINT = 12
MAX_OVERLAP_MINUTES = 240
INTEREST_POINTS = 4
MAX_INTERESTS = 3
CAPACITY_POINTS = 3
MDT_MIN_DAYS = 182
MDT_SHORT_POINTS = -20

# --- input ----------------------------------------------------------------------------------

class Slot(NamedTuple):
    day: int  # 0 Monday .. 6 Sunday
    start: int  # minutes after midnight
    end: int


def parse_slots(raw) -> tuple[Slot, ...]:
    """Turn stored availability [{day, start "HH:MM", end}] into merged Slots, sorted.

    Overlapping or touching slots of the same day become one, so overlap is never counted twice.
    Malformed entries are skipped (stored data is validated on the way in).
    """
    slots = []
    for item in raw or []:
        try:
            day, start, end = item["day"], item["start"], item["end"]
            day, start, end = int(day), int(start[:2]) * 60 + int(start[3:5]), int(end[:2]) * 60 + int(end[3:5])
        except (KeyError, TypeError, ValueError):
            continue
        if end > start:
            slots.append((day, start, end))
    if len(slots) == 1:
        return (Slot(*slots[0]),)
    merged: list[list[int]] = []
    for day, start, end in sorted(slots):
        if merged and merged[-1][0] == day and start <= merged[-1][2]:
            merged[-1][2] = max(merged[-1][2], end)
        else:
            merged.append([day, start, end])
    return tuple(Slot(*m) for m in merged)


@dataclass(frozen=True)
class Newcomer:
    id: object
    languages: frozenset = frozenset()
    dutch_level: str = "A0"
    municipality_code: str = ""
    interests: frozenset = frozenset()
    availability: tuple = ()  # merged Slots (parse_slots)
    buddy_gender: str | None = None  # preferences.buddy_gender


@dataclass(frozen=True)
class Buddy:
    id: object
    kind: str = "volunteer"
    gender: str | None = None
    languages: frozenset = frozenset()
    interests: frozenset = frozenset()
    availability: tuple = ()  # merged Slots (parse_slots)
    municipality_code: str = ""
    capacity_left: int = 1
    mdt_end: dt.date | None = None


# --- output ---------------------------------------------------------------------------------

@dataclass
class Part:
    code: str
    points: float
    text: object  # a lazy string: rendered in the reader's language when turned into str
    facts: dict = field(default_factory=dict)  # the raw facts (codes, km, minutes, dates)
    flag: bool = False  # something the coordinator should look at


@dataclass
class Score:
    buddy_id: object
    total: float
    parts: list
    admissible: bool = True
    blocked: list = field(default_factory=list)  # the hard filters that failed: "distance", "preference"

    def sort_key(self):
        return (-self.total, str(self.buddy_id))


class _Labels:
    """Catalogue labels joined as a list in the current language ("Arabisch en Engels")."""

    def __init__(self, catalogue, codes):
        self.catalogue, self.codes = catalogue, codes

    def __str__(self):
        labels = [str(self.catalogue.get(code, code)) for code in self.codes]
        return format_list(labels, locale=get_locale())


class _Number:
    """A number in the current language's notation (32,5 in Dutch), one decimal at most."""

    def __init__(self, value):
        self.value = value

    def __str__(self):
        return format_decimal(round(self.value, 1), format="#,##0.#")


class _Date:
    def __init__(self, value):
        self.value = value

    def __str__(self):
        return format_date(self.value, "long")


# --- the parts ------------------------------------------------------------------------------

@cache
def _distance_table():
    """Return (index of each code, matrix of km between every two municipalities).

    Computed once (haversine, as geo.distance_km, vectorised); both score() and score_row() read
    their distances from it, so the two paths use the very same floats.
    """
    points = geo.centroids()
    codes = sorted(points)
    index = {code: i for i, code in enumerate(codes)}
    lat, lon = (np.radians([points[code][k] for code in codes]) for k in (0, 1))
    h = (np.sin((lat[None, :] - lat[:, None]) / 2) ** 2
         + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[None, :] - lon[:, None]) / 2) ** 2)
    table = 2 * geo.EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    return index, table


def _km(code_a, code_b):
    index, table = _distance_table()
    if code_a not in index or code_b not in index:
        return None
    return float(table[index[code_a], index[code_b]])


def distance_points(km: float) -> float:
    return max(0.0, DISTANCE_POINTS * (1 - km / DISTANCE_ZERO_KM))


def overlap_minutes(a: tuple, b: tuple) -> int:
    """Minutes per week in both merged slot lists."""
    total = 0
    for x in a:
        for y in b:
            if x.day == y.day:
                total += max(0, min(x.end, y.end) - max(x.start, y.start))
    return total


def language_part(newcomer: Newcomer, buddy: Buddy) -> Part:
    shared = sorted(newcomer.languages & buddy.languages, key=lambda c: (c == DUTCH, c))
    home = [c for c in shared if c != DUTCH]
    if home:
        points = HOME_LANGUAGE_POINTS
    elif shared:
        points = DUTCH_POINTS.get(newcomer.dutch_level, 0)
    else:
        return Part("language", 0, _l("Geen gemeenschappelijke taal"), {"languages": []})
    # TRANSLATORS: why a buddy is suggested to a newcomer; %(languages)s is a list of language names.
    text = (_l("Spreken allebei %(languages)s", languages=_Labels(LANGUAGES, shared)) if home else
            _l("Spreken allebei alleen Nederlands (Nederlands van de nieuwkomer: %(level)s)",
               level=newcomer.dutch_level))
    return Part("language", points, text, {"languages": shared})


def distance_part(newcomer: Newcomer, buddy: Buddy) -> Part:
    km = _km(newcomer.municipality_code, buddy.municipality_code)
    if km is None:
        # TRANSLATORS: the distance between newcomer and buddy is unknown (a municipality code we do not know).
        return Part("distance", 0, _l("Afstand onbekend"), {"km": None})
    if newcomer.municipality_code == buddy.municipality_code:
        return Part("distance", distance_points(km), _l("Wonen in dezelfde gemeente"), {"km": 0.0})
    # TRANSLATORS: the distance between the newcomer's and the buddy's municipality.
    return Part("distance", distance_points(km), _l("%(km)s km uit elkaar", km=_Number(km)), {"km": km})


def availability_part(newcomer: Newcomer, buddy: Buddy) -> Part:
    minutes = overlap_minutes(newcomer.availability, buddy.availability)
    points = min(minutes, MAX_OVERLAP_MINUTES) / MINUTES_PER_POINT
    if minutes == 0:
        text = _l("Nooit tegelijk beschikbaar")
    elif minutes < 60:
        text = _l("Minder dan een uur per week samen beschikbaar")
    else:
        hours = minutes // 60
        # TRANSLATORS: hours per week in which both the newcomer and the buddy are available.
        text = lazy_ngettext("%(num)d uur per week samen beschikbaar", "%(num)d uur per week samen beschikbaar", hours)
    return Part("availability", points, text, {"minutes": minutes})


def interests_part(newcomer: Newcomer, buddy: Buddy) -> Part:
    shared = sorted(newcomer.interests & buddy.interests)
    points = INTEREST_POINTS * min(len(shared), MAX_INTERESTS)
    text = (_l("Delen interesse in %(interests)s", interests=_Labels(INTERESTS, shared)) if shared else
            _l("Geen gedeelde interesses"))
    return Part("interests", points, text, {"interests": shared})


def capacity_part(buddy: Buddy) -> Part:
    left = buddy.capacity_left
    # TRANSLATORS: how many more newcomers this buddy can take on.
    text = lazy_ngettext("Nog %(num)d plek vrij", "Nog %(num)d plekken vrij", left)
    return Part("capacity", CAPACITY_POINTS * left, text, {"places_left": left})


def mdt_points(kind: str, mdt_end: dt.date | None, today: dt.date) -> int:
    """The mdt part's points: -20 for an MDT service that ends within MDT_MIN_DAYS, else 0."""
    if kind != "mdt" or mdt_end is None:
        return 0
    return MDT_SHORT_POINTS if (mdt_end - today).days < MDT_MIN_DAYS else 0


def mdt_part(buddy: Buddy, today: dt.date) -> Part | None:
    if buddy.kind != "mdt":
        return None
    if buddy.mdt_end is None:
        return Part("mdt", 0, _l("Einde van de diensttijd onbekend"), {"mdt_end": None}, flag=True)
    if mdt_points(buddy.kind, buddy.mdt_end, today):
        text = _l("Diensttijd eindigt al op %(date)s: te kort voor het hele traject", date=_Date(buddy.mdt_end))
        return Part("mdt", MDT_SHORT_POINTS, text, {"mdt_end": buddy.mdt_end.isoformat()}, flag=True)
    text = _l("Diensttijd loopt tot %(date)s: lang genoeg", date=_Date(buddy.mdt_end))
    return Part("mdt", 0, text, {"mdt_end": buddy.mdt_end.isoformat()})


def preference_part(newcomer: Newcomer, buddy: Buddy) -> tuple[Part | None, bool]:
    """Return (the part, whether the preference is met). No preference: (None, True)."""
    wanted = newcomer.buddy_gender
    if not wanted:
        return None, True
    met = buddy.gender == wanted
    # TRANSLATORS: %(gender)s is the buddy gender the newcomer asked for ("Vrouw"); said of a suggested buddy.
    text = (_l("Voorkeur van de nieuwkomer: %(gender)s, en dat klopt", gender=_Labels(GENDERS, [wanted])) if met else
            _l("Voorkeur van de nieuwkomer: %(gender)s, en dat klopt niet", gender=_Labels(GENDERS, [wanted])))
    return Part("preference", 0, text, {"buddy_gender": wanted, "met": met}, flag=not met), met


def score(newcomer: Newcomer, buddy: Buddy, today: dt.date, max_km: float = DEFAULT_MAX_KM) -> Score:
    """Score one pair, with every part and whether it is admissible at all."""
    parts = [language_part(newcomer, buddy), distance_part(newcomer, buddy), availability_part(newcomer, buddy),
             interests_part(newcomer, buddy), capacity_part(buddy)]
    mdt = mdt_part(buddy, today)
    if mdt is not None:
        parts.append(mdt)
    blocked = []
    km = parts[1].facts["km"]
    if km is not None and km > max_km:
        blocked.append("distance")
    preference, met = preference_part(newcomer, buddy)
    if preference is not None:
        parts.append(preference)
        if not met:
            blocked.append("preference")
    total = 0.0
    for part in parts:
        total = total + part.points
    return Score(buddy.id, total, parts, admissible=not blocked, blocked=blocked)


def rank(newcomer: Newcomer, buddies, today: dt.date, max_km: float = DEFAULT_MAX_KM) -> list[Score]:
    """Return the admissible buddies' scores, best first (ties: buddy id as text)."""
    scores = [score(newcomer, b, today, max_km) for b in buddies]
    return sorted((s for s in scores if s.admissible), key=Score.sort_key)


# --- many pairs at once (numpy) -------------------------------------------------------------

class BuddyArrays:
    """The buddies' data as arrays, built once, for scoring many newcomers against them.

    Built from Buddy objects, or (faster, for thousands of rows) straight from columns
    (`from_columns`); `buddy(i)` gives back the Buddy of row i.
    """

    def __init__(self, buddies: list[Buddy], today: dt.date):
        self._setup(today, [b.id for b in buddies], [b.kind for b in buddies], [b.gender for b in buddies],
                    [b.languages for b in buddies], [b.interests for b in buddies],
                    [b.availability for b in buddies], [b.municipality_code for b in buddies],
                    [b.capacity_left for b in buddies], [b.mdt_end for b in buddies])

    @classmethod
    def from_columns(cls, today, ids, kinds, genders, languages, interests, availability, municipality_codes,
                     capacity_left, mdt_end, id_type=None) -> "BuddyArrays":
        """Build from one list per Buddy field (languages and interests as frozensets, availability as Slots).

        `id_type` turns an id of `ids` into the Buddy's id in buddy(i) (e.g. text into a UUID).
        """
        arrays = cls.__new__(cls)
        arrays.id_type = id_type
        arrays._setup(today, ids, kinds, genders, languages, interests, availability, municipality_codes,
                      capacity_left, mdt_end)
        return arrays

    def _setup(self, today, ids, kinds, genders, languages, interests, availability, codes, capacity_left, mdt_end):
        self.columns = (ids, kinds, genders, languages, interests, availability, codes, capacity_left, mdt_end)
        self.ids = ids
        n = len(ids)
        index, _ = _distance_table()
        self.place = np.array([index.get(code, -1) for code in codes], dtype=np.int64)
        self.genders = np.array([g or "" for g in genders], dtype=object)
        self.languages = self._sets(languages, n)  # code -> bool array over buddies
        self.interests = self._sets(interests, n)
        width = max(map(len, availability), default=0) or 1
        rows, cols, days, starts, ends = [], [], [], [], []
        for i, slots in enumerate(availability):
            for k, slot in enumerate(slots):
                rows.append(i)
                cols.append(k)
                days.append(slot.day)
                starts.append(slot.start)
                ends.append(slot.end)
        self.slot_day = np.full((n, width), -1, dtype=np.int64)
        self.slot_start = np.zeros((n, width), dtype=np.int64)
        self.slot_end = np.zeros((n, width), dtype=np.int64)
        self.slot_day[rows, cols], self.slot_start[rows, cols], self.slot_end[rows, cols] = days, starts, ends
        # The parts that depend on the buddy alone.
        self.capacity = CAPACITY_POINTS * np.array(capacity_left, dtype=np.float64)
        self.mdt = np.array([float(mdt_points(kind, end, today)) for kind, end in zip(kinds, mdt_end)])

    @staticmethod
    def _sets(sets, n) -> dict:
        members: dict = {}
        for i, codes in enumerate(sets):
            for code in codes:
                members.setdefault(code, []).append(i)
        out = {}
        for code, rows in members.items():
            out[code] = np.zeros(n, dtype=bool)
            out[code][rows] = True
        return out

    @cached_property
    def row(self) -> dict:
        """Return {buddy id: row index}."""
        return {uid: i for i, uid in enumerate(self.ids)}

    id_type = None

    def buddy(self, i) -> Buddy:
        """Return row i as a Buddy."""
        values = [column[i] for column in self.columns]
        if self.id_type is not None:
            values[0] = self.id_type(values[0])
        return Buddy(*values)

    def shared_count(self, table: dict, codes) -> np.ndarray:
        count = np.zeros(len(self.ids), dtype=np.int64)
        for code in codes:
            if code in table:
                count += table[code]
        return count


def score_row(newcomer: Newcomer, arrays: BuddyArrays, max_km: float = DEFAULT_MAX_KM):
    """Score one newcomer against every buddy: (totals, admissible), arrays over the buddies.

    The same arithmetic as score(), part by part in the same order.
    """
    n = len(arrays.ids)
    # language
    home = arrays.shared_count(arrays.languages, [c for c in newcomer.languages if c != DUTCH]) > 0
    dutch = arrays.languages.get(DUTCH, np.zeros(n, dtype=bool)) if DUTCH in newcomer.languages else np.zeros(n, dtype=bool)
    language = np.where(home, float(HOME_LANGUAGE_POINTS),
                        np.where(dutch, float(DUTCH_POINTS.get(newcomer.dutch_level, 0)), 0.0))
    # distance
    index, table = _distance_table()
    place = index.get(newcomer.municipality_code, -1)
    known = arrays.place >= 0
    if place >= 0:
        km = np.where(known, table[place][np.where(known, arrays.place, 0)], np.nan)
    else:
        km = np.full(n, np.nan)
    distance = np.where(np.isnan(km), 0.0, np.maximum(0.0, DISTANCE_POINTS * (1 - np.nan_to_num(km) / DISTANCE_ZERO_KM)))
    # availability
    minutes = np.zeros(n, dtype=np.int64)
    for s in newcomer.availability:
        overlap = np.minimum(arrays.slot_end, s.end) - np.maximum(arrays.slot_start, s.start)
        minutes += np.where(arrays.slot_day == s.day, np.maximum(overlap, 0), 0).sum(axis=1)
    availability = np.minimum(minutes, MAX_OVERLAP_MINUTES) / MINUTES_PER_POINT
    # interests
    interests = (INTEREST_POINTS * np.minimum(arrays.shared_count(arrays.interests, newcomer.interests),
                                               MAX_INTERESTS)).astype(np.float64)
    total = 0.0 + language + distance + availability + interests + arrays.capacity + arrays.mdt
    admissible = ~(~np.isnan(km) & (np.nan_to_num(km) > max_km))
    if newcomer.buddy_gender:
        admissible &= arrays.genders == newcomer.buddy_gender
    return total, admissible


def score_matrix(newcomers: list[Newcomer], arrays: BuddyArrays, max_km: float = DEFAULT_MAX_KM):
    """Score every newcomer against every buddy: (totals, admissible), shape (newcomers, buddies)."""
    n = len(arrays.ids)
    totals = np.zeros((len(newcomers), n))
    admissible = np.zeros((len(newcomers), n), dtype=bool)
    for i, newcomer in enumerate(newcomers):
        totals[i], admissible[i] = score_row(newcomer, arrays, max_km)
    return totals, admissible
