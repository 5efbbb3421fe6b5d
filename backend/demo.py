"""Demo data for `make run` and manual testing; production never loads it.

Two branches, Utrecht (GM0344) and Amsterdam (GM0363): about 30 newcomers (made at intake, so
mostly without e-mail) and 40 buddies in every vetting state, with varied languages, interests
and availability; the two demo pairs; a few proposals in different states, one of them agreed
and waiting for coordinator@demo.maatje.nl's approval. Every row is found by a stable key
(e-mail, username, pair) and made only when missing, so loading twice changes nothing.
"""
import datetime as dt
import uuid

import sqlalchemy as sa

from backend.amsterdam import AMSTERDAM
from backend.accounts import passwords, service as accounts
from backend.accounts.models import User
from backend.buddies.models import BuddyProfile, VettingStep
from backend.catalogues import catalogue
from backend.db import utcnow
from backend.extensions import db
from backend.matching.models import Match, MatchEvent
from backend.matching.service import create_active_match, publish_offers
from backend.newcomers.models import NewcomerIntake
from backend.orgs.service import get_by_code, load_tree
from backend.phrases.demo import load_practice

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
# Newcomers and buddies without an active match (they can log in, but are not in the README's table).
WAITING = [
    ("olena.kovalenko@demo.maatje.nl", "Olena Kovalenko", ["newcomer"], "GM0344", "uk"),
    ("mehmet.yilmaz@demo.maatje.nl", "Mehmet Yılmaz", ["newcomer"], "GM0344", "tr"),
    ("reza.ahmadi@demo.maatje.nl", "Reza Ahmadi", ["newcomer"], "GM0363", "fa"),
    ("anna.nowak@demo.maatje.nl", "Anna Nowak", ["buddy"], "GM0344", "pl"),
    ("lotte.mulder@demo.maatje.nl", "Lotte Mulder", ["buddy"], "GM0344", "nl"),
]
PAIRS = [("newcomer@demo.maatje.nl", "buddy@demo.maatje.nl"), ("newcomer2@demo.maatje.nl", "buddy2@demo.maatje.nl")]
MDT_DEMO_BUDDY = "buddy2@demo.maatje.nl"  # an MDT youth: the hours page has something to show

