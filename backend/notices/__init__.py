"""Notices: messages to one user (a rejected offline change, later reminders and alerts)."""
