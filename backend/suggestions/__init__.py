"""Suggestions: ranked, explained buddies for a newcomer, and the waiting-list proposal."""
