"""Outgoing mail: one message in plain text and HTML, over SMTP or (without MAIL_SERVER) to the log.

    from backend import mail
    mail.send(to="a@example.org", subject=..., text=..., html=...)

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


def build(to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
    """Return the message: plain text, with an HTML alternative when given."""
    config = current_app.config
    msg = EmailMessage()
    msg["From"] = config["MAIL_FROM"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain=config["MAIL_FROM"].rsplit("@", 1)[-1].strip(">") or None)
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def send(to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
    """Send one message; without MAIL_SERVER it is written to the log instead.

    :raise MailError: if the server refused it or could not be reached.
    """
    msg = build(to, subject, text, html)
    config = current_app.config
    if not config["MAIL_SERVER"]:
        current_app.logger.info("mail (not sent: no MAIL_SERVER)\n%s", msg.as_string())
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
        current_app.logger.warning("mail to %s failed: %s", to, err)
        raise MailError(str(err)) from err
    return msg


# Stand-ins until acct9's templated mails are merged (the lead takes acct9's versions): they
# only log, so that the sign-up can call them after its commit.
def send_signup_confirmation(user) -> None:
    """Confirm a buddy's sign-up to them (stand-in: logs only)."""
    current_app.logger.info("mail stand-in: sign-up confirmation to %s", user.email)


def send_new_buddy_waiting(buddy, coordinators) -> None:
    """Tell the branch's coordinators that a new buddy waits for vetting (stand-in: logs only)."""
    current_app.logger.info("mail stand-in: new buddy %s waiting, to %d coordinator(s)", buddy.id, len(coordinators))
