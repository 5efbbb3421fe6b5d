"""The one sync mechanism: push (mutations), pull (change feed), scopes and the ledger.

Two layers, so that features and the engine never import each other in a circle
(tests/sync/test_layering.py checks it):

- The base: every module here except push, pull and routes (registry, changes, scopes,
  models, clients, cursor, schemas, maintenance). Features import it: `registry` to register
  mutations and scope providers, `changes` to record_put / record_del inside their own
  transaction, `scopes` to require a scope in a mutation. The base imports no feature, not even
  inside a function, and not the engine.
- The engine: push, pull and routes. They may import the two features sync itself stands on,
  accounts (who is syncing: the user, the session) and notices (where a rejection goes);
  every other feature reaches them only through the registry, filled by each feature's
  backend/<feature>/sync.py, which create_app loads in register_sync(). No feature imports
  the engine.

See docs/sync.md.
"""
