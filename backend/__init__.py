"""Maatje: the Flask API and the server of the built PWA."""
from flask import Flask

from backend import config as cfg


def create_app(config=cfg.Config):
    """Create and configure the application."""
    app = Flask(__name__, instance_path=str(cfg.INSTANCE), static_folder=None)
    app.config.from_object(config)
    app.config["SECRET_KEY"] = app.config["SECRET_KEY"] or cfg._secret_key()
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["SQLALCHEMY_DATABASE_URI"] or cfg.database_url()
    if app.config["MAIL_SERVER"] and not app.config["PUBLIC_URL"] and not app.testing:
        # Links in mails would take the request's Host header, which the sender chooses (mail/messages.app_url).
        raise RuntimeError("PUBLIC_URL must be set when MAIL_SERVER is (the app's address for links in mails)")
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = cfg.engine_options(app.config["SQLALCHEMY_DATABASE_URI"],
                                                                 app.config["DB_LOCK_TIMEOUT"])
    register_extensions(app)
    register_models()
    register_blueprints(app)
    register_sync()
    register_openapi(app)
    register_error_handlers(app)
    register_guards(app)
    register_commands(app)
    return app


def register_extensions(app):
    """Bind the bare extensions (backend/extensions.py) to this app."""
    from backend.accounts import auth, sessions
    from backend.extensions import api, babel, db, limiter, login
    from backend.i18n.locale import select_locale

    db.init_app(app)
    login.init_app(app)
    app.before_request(auth.check_csrf)
    app.after_request(sessions.renew_seen_session)
    api.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)
    # The login limit is checked by its decorator. The per-request hook only serves default
    # limits, which we do not set, and it cost a tenth of every sync pull (bench/http_pull.py).
    app.before_request_funcs[None].remove(limiter._check_request_limit)


def register_models():
    """Import every feature's models, so the metadata (and Alembic) knows all tables."""
    from backend.accounts import models as accounts  # noqa: F401
    from backend.activities import models as activities  # noqa: F401
    from backend.audio import models as audio  # noqa: F401
    from backend.audit import models as audit  # noqa: F401
    from backend.buddies import models as buddies  # noqa: F401
    from backend.calendar import models as calendar  # noqa: F401
    from backend.goals import models as goals  # noqa: F401
    from backend.matching import models as matching  # noqa: F401
    from backend.meetings import models as meetings  # noqa: F401
    from backend.newcomers import models as newcomers  # noqa: F401
    from backend.notices import models as notices  # noqa: F401
    from backend.orgs import models as orgs  # noqa: F401
    from backend.phrases import models as phrases  # noqa: F401
    from backend.push import models as push  # noqa: F401
    from backend.reminders import models as reminders  # noqa: F401
    from backend.sync import models as sync  # noqa: F401


def register_blueprints(app):
    """Mount each feature's routes."""
    from backend.accounts.routes import accounts_bp, bp as auth_bp
    from backend.audio.routes import bp as audio_bp
    from backend.audit.routes import bp as audit_bp
    from backend.buddies.routes import bp as buddies_bp
    from backend.calendar.routes import bp as calendar_bp
    from backend.catalogues.routes import bp as catalogues_bp
    from backend.dashboard.routes import bp as dashboard_bp
    from backend.extensions import api
    from backend.hours.routes import bp as hours_bp
    from backend.matching.routes import bp as matching_bp
    from backend.newcomers.routes import bp as newcomers_bp
    from backend.orgs.routes import bp as orgs_bp
    from backend.phrases.routes import bp as phrases_bp
    from backend.push.routes import bp as push_bp
    from backend.suggestions.routes import bp as suggestions_bp
    from backend.sync.routes import bp as sync_bp
    from backend.web import docs, health, pwa

    for bp in (auth_bp, accounts_bp, orgs_bp, sync_bp, health.bp, catalogues_bp, buddies_bp, newcomers_bp,
               audit_bp, dashboard_bp, suggestions_bp, matching_bp, hours_bp, calendar_bp, push_bp,
               phrases_bp, audio_bp):
        api.register_blueprint(bp)
    app.register_blueprint(docs.bp)
    app.register_blueprint(pwa.bp)


def register_sync():
    """Load each feature's part in sync (backend/<feature>/sync.py): its mutations and scope providers."""
    from backend.accounts import sync as accounts_sync  # noqa: F401
    from backend.activities import sync as activities_sync  # noqa: F401
    from backend.goals import sync as goals_sync  # noqa: F401
    from backend.matching import sync as matching_sync  # noqa: F401
    from backend.meetings import sync as meetings_sync  # noqa: F401
    from backend.notices import sync as notices_sync  # noqa: F401
    from backend.phrases import sync as phrases_sync  # noqa: F401


def register_openapi(app):
    """Complete the spec from the registered views and mutations: login, errors, mutation args."""
    from backend.extensions import api
    from backend.web import openapi

    openapi.document(app, api.spec, api.ma_plugin.converter)


def register_error_handlers(app):
    """Route every error through the one JSON error shape."""
    from backend import errors

    errors.register_error_handlers(app)


def register_guards(app):
    """Install the checks and response headers of every request (backend/web/guards.py, compression.py)."""
    from backend.web import compression, guards

    guards.register(app)
    compression.register(app)


def register_commands(app):
    """Add the flask CLI commands (db, orgs, demo, i18n, sync)."""
    from backend import commands

    commands.register(app)
