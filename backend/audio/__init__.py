"""Recorded audio of phrases: clips a buddy or coordinator recorded (checked by content, at most
10 s, size-limited, stored in the database so any number of instances serve them), and the
computer voice made at build time with espeak-ng. docs/phrases.md, "Audio"."""
