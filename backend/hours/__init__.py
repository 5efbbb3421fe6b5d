"""MDT hours: the time a buddy spent with their newcomers, against the 80-hour target (docs/meetings.md)."""
