"""Choose the locale of a request: saved choice, else ?lang=, else Accept-Language, else Dutch."""
from flask import current_app, request
from flask_login import current_user


def select_locale() -> str:
    """Return the locale for the current request (DESIGN section 5)."""
    languages = current_app.config["LANGUAGES"]
    user = current_user if request else None
    if user is not None and user.is_authenticated and user.locale in languages:
        return user.locale
    asked = request.args.get("lang")
    if asked in languages:
        return asked
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
