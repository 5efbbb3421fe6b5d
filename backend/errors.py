"""The one error shape of the API: {"code", "status", "message", "errors"}, message translated.

Every failure goes through handle_error: AppError subclasses raised by services,
HTTPExceptions from Flask/werkzeug/webargs (404, 413, 422 ...) and anything unexpected (500).
"""
import sqlalchemy as sa
from flask import current_app, has_request_context, jsonify, request
from flask_babel import force_locale, gettext, lazy_gettext as _l
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from backend.extensions import db

# Default message per status; a raised error may carry a more precise one.
DEFAULT_MESSAGES = {
    400: _l("Het verzoek is niet goed opgebouwd."),
    401: _l("Log eerst in."),
    403: _l("Dat mag je niet doen."),
    # TRANSLATORS: error message: what was asked for does not exist (or is not yours to see).
    404: _l("Niet gevonden."),
    405: _l("Deze actie bestaat hier niet."),
    409: _l("Dit botst met een andere wijziging."),
    412: _l("Iemand anders heeft dit intussen gewijzigd. Laad opnieuw."),
    413: _l("Het verzoek is te groot."),
    415: _l("Stuur de gegevens als JSON (Content-Type: application/json)."),
    422: _l("Sommige velden kloppen niet."),
    426: _l("Deze versie van de app is te oud. Laad de app opnieuw."),
    428: _l("Dit verzoek moet aangeven welke versie je wijzigt (If-Match)."),
    429: _l("Te veel pogingen. Wacht even en probeer het opnieuw."),
    500: _l("Er ging iets mis aan onze kant. Probeer het later opnieuw."),
    503: _l("De dienst is even niet bereikbaar. Je wijzigingen blijven bewaard."),
}

# marshmallow/webargs messages are English and fixed; map them to translated text.
FIELD_MESSAGES = {
    "Missing data for required field.": _l("Dit veld is verplicht."),
    "Unknown field.": _l("Dit veld kennen we niet."),
    "Field may not be null.": _l("Dit veld mag niet leeg zijn."),
    "Not a valid string.": _l("Dit moet tekst zijn."),
    "Not a valid integer.": _l("Dit moet een heel getal zijn."),
    "Not a valid number.": _l("Dit moet een getal zijn."),
    "Not a valid boolean.": _l("Dit moet waar of onwaar zijn."),
    "Not a valid email address.": _l("Dit is geen geldig e-mailadres."),
    "Not a valid UUID.": _l("Dit is geen geldige id."),
    "Not a valid list.": _l("Dit moet een lijst zijn."),
    "Not a valid mapping type.": _l("Dit moet een object zijn."),
    "Invalid input type.": _l("De gegevens hebben de verkeerde vorm."),
    "Invalid value.": _l("Deze waarde is niet geldig."),
    "Must be one of: {choices}.": _l("Kies een van de toegestane waarden."),
    "Invalid JSON body.": _l("De JSON is niet geldig."),
    "Special numeric values (nan or infinity) are not permitted.": _l("Dit moet een gewoon getal zijn."),
    "Number too large.": _l("Dit getal is te groot."),
    "Not a valid utf-8 string.": _l("Deze tekst bevat tekens die we niet kunnen opslaan."),
}
GENERIC_FIELD_MESSAGE = _l("Deze waarde is niet geldig.")


class AppError(Exception):
    """An error a service raises on purpose; code is the HTTP status."""

    code = 400
    headers: dict = {}

    def __init__(self, message=None, errors=None, code=None):
        super().__init__(message)
        self.message = message
        self.errors = errors
        if code is not None:
            self.code = code


class NotFound(AppError):
    code = 404


class Forbidden(AppError):
    code = 403


class Conflict(AppError):
    code = 409


class Unauthorized(AppError):
    code = 401


class ValidationError(AppError):
    code = 422


class UpgradeRequired(AppError):
    code = 426


class ServiceUnavailable(AppError):
    code = 503
    headers = {"Retry-After": "1"}  # seconds: a lock held too long, a restart; the phone retries


# Lock timeouts and failed serializations (PostgreSQL SQLSTATE): retrying later succeeds.
RETRYABLE_SQLSTATES = {"55P03", "40001", "40P01"}
# SQLite calls a syntax error or a missing table an OperationalError too: only these are "not now".
SQLITE_OUTAGES = ("database is locked", "database is busy", "database table is locked", "disk I/O error",
                  "unable to open database file")


def is_outage(error: Exception) -> bool:
    """Whether a database error means "not now" (lost connection, lock timeout), not "never".

    Takes SQLAlchemy's errors and the driver's own (raised where we talk to the driver directly:
    the SQLite BEGIN in backend/db.py, the pull's head statement).
    """
    if isinstance(error, (sa.exc.DisconnectionError, sa.exc.TimeoutError)):
        return True  # the pool: no connection to be had
    if isinstance(error, sa.exc.DBAPIError) and error.connection_invalidated:
        return True
    driver_error = error.orig if isinstance(error, sa.exc.DBAPIError) else error
    if type(driver_error).__module__ == "sqlite3":
        return "OperationalError" in _kinds(driver_error) and str(driver_error).startswith(SQLITE_OUTAGES)
    if isinstance(error, (sa.exc.OperationalError, sa.exc.InterfaceError)):
        return True
    if type(driver_error).__module__.startswith("psycopg"):
        return bool(_kinds(driver_error) & {"OperationalError", "InterfaceError"}) or \
            getattr(driver_error, "sqlstate", None) in RETRYABLE_SQLSTATES
    return False


