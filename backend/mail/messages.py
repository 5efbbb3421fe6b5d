"""The mails Maatje sends, each in its recipient's language, as plain text and HTML.

A message is a subject and a few paragraphs (translated with flask_babel under
force_locale(recipient.locale)) plus at most one link; render() makes both bodies from them,
so every mail looks alike and its HTML is escaped and written in the language's direction.
Strings live here, in Python, so that `flask i18n` extracts them like every other string.
"""
import threading
from dataclasses import dataclass, field

from flask import current_app, has_request_context, request
from flask_babel import force_locale, gettext as _
from markupsafe import escape

from backend import mail


@dataclass
class Message:
    subject: str
    paragraphs: list[str] = field(default_factory=list)
    link: str | None = None
    link_label: str | None = None


def app_url(path: str = "/") -> str:
    """Return an address in the app as users reach it: PUBLIC_URL, else this request's host.

    The request's Host header is the sender's to choose: a reset asked for someone else's
    address with `Host: evil.example` would mail them a link to that site, token included. So
    with a mail server, PUBLIC_URL is required (create_app refuses to start without it; tests
    may do without); without one, mails only go to the log.
    """
    base = current_app.config.get("PUBLIC_URL") or (request.host_url if has_request_context() else "")
    return base.rstrip("/") + path


def render(message: Message, locale: str) -> tuple[str, str]:
    """Return (text, html) of a message in `locale` (its direction: rtl for Arabic, Farsi...)."""
    direction = "rtl" if locale in current_app.config["RTL_LANGUAGES"] else "ltr"
    # TRANSLATORS: the closing of every mail; "Maatje" is the app's name, signing it.
    signature = _("Met vriendelijke groet,\nMaatje")
    text_parts = list(message.paragraphs)
    if message.link:
        text_parts.append(message.link)
    text_parts.append(signature)
    text = "\n\n".join(text_parts) + "\n"
    body = "".join(f"<p>{escape(p)}</p>\n" for p in message.paragraphs)
    if message.link:
        body += (f'<p><a href="{escape(message.link)}">{escape(message.link_label or message.link)}</a></p>\n'
                 f'<p dir="ltr">{escape(message.link)}</p>\n')
    body += "<p>" + "<br>".join(str(escape(line)) for line in signature.split("\n")) + "</p>\n"
    html = (f'<!DOCTYPE html>\n<html lang="{escape(locale)}" dir="{direction}">\n'
            f'<head><meta charset="utf-8"><title>{escape(message.subject)}</title></head>\n'
            f'<body dir="{direction}">\n{body}</body>\n</html>\n')
    return text, html


def deliver(to: str, locale: str, message: Message) -> bool:
    """Send a rendered message; a failure is logged (by mail.send) and reported as False."""
    text, html = render(message, locale)
    try:
        mail.send(to, message.subject, text, html, language=locale)
    except mail.MailError:
        return False
    return True


_sending: set[threading.Thread] = set()
_sending_lock = threading.Lock()


def deliver_later(to: str, locale: str, message: Message) -> None:
    """Render now, send after the answer (in a thread of its own): the request takes as long
    whether or not a mail goes out, so its timing tells nobody which addresses have an account."""
    text, html = render(message, locale)
    app = current_app._get_current_object()

    def run():
        try:
            with app.app_context():
                mail.send(to, message.subject, text, html, language=locale)
        except mail.MailError:
            pass  # logged by mail.send; the link stays valid, the user may ask again
        finally:
            with _sending_lock:
                _sending.discard(thread)

    thread = threading.Thread(target=run, name="mail", daemon=True)
    with _sending_lock:
        _sending.add(thread)
    thread.start()


def wait_sent(timeout: float = 30) -> None:
    """Wait until the mails handed to deliver_later() have gone (or failed): tests, shutdown."""
    with _sending_lock:
        threads = list(_sending)
    for thread in threads:
        thread.join(timeout)


def _locale(user) -> str:
    return user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]


