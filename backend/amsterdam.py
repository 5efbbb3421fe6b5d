"""Europe/Amsterdam: the time zone every day and time of Maatje is shown and counted in.

Times are stored in UTC; a "day" (today's practice, a day's limit of clips or activities, a
meeting's date) is the calendar day in Amsterdam, whatever the server's or the phone's zone.
"""
import datetime as dt
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = dt.timezone.utc


def amsterdam_day(moment: dt.datetime) -> dt.date:
    """Return the calendar day in Amsterdam of a moment."""
    return moment.astimezone(AMSTERDAM).date()


def start_of(day: dt.date) -> dt.datetime:
    """Return the UTC moment at which `day` begins in Amsterdam (23 or 25 hours before the next
    on the days the clocks change)."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=AMSTERDAM).astimezone(UTC)


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Return [start, end) of an Amsterdam day in UTC."""
    return start_of(day), start_of(day + dt.timedelta(days=1))
