"""The demo command: exactly the documented accounts, idempotent."""
import sqlalchemy as sa

from backend.accounts.models import User
from backend.matching.models import Match

DEMO_LOGINS = {
    "newcomer@demo.maatje.nl", "buddy@demo.maatje.nl", "newcomer2@demo.maatje.nl", "buddy2@demo.maatje.nl",
    "coordinator@demo.maatje.nl", "province@demo.maatje.nl", "admin@demo.maatje.nl",
}


def test_demo_runs_twice_and_creates_the_documented_accounts(app, client):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0 and "created" not in second.output.replace("0 created", "")
    with app.app_context():
        from backend.extensions import db

        emails = set(db.session.scalars(sa.select(User.email).where(User.email.like("%@demo.maatje.nl"))))
        assert DEMO_LOGINS <= emails
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Match).where(Match.status == "active")) == 2
        coordinator = db.session.scalar(sa.select(User).where(User.email == "coordinator@demo.maatje.nl"))
        newcomer = db.session.scalar(sa.select(User).where(User.email == "newcomer@demo.maatje.nl"))
        assert coordinator.organisation_id == newcomer.organisation_id  # the first pair's branch
    from backend.extensions import limiter

    for email in DEMO_LOGINS:
        limiter.reset()  # seven logins from one address would hit the login limit
        response = client.post("/api/auth/login", json={"email": email, "password": "maatje-demo"})
        assert response.status_code == 200, email
        client.post("/api/auth/logout", headers={"X-CSRF-Token": response.json["csrf_token"]})


def test_demo_people_fill_every_list_of_the_dashboard(app, client):
    from backend.buddies.models import STATES, BuddyProfile
    from backend.extensions import db
    from backend.newcomers.models import NewcomerIntake

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        states = set(db.session.scalars(sa.select(BuddyProfile.state)))
        assert states == set(STATES)  # every vetting state
        assert db.session.scalar(sa.select(sa.func.count()).select_from(BuddyProfile)) >= 35
        assert db.session.scalar(sa.select(sa.func.count()).select_from(NewcomerIntake)) >= 25
        statuses = sorted(db.session.scalars(sa.select(Match.status)))
        assert statuses.count("active") == 2 and {"proposed", "agreed", "declined", "expired"} <= set(statuses)
        for match in db.session.scalars(sa.select(Match)):  # every pair within one branch
            newcomer, buddy = db.session.get(User, match.newcomer_id), db.session.get(User, match.buddy_id)
            assert newcomer.organisation_id == buddy.organisation_id == match.organisation_id
    login = client.post("/api/auth/login", json={"email": "coordinator@demo.maatje.nl", "password": "maatje-demo"})
    assert login.status_code == 200
    board = client.get("/api/dashboard").json["branch"]
    assert board["waiting_newcomers"]["count"] >= 5 and board["vogs_expiring"] and board["vogs_expired"]
    agreed = [p for p in board["proposals_waiting"] if p["status"] == "agreed"]
    assert [p["newcomer_name"] for p in agreed] == ["Olena Kovalenko"]  # waits for this coordinator's approval
    assert sum(board["buddies_to_vet"].values()) >= 5


def test_every_demo_proposal_reaches_both_parties_phones(app):
    """A proposal in the demo is in each party's own scope, as one made through the service is."""
    from backend.extensions import db
    import json

    from backend.sync.models import SyncChange

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        proposals = db.session.scalars(sa.select(Match).where(Match.status != "active")).all()
        assert proposals
        for match in proposals:
            for user_id in (match.newcomer_id, match.buddy_id):
                rows = db.session.scalars(sa.select(SyncChange.data).where(
                    SyncChange.entity == "match_offer", SyncChange.scope == f"user:{user_id}")).all()
                assert any(json.loads(data)["match_id"] == str(match.id) for data in rows if data), match.status