# More newcomers, made at intake (a username, no e-mail, not activated): name, locale, languages.
NEWCOMERS = [
    ("Ahmad Al-Khatib", "ar", ["ar"]), ("Semhar Gebremedhin", "ti", ["ti", "am"]), ("Oksana Melnyk", "uk", ["uk", "ru"]),
    ("Zahra Hosseini", "fa", ["prs", "fa"]), ("Mustafa Demir", "tr", ["tr", "ku"]), ("Agnieszka Wójcik", "pl", ["pl", "en"]),
    ("Hamid Rahimi", "fa", ["prs", "ps"]), ("Fatuma Warsame", "en", ["so", "ar"]), ("Yusuf Kaya", "tr", ["tr"]),
    ("Mariam Tesfaye", "ti", ["ti", "ar"]), ("Omar Haidari", "ar", ["ar", "en"]), ("Dmytro Shevchenko", "uk", ["uk"]),
    ("Leyla Aziz", "ar", ["ku", "ar"]), ("Tomasz Zieliński", "pl", ["pl"]), ("Bilal Nouri", "ar", ["ar", "fr"]),
    ("Nadia Sultani", "fa", ["fa", "en"]), ("Kidane Berhe", "ti", ["ti"]), ("Iryna Bondarenko", "uk", ["uk", "en"]),
    ("Samir Mansour", "ar", ["ar"]), ("Elif Arslan", "tr", ["tr", "de"]), ("Abdullah Karimi", "fa", ["prs"]),
    ("Ewa Kamińska", "pl", ["pl", "ro"]), ("Hana Idris", "ar", ["ar", "am"]), ("Rustam Nazari", "ru", ["ru", "fa"]),
    ("Aster Haile", "ti", ["ti", "en"]),
]
# More buddies, signed up on the public page: name, e-mail name, kind.
BUDDIES = [
    ("Emma Visser", "emma.visser"), ("Lars de Boer", "lars.deboer"), ("Sophie Smit", "sophie.smit"),
    ("Thomas Meijer", "thomas.meijer"), ("Julia de Groot", "julia.degroot"), ("Bram Bos", "bram.bos"),
    ("Fleur Vos", "fleur.vos"), ("Ruben Peters", "ruben.peters"), ("Noor Hendriks", "noor.hendriks"),
    ("Daan van Leeuwen", "daan.vanleeuwen"), ("Sara Dekker", "sara.dekker"), ("Jesse Brouwer", "jesse.brouwer"),
    ("Iris de Wit", "iris.dewit"), ("Milan Dijkstra", "milan.dijkstra"), ("Eva Smits", "eva.smits"),
    ("Tim de Graaf", "tim.degraaf"), ("Anouk van der Meer", "anouk.vandermeer"), ("Sem van der Linden", "sem.vanderlinden"),
    ("Lieke Kok", "lieke.kok"), ("Finn Jacobs", "finn.jacobs"), ("Roos de Haan", "roos.dehaan"),
    ("Luuk Vermeulen", "luuk.vermeulen"), ("Femke van den Heuvel", "femke.vandenheuvel"), ("Stijn van der Veen", "stijn.vanderveen"),
    ("Yara van den Berg", "yara.vandenberg"), ("Hugo van Dijk", "hugo.vandijk"), ("Lisa Schouten", "lisa.schouten"),
    ("Gijs van Beek", "gijs.vanbeek"), ("Maud Willems", "maud.willems"), ("Ayoub Bakkali", "ayoub.bakkali"),
    ("Mila Hoekstra", "mila.hoekstra"), ("Koen Maas", "koen.maas"), ("Zeynep Çelik", "zeynep.celik"),
    ("Bas Verhoeven", "bas.verhoeven"), ("Nina Koster", "nina.koster"), ("Olga Ivanova", "olga.ivanova"),
]
# Every 4th buddy is an MDT youth; states cycle so that every vetting state has people.
BUDDY_STATES = ("available", "signed_up", "intake_done", "vog_received", "trained", "available", "paused", "stopped",
                "available", "signed_up")
LANGUAGE_MIX = (["nl", "en"], ["nl", "ar"], ["nl", "tr"], ["nl", "en", "fr"], ["nl", "uk", "ru"], ["nl"], ["nl", "pl"],
                ["nl", "en", "ti"], ["nl", "fa"], ["nl", "de"])
# VOG age in days where it matters for the dashboard: one about to expire, one expired.
VOG_AGE_DAYS = {"tim.degraaf@demo.maatje.nl": 3 * 365 - 30, "thomas.meijer@demo.maatje.nl": 3 * 365 + 20}
# Proposals: newcomer (by name), buddy (by e-mail), status. Agreed in Utrecht: waits for coordinator@demo.
PROPOSALS = [
    ("Olena Kovalenko", "bram.bos@demo.maatje.nl", "agreed"),
    ("Mehmet Yılmaz", "lotte.mulder@demo.maatje.nl", "proposed"),
    ("Ahmad Al-Khatib", "anna.nowak@demo.maatje.nl", "declined"),
    ("Semhar Gebremedhin", "emma.visser@demo.maatje.nl", "expired"),
    ("Reza Ahmadi", "noor.hendriks@demo.maatje.nl", "proposed"),
]
# The events that explain each status: (action, from, to, who answered).
TRAILS = {
    "proposed": [("propose", None, "proposed", None)],
    "agreed": [("propose", None, "proposed", None), ("accept", "proposed", "proposed", "newcomer"),
               ("accept", "proposed", "agreed", "buddy")],
    "declined": [("propose", None, "proposed", None), ("decline", "proposed", "declined", "buddy")],
    "expired": [("propose", None, "proposed", None), ("expire", "proposed", "expired", None)],
}


def _pick(codes, i, n):
    """Return n codes of a catalogue, varied by i (deterministic)."""
    return [codes[(i * 3 + k * 5) % len(codes)] for k in range(n)]


