"""Performance benchmarks of the sync engine (not part of the test suite; see bench/README.md)."""
