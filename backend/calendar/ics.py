"""Meetings as iCalendar (RFC 5545), written with the `icalendar` package.

A calendar is the VCALENDAR head (with the VTIMEZONE of Europe/Amsterdam) and one VEVENT per
meeting. Each VEVENT is serialized by icalendar on its own (0.2-2 ms each: a feed of 500 meetings
written from scratch costs 150-400 ms). So a written VEVENT is kept twice, under its key
(event_key: a SHA-256 of everything it shows: the meeting's columns, the partner's name, the
language and its translations, the app's address, FORMAT and icalendar's version): in the table
calendar_events (written when a meeting changes, and by the feed for what it had to write), which
every process reads, and in a small per-process cache. The cache holds no more than the database
already does (bench/calendar_feed.py).

Times are written with TZID=Europe/Amsterdam (the time zone the pair plans in, whatever the
phone's), so a meeting at 10:00 stays at 10:00 on the days the clocks change.
"""
import datetime as dt
import functools
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from flask import current_app
from flask_babel import force_locale, gettext as _

# Raise when what an event or a feed looks like changes (a new property, other words): every stored
# VEVENT and every poller's cached copy is then out of date although no meeting changed.
FORMAT = 1
AMSTERDAM = "Europe/Amsterdam"
TZ = ZoneInfo(AMSTERDAM)
PRODID = "-//Maatje//Maatje agenda//NL"
CALENDAR_NAME = "Maatje"
# Calendar apps that honour it poll at most this often (RFC 7986 REFRESH-INTERVAL, Outlook's TTL).
REFRESH = dt.timedelta(hours=1)
EVENT_CACHE_SIZE = 20_000  # serialized VEVENTs: about half a kilobyte each
END = b"END:VCALENDAR\r\n"

# The STATUS of a meeting's event (RFC 5545 3.8.1.11).
STATUS = {"proposed": "TENTATIVE", "confirmed": "CONFIRMED", "held": "CONFIRMED", "declined": "CANCELLED",
          "cancelled": "CANCELLED"}


@dataclass(frozen=True)
class EventRow:
    """What one VEVENT shows of a meeting: no notes, no reasons (docs/meetings.md, "Calendar")."""

    id: uuid.UUID
    match_id: uuid.UUID
    status: str
    sequence: int
    starts_at: dt.datetime
    minutes: int
    place: str
    video_url: str
    updated_at: dt.datetime
    partner: str  # the other person's display name


def timezone() -> icalendar.Timezone:
    """The VTIMEZONE of Europe/Amsterdam: the EU rule (since 1996), as libical and the big calendar
    apps write it. The clocks go forward at 02:00 on the last Sunday of March and back at 03:00 on
    the last Sunday of October (local times, read with TZOFFSETFROM)."""
    tz = icalendar.Timezone()
    tz.add("tzid", AMSTERDAM)
    tz.add("x-lic-location", AMSTERDAM)
    for kind, name, start, month, before, after in (
        (icalendar.TimezoneDaylight, "CEST", dt.datetime(1970, 3, 29, 2), 3, 1, 2),
        (icalendar.TimezoneStandard, "CET", dt.datetime(1970, 10, 25, 3), 10, 2, 1),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


@functools.cache
def _head(published: bool) -> bytes:
    """The VCALENDAR's properties and its VTIMEZONE, written once per process."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if published:  # the subscribed feed: its name and how often to look again
        cal.add("x-wr-calname", CALENDAR_NAME)
        cal.add("x-wr-timezone", AMSTERDAM)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    cal.add_component(timezone())
    text = cal.to_ical(sorted=False)
    assert text.endswith(END)
    return text[: -len(END)]


def calendar(rows, locale: str, base_url: str, published: bool = True) -> bytes:
    """Return the VCALENDAR of these meetings, in `locale`, with links to the app at `base_url`."""
    return assemble([_event(row, locale, base_url) for row in rows], published)


def assemble(events: list[bytes], published: bool = True) -> bytes:
    """Return the VCALENDAR around these written VEVENTs."""
    return b"".join((_head(published), *events, END))


@functools.cache
def _catalog(directories: str, locale: str) -> str:
    """The SHA-256 of the compiled translations of `locale` this process reads: a deploy with other
    words makes every stored event of that language out of date."""
    digest = hashlib.sha256()
    for directory in directories.split(";"):
        try:
            with open(os.path.join(directory, locale, "LC_MESSAGES", "messages.mo"), "rb") as mo:
                digest.update(mo.read())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


def _utc(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.timezone.utc).isoformat() if value is not None else None


@functools.lru_cache(maxsize=64)
def _key_head(fmt: int, directories: str, locale: str, base_url: str):
    """The SHA-256 state of what all events of one feed share: the format, icalendar's version,
    the language and its translations, the app's address (hashed once, copied per event)."""
    shared = (fmt, icalendar.__version__, _catalog(directories, locale), locale, base_url)
    return hashlib.sha256(json.dumps(shared, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def event_key(row: EventRow, locale: str, base_url: str) -> str:
    """The SHA-256 (hex) of everything the VEVENT of `row` shows: equal keys, equal text."""
    digest = _key_head(FORMAT, current_app.config["BABEL_TRANSLATION_DIRECTORIES"], locale, base_url).copy()
    parts = (str(row.id), str(row.match_id), row.status, row.sequence, _utc(row.starts_at), row.minutes, row.place,
             row.video_url, _utc(row.updated_at), row.partner)
    digest.update(json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@functools.lru_cache(maxsize=EVENT_CACHE_SIZE)
def _event(row: EventRow, locale: str, base_url: str) -> bytes:
    """One VEVENT, written by icalendar (escaping, folding at 75 octets, CRLF)."""
    start = row.starts_at.astimezone(TZ)
    event = icalendar.Event()
    event.add("uid", f"{row.id}@maatje")
    event.add("sequence", row.sequence)
    event.add("dtstamp", row.updated_at.astimezone(dt.timezone.utc))
    event.add("last-modified", row.updated_at.astimezone(dt.timezone.utc))
    event.add("dtstart", start)
    # Added in UTC, then shown in Amsterdam: wall-clock arithmetic would be an hour off across a clock change.
    event.add("dtend", (row.starts_at + dt.timedelta(minutes=row.minutes or 60)).astimezone(TZ))
    event.add("status", STATUS.get(row.status, "CONFIRMED"))
    # Hidden from whoever the calendar is shared with (a colleague sees "busy").
    event.add("class", "PRIVATE")
    link = f"{base_url.rstrip('/')}/maatje/{row.match_id}/afspraak/{row.id}"
    with force_locale(locale):
        # TRANSLATORS: the title of a meeting in the user's own calendar app; name: the other person.
        event.add("summary", _("Afspraak met %(name)s", name=row.partner))
        lines = [_("Bekijk of wijzig deze afspraak in Maatje: %(link)s", link=link)]
        if row.video_url:
            # TRANSLATORS: in a calendar event, followed by the link to the video call.
            lines.append(_("Videogesprek: %(link)s", link=row.video_url))
    event.add("description", "\n".join(lines))
    if row.place:
        event.add("location", row.place)
    if row.video_url:
        event.add("url", row.video_url)
    return event.to_ical(sorted=False)