def _slots(i):
    day = i % 7
    evening = i % 2 == 0
    return [{"day": day, "start": "18:30" if evening else "10:00", "end": "20:30" if evening else "12:00"},
            {"day": (day + 3) % 7, "start": "13:00", "end": "15:00"}]


def _goals(i):
    return {domain: _pick(catalogue.goal_codes(domain), i + d, 1 + (i + d) % 2)
            for d, domain in enumerate(catalogue.GOALS) if (i + d) % 3}


def _org_for(i):
    return "GM0344" if i % 2 == 0 else "GM0363"


def load_demo() -> list[str]:
    """Create the organisation tree, the demo accounts, people and matches; safe to run twice."""
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
    made = _people()
    if made:
        report.append(f"demo people: {made} rows created (accounts, intakes, buddy profiles)")
    made = _proposals()
    if made:
        report.append(f"{made} demo proposals created")
    made = _together()
    if made:
        report.append(f"the demo pairs' history: {made} meetings, activities and goals created")
    made = load_practice()
    if made:
        report.append(f"phrase practice: {made} reviews, settings and branch phrases created")
    from backend.audio.demo import record_demo_clips

    line = record_demo_clips()
    if line:
        report.append(line)
    report.append(f"demo ready: log in with any demo account and the password {PASSWORD}")
    return report


def _people() -> int:
    """Intakes for the demo newcomers, profiles for the demo buddies; more of both. Returns how many were made."""
    made = 0
    today = dt.date.today()
    coordinator = accounts.get_user_by_email("coordinator@demo.maatje.nl")
    password_hash = None
    newcomers = [(accounts.get_user_by_email(e), n, l) for e, n, r, c, l in ACCOUNTS + WAITING if r == ["newcomer"]]
    for i, (name, locale, languages) in enumerate(NEWCOMERS):
        username = f"demo.{name.split()[0].lower()}"
        user = db.session.scalar(sa.select(User).where(User.username == username))
        if user is None:
            user = accounts.create_pending_user(name, username, ["newcomer"], get_by_code(_org_for(i)), locale)
            made += 1
        newcomers.append((user, name, locale))
    for i, (user, name, locale) in enumerate(newcomers):
        if db.session.get(NewcomerIntake, user.id) is None:
            org = user.organisation
            languages = next((l for n, _, l in NEWCOMERS if n == name), [locale or "ar"])
            db.session.add(NewcomerIntake(
                user_id=user.id, organisation_id=org.id, municipality_code=org.code,
                category=catalogue.codes("categories")[i % 5], arrival_date=today - dt.timedelta(days=60 + 37 * i),
                languages=languages, dutch_level=catalogue.codes("dutch_levels")[i % 4],
                learning_route=catalogue.codes("learning_routes")[i % 3], goals=_goals(i),
                interests=_pick(catalogue.codes("interests"), i, 2 + i % 3), availability=_slots(i),
                preferences={"buddy_gender": "female"} if i % 5 == 1 else {},
                consents=[{"kind": "privacy", "version": catalogue.PRIVACY_VERSION, "at": utcnow().isoformat()}],
                created_by_id=coordinator.id if org.code == "GM0344" else None,
            ))
            made += 1
    buddies = [(accounts.get_user_by_email(e), "available") for e, n, r, c, l in ACCOUNTS + WAITING if r == ["buddy"]]
    for i, (name, mail_name) in enumerate(BUDDIES):
        email = f"{mail_name}@demo.maatje.nl"
        user = accounts.get_user_by_email(email)
        if user is None:
            password_hash = password_hash or passwords.hash_password(PASSWORD)
            user = User(email=email, password_hash=password_hash, display_name=name, locale="nl",
                        organisation=get_by_code(_org_for(i + 1)), availability=_slots(i + 3))
            user.roles = ["buddy"]
            db.session.add(user)
            db.session.flush()
            accounts.record_profile(user)
            made += 1
        buddies.append((user, BUDDY_STATES[i % len(BUDDY_STATES)]))
    for i, (user, state) in enumerate(buddies):
        if db.session.get(BuddyProfile, user.id) is None:
            _add_buddy_profile(user, state, i, today, coordinator)
            made += 1
    db.session.commit()
    return made


