"""Reminders 24 hours and 1 hour before a confirmed meeting: `flask --app backend reminders` (docs/reminders.md)."""