def _kinds(error) -> set[str]:
    return {cls.__name__ for cls in type(error).__mro__}


MAX_FIELD_ERRORS = 20


def bounded_errors(errors: dict, limit: int = MAX_FIELD_ERRORS) -> tuple[dict, int]:
    """Return at most `limit` field errors and how many were left out (a flood stays small)."""
    if not isinstance(errors, dict) or len(errors) <= limit:
        return errors, 0
    kept = dict(list(errors.items())[:limit])
    return kept, len(errors) - limit



def translate_field_errors(errors):
    """Translate marshmallow's nested error messages; unmapped library texts get a generic one."""
    if isinstance(errors, dict):
        return {k: translate_field_errors(v) for k, v in errors.items()}
    if isinstance(errors, (list, tuple)):
        return [translate_field_errors(v) for v in errors]
    text = str(errors)  # our own schema messages are lazy Dutch msgids: str() translates them
    if text in FIELD_MESSAGES:
        return str(FIELD_MESSAGES[text])
    if text.startswith(LIBRARY_MESSAGE_PREFIXES):
        return str(GENERIC_FIELD_MESSAGE)
    return text


# Parameterised marshmallow messages ("Length must be between 1 and 80.") cannot be mapped one by one.
LIBRARY_MESSAGE_PREFIXES = ("Length must", "Must be", "Not a valid", "Shorter than", "Longer than", "Invalid")


def error_response(code, message=None, errors=None, headers=None):
    """Build the one error payload."""
    try:
        return _error_response(code, message, errors, headers)
    except Exception as err:
        # The locale is the user's saved one: with the database away it cannot be read.
        if not is_outage(err):
            raise
        db.session.rollback()
        with force_locale(_locale_without_user()):
            return _error_response(code, message, errors, headers)


def _locale_without_user() -> str:
    languages = current_app.config["LANGUAGES"]
    asked = request.args.get("lang")
    return asked if asked in languages else request.accept_languages.best_match(languages) or "nl"


def _error_response(code, message, errors, headers):
    payload = {
        "code": code,
        "status": HTTP_STATUS_CODES.get(code, "Error"),
        "message": str(message or DEFAULT_MESSAGES.get(code) or gettext("Er ging iets mis.")),
    }
    if errors:
        errors, omitted = bounded_errors(errors)
        payload["errors"] = translate_field_errors(errors)
        if omitted:
            payload["errors_omitted"] = omitted
    response = jsonify(payload)
    response.status_code = code
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def handle_app_error(error: AppError):
    """Turn an AppError into the error payload; nothing the request wrote survives."""
    db.session.rollback()
    return error_response(error.code, error.message, error.errors, error.headers)


def handle_http_exception(error: HTTPException):
    """Turn werkzeug/webargs HTTP errors into the error payload."""
    if error.code >= 500:
        db.session.rollback()
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    # webargs nests errors by location ({"json": {...}}); JSON bodies are all we parse.
    if isinstance(errors, dict) and set(errors) <= {"json", "query", "headers", "form", "files"}:
        errors = errors.get("json") or errors.get("query") or errors
    message = data.get("message")
    if error.code == 400 and isinstance(errors, list) and "Invalid JSON body." in errors:
        message, errors = FIELD_MESSAGES["Invalid JSON body."], None
    return error_response(error.code, message, errors, data.get("headers"))


def handle_data_error(error):
    """A value the database cannot store (a NUL character, a number out of range) is bad input."""
    db.session.rollback()
    return error_response(422, GENERIC_FIELD_MESSAGE)


def handle_unexpected(error: Exception):
    """Log and hide unexpected errors behind a translated 500; a database outage is a 503."""
    db.session.rollback()
    if is_outage(error):
        current_app.logger.warning("database unavailable [request %s]: %s", request_id(), error)
        return error_response(503, headers=ServiceUnavailable.headers)
    current_app.logger.exception("unhandled error [request %s]", request_id(), exc_info=error)
    return error_response(500)


def request_id() -> str:
    """Return the id of this request (backend/web/requests.py), for log lines."""
    from backend.web import requests  # the web layer imports errors, not the other way round

    return requests.request_id() if has_request_context() else "-"


def register_error_handlers(app):
    """Route every error through the one shape."""
    app.register_error_handler(AppError, handle_app_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(InternalServerError, handle_http_exception)
    app.register_error_handler(DataError, handle_data_error)
    app.register_error_handler(Exception, handle_unexpected)