def _add_buddy_profile(user, state, i, today, coordinator):
    """A profile in `state`, with the steps that led there."""
    org = user.organisation
    mdt = i % 4 == 3 or user.email == MDT_DEMO_BUDDY
    mdt_start = today - dt.timedelta(days=60 if user.email == MDT_DEMO_BUDDY else 20)
    path = ["signed_up", "intake_done", "vog_received", "trained", "available"]
    steps = path[: path.index(state) + 1] if state in path else path[: 2 + i % 4] + [state]
    has_vog = "vog_received" in steps
    vog_date = None
    if has_vog:
        vog_date = today - dt.timedelta(days=VOG_AGE_DAYS.get(user.email, 40 + 20 * i))
    db.session.add(BuddyProfile(
        user_id=user.id, organisation_id=org.id, kind="mdt" if mdt else "volunteer",
        birth_date=today - dt.timedelta(days=365 * (19 + i % 8) + 10) if mdt else None,
        gender=catalogue.codes("genders")[i % 2], mdt_start=mdt_start if mdt else None,
        mdt_end=mdt_start + dt.timedelta(days=170) if mdt else None, mdt_hours_target=80 if mdt else None,
        languages=LANGUAGE_MIX[i % len(LANGUAGE_MIX)], interests=_pick(catalogue.codes("interests"), i + 1, 2 + i % 3),
        availability=user.availability or _slots(i), municipality_code=org.code, capacity=1 + i % 3, state=state,
        vog_date=vog_date, consent_version=catalogue.PRIVACY_VERSION, consent_at=utcnow() - dt.timedelta(days=90),
    ))
    db.session.flush()
    by = coordinator.id if org.code == "GM0344" else None
    previous = None
    for n, step in enumerate(steps):
        db.session.add(VettingStep(buddy_id=user.id, from_state=previous, to_state=step, by_id=None if n == 0 else by,
                                   vog_date=vog_date if step == "vog_received" else None,
                                   at=utcnow() - dt.timedelta(days=90 - 10 * n)))
        previous = step


def _proposals() -> int:
    """The demo proposals, with the events that explain them; made once per pair."""
    made = 0
    coordinator = accounts.get_user_by_email("coordinator@demo.maatje.nl")
    for newcomer_name, buddy_email, status in PROPOSALS:
        newcomer = db.session.scalar(sa.select(User).where(User.display_name == newcomer_name, User.role_names == "newcomer"))
        buddy = accounts.get_user_by_email(buddy_email)
        if newcomer is None or buddy is None or db.session.scalar(
                sa.select(Match.id).where(Match.newcomer_id == newcomer.id, Match.buddy_id == buddy.id)):
            continue
        now = utcnow()
        age = 16 if status == "expired" else 3  # days since the proposal; proposals expire after 14
        match = Match(newcomer_id=newcomer.id, buddy_id=buddy.id, organisation_id=newcomer.organisation_id,
                      status=status, proposed_by_id=coordinator.id if newcomer.organisation.code == "GM0344" else None,
                      created_at=now - dt.timedelta(days=age), expires_at=now + dt.timedelta(days=14 - age),
                      newcomer_answer="accepted" if status == "agreed" else None,
                      buddy_answer={"agreed": "accepted", "declined": "declined"}.get(status))
        db.session.add(match)
        db.session.flush()
        for seq, (action, before, after, who) in enumerate(TRAILS[status], start=1):
            actor = {"newcomer": newcomer.id, "buddy": buddy.id}.get(who, match.proposed_by_id)
            db.session.add(MatchEvent(match_id=match.id, seq=seq, action=action, actor_id=actor, from_status=before,
                                      to_status=after, reason="no_time" if action == "decline" else None,
                                      at=now - dt.timedelta(days=age) + dt.timedelta(hours=seq)))
        publish_offers(match)  # each party's phone gets its view of the proposal (its user: scope)
        made += 1
    db.session.commit()
    return made


