"""Shared activities of a pair, in the three domains of reciprocity (docs/meetings.md)."""
