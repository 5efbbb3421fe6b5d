"""The OpenAPI spec tells other organisations' developers how to log in, what can go wrong,
which values are allowed and what each sync mutation takes."""
import re
import uuid

import marshmallow as ma
import pytest
from openapi_spec_validator import validate

from backend import create_app
from backend.accounts.models import ROLES
from backend.config import TestConfig
from backend.extensions import db
from backend.sync import registry

METHODS = ("get", "put", "post", "patch", "delete")


@pytest.fixture
def spec(client):
    return client.get("/api/openapi.json").json


def resolve(spec, node):
    """Follow a $ref inside the spec."""
    while "$ref" in node:
        section, kind, name = node["$ref"].lstrip("#/").split("/")
        node = spec[section][kind][name]
    return node


def error_schema(spec, operation, code):
    return resolve(spec, operation["responses"][str(code)])["content"]["application/json"]["schema"]


def operations(spec):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def test_the_spec_is_valid_openapi_3(spec):
    assert spec["openapi"].startswith("3.")
    validate(spec)


def test_the_login_is_documented_as_two_security_schemes(app, spec):
    schemes = spec["components"]["securitySchemes"]
    assert schemes["sessionCookie"] == {**schemes["sessionCookie"], "type": "apiKey", "in": "cookie",
                                        "name": app.config["SESSION_COOKIE_NAME"]}
    assert schemes["csrfToken"] == {**schemes["csrfToken"], "type": "apiKey", "in": "header", "name": "X-CSRF-Token"}
    assert "/api/auth/login" in schemes["csrfToken"]["description"]
    me = spec["paths"]["/api/auth/me"]
    assert me["get"]["security"] == [{"sessionCookie": []}]
    assert me["patch"]["security"] == [{"sessionCookie": [], "csrfToken": []}]
    assert "security" not in spec["paths"]["/api/auth/login"]["post"]
    assert "security" not in spec["paths"]["/api/health"]["get"]


def example_url(spec, path, operation):
    """Fill the path's parameters with values their converters accept (a uuid for a uuid)."""
    params = spec["paths"][path].get("parameters", []) + operation.get("parameters", [])
    examples = {"uuid": str(uuid.uuid4()), "integer": "1"}
    kinds = {p["name"]: p["schema"].get("format") or p["schema"].get("type") for p in params if p.get("in") == "path"}
    return re.sub(r"\{(\w+)\}", lambda m: examples.get(kinds.get(m[1]), "x"), path)


def test_the_security_documented_is_the_security_applied(client, spec):
    """Anonymous, exactly the operations documented with a login answer 401."""
    for path, method, operation in operations(spec):
        url = example_url(spec, path, operation)
        response = client.open(url, method=method.upper(), json={} if method != "get" else None)
        assert (response.status_code == 401) == ("security" in operation), (method, path, response.status_code)


def test_errors_are_documented_where_they_can_happen(spec):
    me, login = spec["paths"]["/api/auth/me"], spec["paths"]["/api/auth/login"]["post"]
    assert error_schema(spec, me["get"], 401) == {"$ref": "#/components/schemas/Error"}
    assert {"401", "403", "400", "413", "415", "422", "503"} <= set(me["patch"]["responses"])
    assert "403" not in me["get"]["responses"] and "413" not in me["get"]["responses"]
    assert {"429", "422", "415", "503"} <= set(login["responses"]) and "401" not in login["responses"]
    assert "429" not in me["patch"]["responses"]
    assert "Retry-After" in resolve(spec, login["responses"]["429"])["headers"]
    assert "404" in spec["paths"]["/api/orgs/{code}"]["get"]["responses"]
    assert "404" not in spec["paths"]["/api/orgs"]["get"]["responses"]
    assert "422" in spec["paths"]["/api/orgs"]["get"]["responses"]  # query arguments
    assert "426" in spec["paths"]["/api/sync/push"]["post"]["responses"]  # an app too old for the server
    for path, method, operation in operations(spec):
        assert error_schema(spec, operation, 503) == {"$ref": "#/components/schemas/Error"}, (method, path)
    error = spec["components"]["schemas"]["Error"]
    assert set(error["properties"]) == {"code", "status", "message", "errors", "errors_omitted"}


def test_allowed_values_are_enums(app, spec):
    schemas = spec["components"]["schemas"]
    assert schemas["ProfileUpdate"]["properties"]["locale"]["enum"] == app.config["LANGUAGES"]
    assert schemas["User"]["properties"]["locale"]["enum"] == app.config["LANGUAGES"]
    assert schemas["User"]["properties"]["roles"]["items"]["enum"] == list(ROLES)
    assert schemas["PushResult"]["properties"]["status"]["enum"] == ["applied", "duplicate", "rejected"]


def test_each_sync_mutation_has_its_named_arguments(spec):
    schemas = spec["components"]["schemas"]
    item = resolve(spec, spec["components"]["schemas"]["Push"]["properties"]["mutations"]["items"])
    assert item["discriminator"]["mapping"]["profile.update"] == "#/components/schemas/ProfileUpdateMutation"
    assert {"$ref": "#/components/schemas/ProfileUpdateMutation"} in item["oneOf"]
    mutation = schemas["ProfileUpdateMutation"]
    assert mutation["properties"]["name"]["enum"] == ["profile.update"]
    assert mutation["properties"]["args"] == {"$ref": "#/components/schemas/ProfileUpdateArgs"}
    # Derived from the registry's schema: the same fields and rules as the profile route's.
    assert schemas["ProfileUpdateArgs"]["properties"] == schemas["ProfileUpdate"]["properties"]
    assert "profile.update" in schemas["ProfileUpdateArgs"]["description"]


class EchoSchema(ma.Schema):
    word = ma.fields.String(required=True, validate=ma.validate.OneOf(["hallo", "dag"]))


def test_a_newly_registered_mutation_appears_without_more_work(app):
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]

    def spec_of_a_fresh_app():
        fresh = create_app(Config)
        try:
            return fresh.test_client().get("/api/openapi.json").json
        finally:
            with fresh.app_context():
                db.engine.dispose()  # close its connections now, not when the collector finds them

    registry.mutation("test_echo.say", EchoSchema())(lambda user, args: args)
    try:
        spec = spec_of_a_fresh_app()
    finally:
        del registry.MUTATIONS["test_echo.say"]  # the registry is module-global
        spec_of_a_fresh_app()  # and so is the spec: rebuild it without the throw-away mutation
    validate(spec)
    schemas = spec["components"]["schemas"]
    assert schemas["TestEchoSayArgs"]["properties"]["word"]["enum"] == ["hallo", "dag"]
    assert schemas["TestEchoSayArgs"]["required"] == ["word"]
    assert schemas["Mutation"]["discriminator"]["mapping"]["test_echo.say"] == "#/components/schemas/TestEchoSayMutation"
    assert "ProfileUpdateArgs" in schemas


def test_the_docs_page_sends_the_csrf_token_it_gets(client, spec):
    script = client.get("/api/docs/init.js").get_data(as_text=True)
    assert 'preauthorizeApiKey("csrfToken"' in script and "csrfToken" in spec["components"]["securitySchemes"]