# -- the pairs' life together (issue 10) ---------------------------------------------------------
# Meetings: days from today, Amsterdam time, minutes, where, status, who proposed, extra.
MEETINGS = {
    0: [
        (-63, "14:00", 90, "Bibliotheek Neude", "held", "buddy",
         {"attended": ["newcomer", "buddy"], "held_note": "Pasje gemaakt en boeken voor de kinderen geleend."}),
        (-49, "10:00", 60, "Café de Kade", "held", "newcomer",
         {"attended": ["newcomer", "buddy"], "held_note": "Samen de brief van de gemeente gelezen."}),
        (-35, "19:00", 60, "Buurthuis De Leeuw", "cancelled", "buddy",
         {"cancelled_by": "newcomer", "cancel_reason": "Mijn zoon was ziek."}),
        (-28, "15:00", 60, "", "held", "buddy",
         {"video_url": "https://meet.jit.si/maatje-demo", "attended": ["newcomer", "buddy"],
          "held_note": "Oefenen voor het gesprek bij het werkplein."}),
        (-7, "11:00", 120, "Gemeentehuis, Stadsplateau 1", "held", "newcomer",
         {"attended": ["newcomer", "buddy"], "held_note": "Afspraak over de toeslagen gemaakt."}),
        (3, "10:00", 60, "Bibliotheek Neude", "confirmed", "buddy", {}),
        (8, "14:00", 90, "Buurthuis De Leeuw", "proposed", "buddy", {"also": (9, "19:00")}),
    ],
    1: [
        (-10, "13:00", 120, "Centraal Station, bij de klok", "held", "buddy",
         {"attended": ["newcomer", "buddy"], "held_note": "Met de trein naar Haarlem en terug."}),
        (5, "16:00", 60, "Openbare Bibliotheek Amsterdam", "confirmed", "newcomer", {}),
    ],
}
# Activities: days from today, type, minutes, initiative, note.
ACTIVITIES = {
    0: [(-63, "library", 90, "buddy", "Lidmaatschap geregeld."), (-42, "letter", 30, "newcomer", ""),
        (-30, "cv", 60, "both", "Eerste versie van het cv."), (-21, "sports_club", 60, "newcomer", "Proeftraining volleybal."),
        (-14, "job_fair", 120, "newcomer", ""), (-7, "municipality", 90, "buddy", ""),
        (-3, "neighbourhood", 120, "both", "Buurtfeest met de kinderen."), (-1, "conversation", 45, "newcomer", "")],
    1: [(-10, "outing", 120, "buddy", ""), (-4, "language_cafe", 60, "newcomer", "")],
}
# Goals: domain, catalogue code or None, own title, level, steps [(text, done)], done.
GOALS = {
    0: [("taal", "speaking", "", 0, [("Zelf een afspraak bij de huisarts maken", True),
                                    ("Boodschappen doen in het Nederlands", True),
                                    ("Een praatje maken met de buren", False)], False),
        ("werk", None, "Een cv in het Nederlands", 2, [], False),
        ("meedoen", "club", "", 3, [], True)],
    1: [("meedoen", "transport", "", 1, [], False)],
}


def _at(day: dt.date, hhmm: str) -> dt.datetime:
    """An Amsterdam wall time on `day`, in UTC."""
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), AMSTERDAM).astimezone(dt.timezone.utc)


