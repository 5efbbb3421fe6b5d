"""Configuration read from the environment; tests pass a subclass."""
import datetime as dt
import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = Path(os.environ.get("MAATJE_INSTANCE", ROOT / "instance"))


def _secret_key() -> str:
    """Return SECRET_KEY from the environment, else one generated once into the instance folder."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    INSTANCE.mkdir(parents=True, exist_ok=True)
    path = INSTANCE / "secret_key"
    if not path.exists():
        # O_EXCL: two workers starting together must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32))
        except FileExistsError:
            pass
    return path.read_text().strip()


def database_url() -> str:
    """Return DATABASE_URL, defaulting to SQLite in the instance folder."""
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{INSTANCE / 'maatje.sqlite'}"
    # Heroku-style URLs name the driver-less dialect; we use psycopg 3.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    return url


def engine_options(url: str, lock_timeout: float = 10.0) -> dict:
    """Return SQLAlchemy engine options for this database.

    `lock_timeout` (seconds): how long a statement waits for another transaction's lock before
    the request answers 503 with Retry-After (SQLite's busy timeout, PostgreSQL's lock_timeout).
    """
    if url.startswith("sqlite"):
        # A file on this machine: nothing to ping, nothing that drops idle connections.
        return {"connect_args": {"timeout": lock_timeout}}
    # A server may close idle connections (restarts, failover); test each one before use.
    return {"pool_pre_ping": True, "connect_args": {"options": f"-c lock_timeout={int(lock_timeout * 1000)}"}}


class Config:
    """Production-safe defaults; everything overridable from the environment."""

    SECRET_KEY = None  # filled in by create_app via _secret_key()
    SQLALCHEMY_DATABASE_URI = None  # filled in by create_app via database_url()
    MAX_CONTENT_LENGTH = 1024 * 1024  # 1 MiB: a sync batch of 100 mutations fits easily
    # Seconds a request waits for a lock held by another one before answering 503 (Retry-After).
    DB_LOCK_TIMEOUT = float(os.environ.get("DB_LOCK_TIMEOUT", "10"))

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("FLASK_DEBUG") != "1" and os.environ.get("MAATJE_INSECURE_COOKIES") != "1"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # A session ends after this many days without a request (accounts/sessions.py); the
    # server's check is the authority, the cookie only has to outlive it.
    SESSION_IDLE_DAYS = int(os.environ.get("SESSION_IDLE_DAYS", "30"))
    # The cookie survives browser restarts (a newcomer offline cannot log in again): Chrome
    # caps Expires at 400 days. It is re-sent when the session's last_seen_at is renewed.
    PERMANENT_SESSION_LIFETIME = dt.timedelta(days=400)
    SESSION_REFRESH_EACH_REQUEST = False  # no re-signed cookie on every pull

    API_TITLE = "Maatje API"
    API_VERSION = "1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api"
    OPENAPI_JSON_PATH = "openapi.json"

    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    BABEL_DOMAIN = "messages"
    LANGUAGES = ["nl", "en", "ar", "ti", "tr", "fa", "uk", "pl"]
    RTL_LANGUAGES = ["ar", "fa", "ps", "ckb"]

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    # Behind a load balancer: how many proxies set X-Forwarded-For/-Proto (0: none, trust nothing).
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
    RATELIMIT_HEADERS_ENABLED = True
    # Every limit is checked, so Retry-After names the longest wait that applies.
    RATELIMIT_FAIL_ON_FIRST_BREACH = False
    # Failed attempts only (per address and per account), each round waiting longer.
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute;20 per 10 minutes;40 per hour")
    # Buddy sign-ups taken from one address (public page, no login): enough for a family or an office.
    SIGNUP_RATE_LIMIT = os.environ.get("SIGNUP_RATE_LIMIT", "5 per hour;20 per day")
    PASSWORD_RATE_LIMIT = os.environ.get("PASSWORD_RATE_LIMIT", "3 per minute;6 per 10 minutes;10 per hour")
    # Requests for a password-reset mail (every one counts): per address (many people may share
    # one, e.g. a reception centre's network) and per e-mail address (no mail bombing).
    RESET_RATE_LIMIT_ADDRESS = os.environ.get("RESET_RATE_LIMIT_ADDRESS", "10 per 10 minutes;30 per hour")
    RESET_RATE_LIMIT_EMAIL = os.environ.get("RESET_RATE_LIMIT_EMAIL", "3 per hour;6 per day")

    PWA_DIST = Path(os.environ.get("PWA_DIST", ROOT / "pwa" / "dist"))

    # Outgoing mail (backend/mail): over SMTP when MAIL_SERVER is set, else written to the log
    # (development and `make run`). MAIL_SECURITY: "starttls" (default on 587), "ssl", or "none".
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_SECURITY = os.environ.get("MAIL_SECURITY", "starttls")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "Maatje <noreply@maatje.invalid>")
    MAIL_TIMEOUT = float(os.environ.get("MAIL_TIMEOUT", "10"))
    # Without MAIL_SERVER a mail is logged: its whole text (reset and activation links included)
    # only when this is set (`make run`), in debug or in tests; else only that one was not sent.
    MAIL_LOG_BODY = os.environ.get("MAIL_LOG_BODY") == "1"
    # The address of the app as users reach it, for links in mail (https://maatje.example.nl).
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "")

    # Web Push (backend/push, docs/reminders.md). The VAPID key pair, base64url: every instance
    # must use the same one (else generated once into the instance folder, vapid.json).
    VAPID_PRIVATE_KEY = os.environ.get("VAPID_PRIVATE_KEY", "")
    VAPID_PUBLIC_KEY = os.environ.get("VAPID_PUBLIC_KEY", "")
    # Who a push service may contact about our pushes (mailto: or https:).
    VAPID_SUBJECT = os.environ.get("VAPID_SUBJECT", "mailto:beheer@maatje.invalid")
    # Push endpoints are URLs a user hands us: only https to a public host name. Hosts listed
    # here ("host:port", comma-separated) skip that rule, http included: for tests only.
    PUSH_ALLOWED_HOSTS = [h.strip() for h in os.environ.get("PUSH_ALLOWED_HOSTS", "").split(",") if h.strip()]
    PUSH_TTL = int(os.environ.get("PUSH_TTL", str(60 * 60)))  # seconds a push service keeps an undelivered push
    PUSH_TIMEOUT = float(os.environ.get("PUSH_TIMEOUT", "10"))
    PUSH_MAX_DEVICES = 10  # per user; an 11th subscription replaces the oldest

    # Recorded phrase audio (backend/audio, docs/phrases.md "Audio"): checked by content.
    AUDIO_MAX_BYTES = 256 * 1024
    AUDIO_MAX_SECONDS = 10
    AUDIO_MAX_PER_DAY = 100  # clips one person stores in a day (Europe/Amsterdam)
    # Uploads per person (each one is decoded): a phone re-sending its queue stays far below.
    AUDIO_RATE_LIMIT = os.environ.get("AUDIO_RATE_LIMIT", "30 per minute;300 per day")
    # Every attempt, refused ones too (each is read and decoded): looser, but bounded.
    AUDIO_ATTEMPT_LIMIT = os.environ.get("AUDIO_ATTEMPT_LIMIT", "60 per minute;1000 per day")

    SYNC_SCHEMA_VERSION = 1
    SYNC_MIN_SCHEMA_VERSION = 1
    SYNC_MAX_BATCH = 100
    SYNC_TOMBSTONE_DAYS = int(os.environ.get("SYNC_TOMBSTONE_DAYS", "180"))


class TestConfig(Config):
    """Settings for the test suite: the database still comes from DATABASE_URL."""

    TESTING = True
    SECRET_KEY = "test-secret-key"
    SESSION_COOKIE_SECURE = False
    LOGIN_RATE_LIMIT = "5 per minute;8 per hour"
    PASSWORD_RATE_LIMIT = "3 per minute;5 per hour"
    RESET_RATE_LIMIT_ADDRESS = "6 per minute"
    RESET_RATE_LIMIT_EMAIL = "3 per hour"
    # Tests argon2 with cheap parameters; production keeps the library defaults.
    ARGON2_FAST = True
