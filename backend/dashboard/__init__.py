"""The coordinator's dashboard: what waits for them, or counts per branch for provinces and the nation."""
