"""How Maatje names a person to someone else: by first name only (a notice, a reminder, a voice)."""


def first_name(name: str | None) -> str:
    """Return the first word of a display name ("" for none)."""
    parts = (name or "").split()
    return parts[0] if parts else ""
