"""What the OpenAPI spec says beyond each view's own decorators: the login, errors, sync mutations.

document() runs once every blueprint and every feature's sync module is registered, and reads
the views themselves (their decorators, path and body) and the sync registry, so a new route
or mutation is documented without work of its own.
"""
import copy
from http import HTTPStatus

from flask_smorest.spec.plugins import FlaskPlugin

from backend.sync import registry
from backend.sync.schemas import MutationSchema

SESSION, CSRF = "sessionCookie", "csrfToken"  # the security scheme names
CSRF_HEADER = "X-CSRF-Token"
UNSAFE = {"post", "put", "patch", "delete"}
# A view wrapped by one of these answers 401 without a login (matched by the wrapper's name,
# so that the check needs no import of the feature that defines it).
LOGIN_DECORATORS = {"login_required", "claim_required"}
LIMITER_MARK = "__wrapper-limiter-instance"  # set by flask-limiter on every limit() wrapper

# When each error can happen: the description of its response.
ERRORS = {
    400: "The body is not well-formed JSON.",
    401: "Not logged in, or the session has ended (logged out, revoked, idle too long).",
    403: f"The {CSRF_HEADER} header is missing or wrong, or the action is not allowed.",
    404: "Nothing with this id, or nothing the logged-in user may see.",
    409: "This clashes with another change.",
    412: "Someone changed this in the meantime (If-Match is outdated): load it again.",
    413: "The body is too large.",
    415: "The body is not sent as application/json.",
    422: "Some fields are invalid; `errors` says which, translated.",
    426: "The app is older than this server supports (schema_version): reload the app.",
    428: "This request must say which version it changes (If-Match).",
    429: "Too many attempts; wait as long as Retry-After says.",
    503: "The database is not answering; try again later (nothing was changed).",
}
# Errors of every route of a blueprint that its views cannot show (409, 412 and 428 come from
# the views: @bp.alt_response(409, response="ErrorConflict"), @bp.etag).
BLUEPRINT_ERRORS = {"sync": {426}}  # both check the client's schema_version
PUSH = ("/api/sync/push", "post")  # its body lists the mutations (DESIGN section 6)
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}


def document(app, spec, converter):
    """Complete the spec of `app`; `converter` turns marshmallow schemas into OpenAPI ones."""
    _security_schemes(app, spec)
    _error_responses(spec)
    for rule in app.url_map.iter_rules():
        # apispec keeps its paths here; they are complete once the blueprints are registered.
        operations = spec._paths.get(FlaskPlugin.flaskpath2openapi(rule.rule), {})
        view = app.view_functions[rule.endpoint]
        for method, operation in operations.items():
            if method in ("get", "put", "post", "patch", "delete"):
                _document_operation(operation, method, rule, view, spec)
    _document_mutations(spec, converter)


def _security_schemes(app, spec):
    spec.components.security_scheme(SESSION, {
        "type": "apiKey", "in": "cookie", "name": app.config["SESSION_COOKIE_NAME"],
        "description": "The session cookie that `POST /api/auth/login` sets (HttpOnly: the browser "
                       "sends it by itself; other clients keep and send it back).",
    })
    spec.components.security_scheme(CSRF, {
        "type": "apiKey", "in": "header", "name": CSRF_HEADER,
        "description": "The `csrf_token` of the answer of `POST /api/auth/login` or `GET /api/auth/me`. "
                       "Every POST, PUT, PATCH and DELETE of a logged-in session must carry it.",
    })


