"""Meetings of a pair: proposed time slots, one chosen, rescheduled, cancelled or held (docs/meetings.md)."""
