"""Cross-cutting web pieces: health, API docs UI, the PWA server and request guards."""
