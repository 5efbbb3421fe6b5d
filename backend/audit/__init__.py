"""Audit: who read whose personal data (DESIGN section 9), visible to the branch."""
