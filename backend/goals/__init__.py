"""Goals of a pair in the three domains, with steps or a progress level (docs/meetings.md)."""
