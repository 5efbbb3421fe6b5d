"""A private iCalendar feed per user and a .ics file per meeting (docs/meetings.md)."""