def _error_responses(spec):
    """Describe the one error shape and register one response per error status."""
    error = spec.components.schemas["Error"]  # flask-smorest's: code, status, message, errors
    error["description"] = "The one error shape of the API; `message` is in the user's language."
    error["required"] = ["code", "status", "message"]
    error.setdefault("properties", {})["errors_omitted"] = {
        "type": "integer", "description": "How many field errors were left out (at most 20 are listed)"}
    for code, description in ERRORS.items():
        response = {"description": description,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        if code in (429, 503):
            response["headers"] = RETRY_AFTER
        spec.components.response(_response_id(code), response)


def _response_id(code: int) -> str:
    return "Error" + HTTPStatus(code).phrase.title().replace(" ", "").replace("-", "")


def _document_operation(operation, method, rule, view, spec):
    """Add the security and the error responses this operation can give."""
    wrappers = _wrappers(view) + _wrappers(getattr(getattr(view, "view_class", None), method, None))
    needs_login = any(_decorator_name(f) in LOGIN_DECORATORS for f in wrappers)
    has_body = "requestBody" in operation
    codes = {503} | BLUEPRINT_ERRORS.get(rule.endpoint.split(".")[0], set())  # 503: every route reads the database
    if needs_login:
        codes.add(401)
        operation["security"] = [{SESSION: [], CSRF: []} if method in UNSAFE else {SESSION: []}]
        if method in UNSAFE:
            codes.add(403)
    if rule.arguments:
        codes.add(404)
    if has_body:
        codes |= {400, 413, 415, 422}
    if any(p.get("in") == "query" for p in operation.get("parameters", ())):
        codes.add(422)
    if any(hasattr(f, LIMITER_MARK) for f in wrappers):
        codes.add(429)
    responses = operation.setdefault("responses", {})
    codes |= {int(code) for code in responses if code.isdigit() and int(code) in ERRORS}
    for code in sorted(codes):
        # A route's own description of this status (an alt_response) wins over ours, which
        # replace flask-smorest's bare defaults ("Unprocessable Entity").
        if str(code) not in responses or responses[str(code)].get("$ref", "").endswith(HTTPStatus(code).name):
            responses[str(code)] = spec.components.get_ref("response", _response_id(code))


def _wrappers(fn) -> list:
    """Return fn and every function it wraps (functools.wraps leaves __wrapped__)."""
    chain = []
    while fn is not None and len(chain) < 50:
        chain.append(fn)
        fn = getattr(fn, "__wrapped__", None)
    return chain


def _decorator_name(fn) -> str:
    """Return the decorator that made this wrapper ('login_required' for its decorated_view)."""
    code = getattr(fn, "__code__", None)  # wraps() copies __qualname__, but not the code's own
    return code.co_qualname.split(".<locals>")[0] if code and ".<locals>." in code.co_qualname else ""


def _document_mutations(spec, converter):
    """Name each registered mutation's arguments (<Name>Args); the push's items pick one by name."""
    if not registry.MUTATIONS:
        return
    generic = converter.schema2jsonschema(MutationSchema)
    variants, mapping = [], {}
    for name, mutation in sorted(registry.MUTATIONS.items()):
        title = "".join(part.capitalize() for part in name.replace("_", ".").split("."))
        args = converter.schema2jsonschema(mutation.schema)
        args["description"] = f"The arguments of the sync mutation `{name}`."
        spec.components.schema(f"{title}Args", args)
        variant = copy.deepcopy(generic)
        variant["description"] = f"The sync mutation `{name}`."
        variant["properties"]["name"] = {"type": "string", "enum": [name]}
        variant["properties"]["args"] = {"$ref": f"#/components/schemas/{title}Args"}
        spec.components.schema(f"{title}Mutation", variant)
        variants.append({"$ref": f"#/components/schemas/{title}Mutation"})
        mapping[name] = f"#/components/schemas/{title}Mutation"
    # Replaces the component flask-smorest may have made of MutationSchema.
    spec.components.schemas["Mutation"] = {
        "description": "One mutation: `name` picks the schema of `args`. An unknown name or args that "
                       "do not fit get a rejected result (unknown_mutation, invalid_args), not an error.",
        "oneOf": variants,
        "discriminator": {"propertyName": "name", "mapping": mapping},
    }
    path, method = PUSH
    body = spec._paths[path][method]["requestBody"]["content"]["application/json"]["schema"]
    push = spec.components.schemas[body["$ref"].rsplit("/", 1)[1]] if "$ref" in body else body
    # Whatever the push schema checks itself (a list of Nested or of any objects), say what goes in.
    push["properties"]["mutations"]["items"] = {"$ref": "#/components/schemas/Mutation"}
