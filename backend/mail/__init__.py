"""Outgoing mail: one message in plain text and HTML, over SMTP or (without MAIL_SERVER) to the log.

    from backend import mail
    mail.send(to="a@example.org", subject=..., text=..., html=..., language="nl")

The mails themselves (in the recipient's language, text and HTML) are in messages.py:
mail.send_password_reset(user, link), mail.send_signup_confirmation(user),
mail.send_new_buddy_waiting(buddy_user, coordinators).

Callers render subject and body in the recipient's language (flask_babel.force_locale).
Sending happens after the caller's commit, so a slow or failing mail server never undoes
or holds a database transaction; a failure is logged and reported to the caller.
"""
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app


class MailError(Exception):
    """The mail server did not take the message."""


def build(to: str, subject: str, text: str, html: str | None = None, language: str | None = None) -> EmailMessage:
    """Return the message: plain text, with an HTML alternative when given; `language` its Content-Language."""
    config = current_app.config
    msg = EmailMessage()
    msg["From"] = config["MAIL_FROM"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain=config["MAIL_FROM"].rsplit("@", 1)[-1].strip(">") or None)
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    if language:  # after the content: set_content() replaces the Content-* headers
        msg["Content-Language"] = language
    return msg


def send(to: str, subject: str, text: str, html: str | None = None, language: str | None = None) -> EmailMessage:
    """Send one message; without MAIL_SERVER it is written to the log instead.

    :raise MailError: if the server refused it or could not be reached.
    """
    msg = build(to, subject, text, html, language)
    config = current_app.config
    if not config["MAIL_SERVER"]:
        if config["MAIL_LOG_BODY"] or current_app.debug or current_app.testing:
            current_app.logger.info("mail (not sent: no MAIL_SERVER)\n%s", msg.as_string())
        else:  # its links are secrets (a reset link is an account): not into a production log
            current_app.logger.warning("mail not sent (no MAIL_SERVER): %r to an address at %s",
                                       subject, to.rpartition("@")[2])
        return msg
    security, timeout = config["MAIL_SECURITY"], config["MAIL_TIMEOUT"]
    try:
        if security == "ssl":
            smtp = smtplib.SMTP_SSL(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=timeout,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=timeout)
        with smtp:
            if security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as err:
        current_app.logger.warning("mail to an address at %s failed: %s", to.rpartition("@")[2], err)
        raise MailError(str(err)) from err
    return msg


from backend.mail.messages import (  # noqa: E402  (they use send() above)
    send_known_address, send_new_buddy_waiting, send_password_reset, send_signup_confirmation, wait_sent,
)