def _together() -> int:
    """Meetings, activities and goals of the two demo pairs, made once per pair. Returns how many."""
    from backend.activities.models import Activity
    from backend.activities.service import activity_data
    from backend.goals.models import Goal
    from backend.goals.service import goal_data
    from backend.meetings.models import Meeting
    from backend.meetings.service import meeting_data
    from backend.sync import changes

    made = 0
    today = dt.datetime.now(AMSTERDAM).date()
    now = utcnow()
    for n, (newcomer_email, buddy_email) in enumerate(PAIRS):
        newcomer = accounts.get_user_by_email(newcomer_email)
        buddy = accounts.get_user_by_email(buddy_email)
        match = db.session.scalar(sa.select(Match).where(
            Match.newcomer_id == newcomer.id, Match.buddy_id == buddy.id, Match.status == "active"))
        if match is None or db.session.scalar(sa.select(Meeting.id).where(Meeting.match_id == match.id).limit(1)):
            continue
        # The pair started ten weeks ago (the first has a long history, the second a short one).
        start = now - dt.timedelta(days=70 if n == 0 else 14)
        match.created_at = start - dt.timedelta(days=5)
        match.approved_at = start
        for event in db.session.scalars(sa.select(MatchEvent).where(MatchEvent.match_id == match.id)):
            event.at = start - dt.timedelta(days=5) + dt.timedelta(hours=event.seq)
        publish_offers(match)
        for k, (days, hhmm, minutes, place, status, proposer, extra) in enumerate(MEETINGS[n]):
            day = today + dt.timedelta(days=days)
            starts = _at(day, hhmm)
            slots = [{"starts_at": starts.isoformat(), "minutes": minutes}]
            if "also" in extra:
                also_days, also_time = extra["also"]
                slots.append({"starts_at": _at(today + dt.timedelta(days=also_days), also_time).isoformat(),
                              "minutes": minutes})
            other = "newcomer" if proposer == "buddy" else "buddy"
            chosen = status != "proposed"
            meeting = Meeting(
                id=uuid.uuid5(match.id, f"meeting-{k}"), match_id=match.id, status=status,
                version={"proposed": 1, "confirmed": 2, "cancelled": 3, "held": 3}[status],
                sequence=1 if status == "cancelled" else 0, proposed_by=proposer, slots=slots,
                starts_at=starts if chosen else None, minutes=minutes if chosen else None,
                place=place, video_url=extra.get("video_url", ""), note="",
                decided_by=other if chosen else None, cancelled_by=extra.get("cancelled_by"),
                cancel_reason=extra.get("cancel_reason", ""), attended=extra.get("attended", []),
                held_note=extra.get("held_note", ""), completed_by="buddy" if status == "held" else None,
                last_action={"proposed": "propose", "confirmed": "choose", "cancelled": "cancel",
                             "held": "complete"}[status],
                last_actor=extra.get("cancelled_by") or ("buddy" if status == "held" else other if chosen else proposer),
                created_at=min(now, starts - dt.timedelta(days=4)),
                updated_at=min(now, starts + dt.timedelta(hours=3)) if status == "held" else min(now, starts - dt.timedelta(days=2)),
            )
            db.session.add(meeting)
            db.session.flush()
            changes.record_put("meeting", meeting.id, match.scope, meeting_data(meeting))
            made += 1
        for k, (days, type_code, minutes, initiative, note) in enumerate(ACTIVITIES[n]):
            activity = Activity(
                id=uuid.uuid5(match.id, f"activity-{k}"), match_id=match.id, type=type_code,
                domain=catalogue.activity_domain(type_code), day=today + dt.timedelta(days=days), minutes=minutes,
                initiative=initiative, note=note, logged_by="buddy" if k % 3 else "newcomer",
                created_at=now + dt.timedelta(days=days))
            db.session.add(activity)
            db.session.flush()
            changes.record_put("activity", activity.id, match.scope, activity_data(activity))
            made += 1
        for k, (domain, code, title, level, steps, done) in enumerate(GOALS[n]):
            goal = Goal(
                id=uuid.uuid5(match.id, f"goal-{k}"), match_id=match.id, domain=domain, code=code, title=title,
                level=level, added_by="buddy" if k % 2 else "newcomer",
                steps=[{"id": str(uuid.uuid5(match.id, f"goal-{k}-step-{j}")), "text": text, "done": ok}
                       for j, (text, ok) in enumerate(steps)],
                done_at=now - dt.timedelta(days=5) if done else None,
                created_at=start + dt.timedelta(days=2), updated_at=now - dt.timedelta(days=2))
            db.session.add(goal)
            db.session.flush()
            changes.record_put("goal", goal.id, match.scope, goal_data(goal))
            made += 1
    db.session.commit()
    return made
