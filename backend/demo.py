"""Demo data for `make run` and manual testing; production never loads it."""
import sqlalchemy as sa

from backend.accounts import service as accounts
from backend.extensions import db
from backend.matching.models import Match
from backend.matching.service import create_active_match
from backend.orgs.service import get_by_code, load_tree

PASSWORD = "maatje-demo"
# email, name, roles, organisation code, locale
ACCOUNTS = [
    ("newcomer@demo.maatje.nl", "Amal Haddad", ["newcomer"], "GM0344", None),  # follows the phone
    ("buddy@demo.maatje.nl", "Sanne de Vries", ["buddy"], "GM0344", "nl"),
    ("newcomer2@demo.maatje.nl", "Yonas Tesfay", ["newcomer"], "GM0363", "ti"),
    ("buddy2@demo.maatje.nl", "Daan Bakker", ["buddy"], "GM0363", "nl"),
    ("coordinator@demo.maatje.nl", "Fatima El Amrani", ["coordinator"], "GM0344", "nl"),
    ("province@demo.maatje.nl", "Pieter Jansen", ["coordinator"], "PV26", "nl"),
    ("admin@demo.maatje.nl", "Beheer Maatje", ["admin"], "NL", "en"),
]
# Newcomers and buddies waiting for a match (no demo login, but realistic lists for coordinators).
WAITING = [
    ("olena.kovalenko@demo.maatje.nl", "Olena Kovalenko", ["newcomer"], "GM0344", "uk"),
    ("mehmet.yilmaz@demo.maatje.nl", "Mehmet Yılmaz", ["newcomer"], "GM0344", "tr"),
    ("reza.ahmadi@demo.maatje.nl", "Reza Ahmadi", ["newcomer"], "GM0363", "fa"),
    ("anna.nowak@demo.maatje.nl", "Anna Nowak", ["buddy"], "GM0344", "pl"),
    ("lotte.mulder@demo.maatje.nl", "Lotte Mulder", ["buddy"], "GM0344", "nl"),
]
PAIRS = [("newcomer@demo.maatje.nl", "buddy@demo.maatje.nl"), ("newcomer2@demo.maatje.nl", "buddy2@demo.maatje.nl")]


def load_demo() -> list[str]:
    """Create the organisation tree, the demo accounts and their matches; safe to run twice."""
    report = []
    counts = load_tree()
    report.append(f"organisations: {counts['created']} created")
    for email, name, roles, code, locale in ACCOUNTS + WAITING:
        if accounts.get_user_by_email(email) is None:
            accounts.create_user(email, PASSWORD, name, roles, organisation=get_by_code(code), locale=locale)
            report.append(f"user {email} created")
    for newcomer_email, buddy_email in PAIRS:
        newcomer = accounts.get_user_by_email(newcomer_email)
        buddy = accounts.get_user_by_email(buddy_email)
        exists = db.session.scalar(
            sa.select(Match.id).where(Match.newcomer_id == newcomer.id, Match.buddy_id == buddy.id)
        )
        if exists is None:
            create_active_match(newcomer, buddy, newcomer.organisation)
            report.append(f"match {newcomer_email} + {buddy_email} created")
    report.append(f"demo ready: log in with any demo account and the password {PASSWORD}")
    return report
