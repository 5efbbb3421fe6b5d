"""A tiny sync client for tests: push and pull through the HTTP API like the PWA does.

Every pull answer it receives is checked against the published OpenAPI spec (item 9 of
issue 7): the pull writes its JSON by hand for speed, so the spec could drift otherwise.
"""
import uuid

import jsonschema

_validators = {}


def spec_validator(client, component: str):
    """Return a JSON Schema validator for one component of the app's /api/openapi.json."""
    if component not in _validators:
        spec = client.get("/api/openapi.json").json
        schema = {"$ref": f"#/components/schemas/{component}", "components": spec["components"]}
        _validators[component] = jsonschema.Draft7Validator(schema)
    return _validators[component]


def assert_documented(client, component: str, body) -> None:
    """Fail with every difference between `body` and the spec's schema `component`."""
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in spec_validator(client, component).iter_errors(body)]
    assert errors == [], errors


class Device:
    """One device of one user: its client id, next mid, cursor and a replica of base rows."""

    def __init__(self, auth, client_id=None):
        self.auth = auth
        self.client_id = str(client_id or uuid.uuid4())
        self.next_mid = 1
        self.cursor = None
        self.rows = {}  # (entity, id) -> {"scope", "data"}
        self.last_mutation_id = 0

    def mutation(self, name, **args):
        mutation = {"mid": self.next_mid, "name": name, "args": args}
        self.next_mid += 1
        return mutation

    def push(self, *mutations, schema_version=1):
        return self.auth.post("/api/sync/push", json={
            "client_id": self.client_id, "schema_version": schema_version, "mutations": list(mutations)})

    def pull_page(self, limit=500, schema_version=1):
        response = self.auth.post("/api/sync/pull", json={
            "client_id": self.client_id, "schema_version": schema_version, "cursor": self.cursor, "limit": limit})
        if response.status_code == 200:
            assert_documented(self.auth._client, "PullResponse", response.json)
        return response

    def apply(self, body):
        if body["reset"]:
            self.rows.clear()
        for scope in body["drop_scope"]:
            self.rows = {k: v for k, v in self.rows.items() if v["scope"] != scope}
        for change in body["changes"]:
            key = (change["entity"], change["id"])
            if change["op"] == "put":
                self.rows[key] = {"scope": change["scope"], "data": change["data"]}
            else:
                self.rows.pop(key, None)
        self.cursor = body["cursor"]
        self.last_mutation_id = body["last_mutation_id"]

    def pull(self, limit=500):
        """Pull until up to date; return the pages' bodies."""
        pages = []
        for _ in range(10_000):  # bounded: a cursor that never advances must fail, not hang
            response = self.pull_page(limit)
            assert response.status_code == 200, response.json
            self.apply(response.json)
            pages.append(response.json)
            if not response.json["has_more"]:
                return pages
        raise AssertionError("pull never finished")

    def entities(self, entity):
        return {k[1]: v["data"] for k, v in self.rows.items() if k[0] == entity}


def expire_one_tombstone(app, user_id) -> None:
    """Write and delete a row in the user's scope, then clean tombstones up past it: every
    cursor handed out before now is older than the horizon and must reset."""
    import sqlalchemy as sa

    from backend.extensions import db
    from backend.sync import changes
    from backend.sync.maintenance import cleanup
    from backend.sync.models import SyncChange

    with app.app_context():
        changes.record_put("note", "n1", f"user:{user_id}", {})
        db.session.commit()
        changes.record_del("note", "n1", f"user:{user_id}")
        db.session.commit()
        db.session.execute(sa.update(SyncChange).values(changed_at=sa.func.current_timestamp()))
        assert cleanup(days=-1)["tombstones"] == 1
