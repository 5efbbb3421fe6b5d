"""Leave notices for users and mark them read; they reach the phone through the user's own scope.

A notice is worded on the phone in the app's current language: it carries its catalog entry
(msgid, msgid_plural) and values (params), and, as the fallback, the text in the recipient's
language when it was left (message).
"""
import math

import flask_babel
import sqlalchemy as sa
from flask import current_app, has_request_context
from flask_babel import LazyString, force_locale

from backend.accounts.models import User
from backend.db import utcnow
from backend.extensions import db
from backend.i18n.catalogs import CONTEXT_GLUE
from backend.notices.models import Notice
from backend.sync import changes

# The positional parameters of the function a LazyString calls (flask_babel's module functions
# or a Domain's methods of the same names).
_SIGNATURES = {
    "gettext": ("msgid",),
    "ngettext": ("msgid", "msgid_plural", "num"),
    "pgettext": ("context", "msgid"),
    "npgettext": ("context", "msgid", "msgid_plural", "num"),
}


def notice_data(notice: Notice) -> dict:
    """Return the synced 'notice' row."""
    return {
        "id": str(notice.id),
        "kind": notice.kind,
        "code": notice.code,
        "message": notice.message,
        "msgid": notice.msgid,
        "msgid_plural": notice.msgid_plural,
        "params": notice.params,
        "mutation": notice.mutation,
        "link": notice.link,
        "created_at": notice.created_at.isoformat(),
        "read": notice.read_at is not None,
    }


def add_notice(user_id, kind: str, code: str, message, mutation: str | None = None,
               link: str | None = None) -> Notice:
    """Add a notice for user `user_id` in the caller's transaction (no commit).

    `message` is a lazy string (lazy_gettext, lazy_ngettext, lazy_pgettext, ...: the phone
    words it in its current language) or a plain str (shown as it is). Its text is rendered in
    the RECIPIENT's language (their saved choice, else the request's): the recipient need not
    be the user whose request left the notice.
    """
    with force_locale(recipient_locale(user_id)):
        entry = catalog_entry(message)  # a translated value inside it is worded for the recipient too
        text = str(message)
    notice = Notice(user_id=user_id, kind=kind, code=code, message=text, mutation=mutation, link=link, **entry)
    db.session.add(notice)
    db.session.flush()
    changes.record_put("notice", notice.id, f"user:{user_id}", notice_data(notice))
    return notice


def catalog_entry(message) -> dict:
    """Return the msgid, msgid_plural and params a notice stores for `message`.

    A plain str has none (msgid NULL: the phone shows the stored text). A lazy string's values
    must be JSON numbers or strings (a lazy string among them is worded in the current locale):
    anything else is refused here, where the bug is.
    """
    if not isinstance(message, LazyString):
        if not isinstance(message, str):
            raise TypeError(f"a notice's message is a str or a lazy string, not {type(message).__name__}")
        return {"msgid": None, "msgid_plural": None, "params": None}
    func = message._func
    from_babel = getattr(func, "__module__", "") == "flask_babel" or isinstance(getattr(func, "__self__", None),
                                                                                 flask_babel.Domain)
    names = _SIGNATURES.get(getattr(func, "__name__", "")) if from_babel else None
    if names is None:
        raise TypeError("a notice's lazy message must come from lazy_gettext, lazy_ngettext, lazy_pgettext or lazy_npgettext")
    if len(message._args) > len(names):
        raise TypeError("a notice's lazy message has too many positional arguments")
    bound = dict(zip(names, message._args))
    params = dict(message._kwargs)
    for name in names:
        if name in params and name not in bound:
            bound[name] = params.pop(name)  # e.g. lazy_ngettext(s, p, num=3)
    if "num" in bound:
        params.setdefault("num", bound["num"])  # flask-babel's name for the count that picks the form
    for key, value in params.items():
        if isinstance(value, LazyString):
            # A translated word inside the sentence ("Goedkeuren", "beëindigd"): stored worded in the
            # current (the recipient's) language; the sentence around it still follows the phone's.
            params[key] = value = str(value)
        if not _json_safe(value):
            raise ValueError(
                f"notice param {key!r} must be a number or a string (it is stored and sent as JSON), "
                f"not {type(value).__name__}"
            )
    msgid = bound["msgid"]
    if "context" in bound:
        msgid = f"{bound['context']}{CONTEXT_GLUE}{msgid}"  # gettext's key, as in the PWA's JSON
    return {"msgid": msgid, "msgid_plural": bound.get("msgid_plural"), "params": params or None}


def _json_safe(value) -> bool:
    if isinstance(value, bool):
        return False  # True would print as "True" here and "true" on the phone
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str)


def recipient_locale(user_id) -> str:
    """Return the language to word a notice in for this user: their saved one, else the request's."""
    languages = current_app.config["LANGUAGES"]
    saved = db.session.scalar(sa.select(User.locale).where(User.id == user_id))
    if saved in languages:
        return saved
    if has_request_context():
        return str(flask_babel.get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def apply_mark_read(user, ids) -> list[Notice]:
    """Mark the user's own unread notices among `ids` as read, in the caller's transaction (no commit).

    Ids of other users' notices, unknown ids and notices already read are passed over: the phone
    marks everything it shows at once, and one notice gone meanwhile must not refuse the rest.
    """
    notices = db.session.scalars(
        sa.select(Notice)
        .where(Notice.user_id == user.id, Notice.id.in_(set(ids)), Notice.read_at.is_(None))
        .order_by(Notice.created_at)
    ).all()
    now = utcnow()
    for notice in notices:
        notice.read_at = now
        changes.record_put("notice", notice.id, f"user:{user.id}", notice_data(notice))
    db.session.flush()
    return list(notices)
