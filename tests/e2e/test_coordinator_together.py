"""The coordinator's view of a pair's life together and of an MDT buddy's hours, in Chromium:
counts and dates (never the pair's notes), 360 px wide, axe-clean in Dutch, Arabic and Tigrinya."""
import datetime as dt

import pytest
from playwright.sync_api import expect

from backend.config import ROOT
from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_violations, log_in
from tests.e2e.test_matching import choice_kept
from tests.hours.test_hours import SECRET, activity, make_mdt, meeting, today
from tests.matching.conftest import add_intake, add_profile

SCREENSHOTS = ROOT / "test-results" / "screenshots"


@pytest.fixture
def desk(app, make_user, make_match):
    """A coordinator, and a pair with an MDT buddy who met twice, did three things, has two goals."""
    import uuid

    from backend.extensions import db
    from backend.goals.models import Goal

    coordinator = make_user("coordinator", name="Fatima El Amrani")
    newcomer, buddy = make_user("newcomer", name="Amal Haddad"), make_user("buddy", name="Sanne de Vries")
    add_intake(app, newcomer)
    add_profile(app, buddy)
    make_mdt(app, buddy, today() - dt.timedelta(days=30), today() + dt.timedelta(days=150))
    match = make_match(newcomer, buddy)
    with app.app_context():
        db.session.add_all([
            meeting(match.id, today() - dt.timedelta(days=7), 90), meeting(match.id, today() - dt.timedelta(days=1), 60),
            meeting(match.id, today() + dt.timedelta(days=3), 60, status="confirmed"),
            activity(match.id, today() - dt.timedelta(days=5), 45, kind="library"),
            activity(match.id, today() - dt.timedelta(days=2), 120, kind="cv"),
            activity(match.id, today(), 60, kind="sports_club"),
            Goal(id=uuid.uuid4(), match_id=match.id, domain="werk", title=SECRET, added_by="buddy", steps=[]),
            Goal(id=uuid.uuid4(), match_id=match.id, domain="taal", code="letters", added_by="newcomer", steps=[],
                 done_at=dt.datetime.now(dt.timezone.utc)),
        ])
        db.session.commit()
    return coordinator, str(match.id), str(buddy.id)


def test_the_coordinator_sees_the_pair_together_and_the_buddys_hours(new_context, desk):
    coordinator, match_id, buddy_id = desk
    page = new_context(viewport={"width": 360, "height": 800}).new_page()
    log_in(page, coordinator.email, PASSWORD)
    page.goto(f"/coordinatie/koppelingen/{match_id}")
    together = page.get_by_test_id("together")
    expect(together.get_by_test_id("together-meetings")).to_contain_text("2 afspraken gehouden")
    expect(together.get_by_test_id("together-meetings")).to_contain_text("1 afspraak gepland")
    expect(together.get_by_test_id("together-activities")).to_contain_text("3 activiteiten")
    expect(together.get_by_test_id("together-activities")).to_contain_text("3,8 uur")
    expect(together.locator("[data-domain=werk]")).to_contain_text("1 keer, 2 uur")
    expect(together.get_by_test_id("together-goals")).to_have_text("1 van 2 doelen bereikt")
    assert SECRET not in page.content()
    page.goto(f"/coordinatie/maatjes/{buddy_id}")
    expect(page.get_by_test_id("hours-progress")).to_have_text("6,3 van de 80 uur")  # 150 + 225 minutes
    assert page.locator("progress.hours-bar").get_attribute("max") == "80"


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
def test_the_together_and_hours_panels_at_360px_have_no_axe_violations(new_context, desk, lang):
    coordinator, match_id, buddy_id = desk
    page = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()
    log_in(page, coordinator.email, PASSWORD)
    page.goto("/profiel")
    page.get_by_test_id("language-picker").select_option(lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)
    choice_kept(page, lang)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, url, testid in (("match", f"/coordinatie/koppelingen/{match_id}", "together-goals"),
                              ("buddy", f"/coordinatie/maatjes/{buddy_id}", "hours-progress")):
        page.goto(url)
        page.get_by_test_id(testid).wait_for()
        expect(page.locator("html")).to_have_attribute("lang", lang)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, name
        height = page.evaluate("() => document.documentElement.scrollHeight")
        page.set_viewport_size({"width": 360, "height": max(800, height)})
        page.screenshot(path=str(SCREENSHOTS / f"coordinator-together-{name}-{lang}-360.png"))
        page.set_viewport_size({"width": 360, "height": 800})
        assert axe_violations(page) == [], name
