"""The one sync mechanism: push (mutations), pull (change feed), scopes and the ledger.

A feature plugs in through backend.sync.registry (entities, mutations, scope providers)
and backend.sync.changes (record_put / record_del inside its own transaction).
See docs/sync.md.
"""
