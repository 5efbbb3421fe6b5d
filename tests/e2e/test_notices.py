"""Notices in real Chromium: the bell, the list, marking read offline, the server hears of it."""
from playwright.sync_api import expect

from tests.e2e.conftest import log_in, open_profile_by_nav, queue_mutation


def leave_notice(app, email, message):
    """Leave an unread 'rejected' notice for the user with this e-mail, as a refused change does."""
    import sqlalchemy as sa

    from backend.accounts.models import User
    from backend.extensions import db
    from backend.notices.service import add_notice

    with app.app_context():
        user = db.session.scalars(sa.select(User).where(User.email == email)).one()
        notice = add_notice(user.id, "rejected", "invalid_args", message, "profile.update")
        db.session.commit()
        return notice.id


def read_at(app, notice_id):
    from backend.extensions import db
    from backend.notices.models import Notice

    with app.app_context():
        return db.session.get(Notice, notice_id).read_at


def test_bell_list_and_mark_read_offline(new_context, demo, app):
    older = leave_notice(app, "newcomer@demo.maatje.nl", "Eerste melding.")
    newer = leave_notice(app, "newcomer@demo.maatje.nl", "Tweede melding.")
    context = new_context()
    page = context.new_page()
    log_in(page, "newcomer@demo.maatje.nl")
    bell = page.get_by_test_id("notice-bell")
    expect(bell).to_have_attribute("data-unread", "2")
    expect(page.get_by_test_id("rejected")).to_contain_text("2 wijzigingen zijn niet doorgevoerd")

    bell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    notices = page.get_by_test_id("notice")
    expect(notices).to_have_count(2)
    expect(notices.nth(0)).to_contain_text("Tweede melding.")  # newest first
    expect(notices.nth(1)).to_contain_text("Eerste melding.")

    # Offline: reading one is shown at once and waits in the outbox.
    context.set_offline(True)
    notices.nth(1).get_by_role("button", name="Markeer als gelezen").click()
    expect(notices.nth(1)).to_have_attribute("data-read", "true")
    expect(bell).to_have_attribute("data-unread", "1")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "1")
    page.get_by_role("button", name="Alles gelezen").click()
    expect(bell).to_have_attribute("data-unread", "0")
    expect(page.get_by_test_id("rejected")).to_be_hidden()
    assert read_at(app, older) is None

    context.set_offline(False)
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)
    assert read_at(app, older) is not None and read_at(app, newer) is not None
    page.reload()
    page.get_by_test_id("notices").wait_for()
    expect(page.get_by_test_id("notice-bell")).to_have_attribute("data-unread", "0")


def test_a_notice_follows_the_apps_language(new_context, demo, app):
    """A rejected change leaves a notice in Dutch; switched to Farsi, the app words it in Farsi
    from its catalog (the server's stored text stays Dutch)."""
    import sqlalchemy as sa
    from babel.messages.pofile import read_po

    from backend.extensions import db
    from backend.i18n import catalogs
    from backend.notices.models import Notice

    dutch = "Deze wijziging bevat ongeldige gegevens."  # the server's text for invalid arguments
    with open(catalogs.po_path("fa"), "rb") as f:
        farsi = read_po(f, locale="fa").get(dutch).string
    assert farsi and farsi != dutch

    context = new_context()
    page = context.new_page()
    log_in(page, "buddy@demo.maatje.nl")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced")
    queue_mutation(page, "profile.update", {"locale": "xx"})  # a language the server does not offer
    page.reload()
    expect(page.get_by_test_id("rejected")).to_be_visible(timeout=20_000)
    page.get_by_test_id("notice-bell").click()
    notice = page.get_by_test_id("notice")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text(dutch)

    open_profile_by_nav(page)
    page.get_by_test_id("language-picker").select_option("fa")
    page.locator("html[lang=fa]").wait_for(state="attached")
    page.get_by_test_id("notice-bell").click()
    expect(notice).to_contain_text(farsi)
    expect(notice).not_to_contain_text(dutch)
    with app.app_context():
        stored = db.session.scalars(sa.select(Notice)).one()
        assert (stored.msgid, stored.message) == (dutch, dutch)  # worded on the phone, not re-sent