def send_password_reset(user, link: str) -> None:
    """Mail the user a link to choose a new password (valid 1 hour, single use), after the answer."""
    locale = _locale(user)
    with force_locale(locale):
        message = Message(
            subject=_("Kies een nieuw wachtwoord voor Maatje"),
            paragraphs=[
                # TRANSLATORS: the greeting that opens an e-mail; name is the recipient's name.
                _("Hallo %(name)s,", name=user.display_name),
                _("Iemand heeft gevraagd om een nieuw wachtwoord voor je Maatje-account. "
                  "Was jij dat? Kies dan via deze link een nieuw wachtwoord:"),
                _("De link werkt één uur en maar één keer. Heb je niets gevraagd? "
                  "Dan hoef je niets te doen: je wachtwoord blijft hetzelfde."),
            ],
            link=link,
            # TRANSLATORS: the text of the link in the password-reset mail.
            link_label=_("Nieuw wachtwoord kiezen"),
        )
        deliver_later(user.email, locale, message)


def send_signup_confirmation(user) -> bool:
    """Confirm to a new buddy that the sign-up arrived and tell what comes next.

    Sent after the answer (deliver_later), like every mail of the public sign-up: a known address
    gets another mail (send_known_address), and the time the answer takes must not tell which.
    """
    if not user.email:
        return False
    locale = _locale(user)
    org = user.organisation.name if user.organisation else ""
    with force_locale(locale):
        message = Message(
            subject=_("We hebben je aanmelding als maatje ontvangen"),
            paragraphs=[
                # TRANSLATORS: the greeting that opens an e-mail; name is the recipient's name.
                _("Hallo %(name)s,", name=user.display_name),
                _("Bedankt voor je aanmelding als maatje bij %(organisation)s.", organisation=org) if org
                else _("Bedankt voor je aanmelding als maatje."),
                _("Een coördinator neemt contact met je op voor een kennismakingsgesprek. Daarna vragen "
                  "we je referenties en een Verklaring Omtrent het Gedrag aan. Pas als dat rond "
                  "is, stellen we je voor aan een nieuwkomer."),
            ],
            link=app_url("/"),
            # TRANSLATORS: the text of a link in a mail that opens the Maatje app.
            link_label=_("Naar Maatje"),
        )
        deliver_later(user.email, locale, message)
        return True


def send_known_address(user) -> bool:
    """Tell the owner of a known address that someone signed up with it (no second account)."""
    if not user.email:
        return False
    locale = _locale(user)
    with force_locale(locale):
        message = Message(
            subject=_("Aanmelding bij Maatje"),
            paragraphs=[
                # TRANSLATORS: the greeting that opens an e-mail; name is the recipient's name.
                _("Hallo %(name)s,", name=user.display_name),
                _("Iemand heeft zich met dit e-mailadres aangemeld als maatje. Er is al een account met dit "
                  "adres, dus we hebben geen tweede gemaakt. Was jij het? Log dan in met je wachtwoord, of "
                  "vraag een nieuw wachtwoord aan. Was jij het niet? Dan hoef je niets te doen."),
            ],
            link=app_url("/"),
            link_label=_("Naar Maatje"),
        )
        deliver_later(user.email, locale, message)
        return True


def send_new_buddy_waiting(buddy_user, coordinators) -> int:
    """Tell the coordinators of a branch (each in their language) that a new buddy waits, after the
    answer (see send_signup_confirmation); return how many mails went to be sent."""
    sent = 0
    org = buddy_user.organisation.name if buddy_user.organisation else ""
    for coordinator in coordinators:
        if not coordinator.email:
            continue
        locale = _locale(coordinator)
        with force_locale(locale):
            message = Message(
                subject=_("Een nieuw maatje wacht op een kennismaking"),
                paragraphs=[
                    # TRANSLATORS: the greeting that opens an e-mail; name is the recipient's name.
                    _("Hallo %(name)s,", name=coordinator.display_name),
                    _("%(buddy)s heeft zich aangemeld als maatje bij %(organisation)s en wacht op een "
                      "kennismakingsgesprek.", buddy=buddy_user.display_name, organisation=org),
                    _("Je vindt de aanmelding in Maatje, bij de maatjes die wachten."),
                ],
                link=app_url("/"),
                link_label=_("Naar Maatje"),
            )
            deliver_later(coordinator.email, locale, message)
            sent += 1
    return sent
