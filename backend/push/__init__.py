"""Web Push: VAPID keys, each device's subscription, sending (docs/reminders.md)."""
