"""Sync in real Chromium: one user on two devices, offline edits, reloads, convergence."""
from playwright.sync_api import expect

from tests.e2e.conftest import log_in, open_sync_details, queue_mutation, wait_for_service_worker


def open_profile(page):
    page.goto("/profiel")
    page.get_by_test_id("profile").wait_for()
    expect(page.get_by_label("Naam")).not_to_have_value("")


def test_one_user_on_two_devices_converges(new_context, demo):
    phone_ctx, laptop_ctx = new_context(), new_context()
    phone, laptop = phone_ctx.new_page(), laptop_ctx.new_page()
    log_in(phone, "newcomer@demo.maatje.nl")
    log_in(laptop, "newcomer@demo.maatje.nl")
    wait_for_service_worker(phone)
    open_profile(phone)
    open_profile(laptop)

    # The phone loses its connection and the newcomer changes her name there.
    phone_ctx.set_offline(True)
    phone.get_by_label("Naam").fill("Amal (telefoon)")
    phone.get_by_role("button", name="Opslaan").click()
    badge = phone.get_by_test_id("sync-badge")
    expect(badge).to_have_attribute("data-pending", "1")
    expect(badge).to_contain_text("1 wacht")
    expect(open_sync_details(phone)).to_contain_text("1 wijziging wacht")

    # A reload while offline keeps the pending change, shown on top of the stored profile.
    phone.reload()
    phone.get_by_test_id("profile").wait_for()
    expect(phone.get_by_label("Naam")).to_have_value("Amal (telefoon)")
    expect(phone.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "1")

    # Meanwhile, online on the laptop, she adds a moment she is available.
    laptop.get_by_role("button", name="Moment toevoegen").click()
    laptop.get_by_label("Dag").select_option("2")
    laptop.get_by_role("button", name="Opslaan").click()
    expect(laptop.locator(".form-status")).to_have_text("Opgeslagen.")  # queued: only now can "0 waiting" mean sent
    expect(laptop.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0")

    # Back online: the phone sends its change; the laptop pulls it and has sent its own.
    phone_ctx.set_offline(False)
    expect(phone.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=20_000)
    laptop.reload()
    open_profile(laptop)
    expect(laptop.get_by_label("Naam")).to_have_value("Amal (telefoon)", timeout=20_000)
    expect(laptop.get_by_label("Dag")).to_have_value("2", timeout=20_000)
    expect(open_sync_details(laptop)).to_contain_text("Alles is bijgewerkt")
    # The phone pulls the laptop's change on its next round (here: opening the app again). Under
    # load the laptop's push can come after the phone's first round back online, and nothing
    # else starts a round within the wait.
    phone.reload()
    open_profile(phone)
    expect(phone.get_by_label("Naam")).to_have_value("Amal (telefoon)", timeout=20_000)
    expect(phone.get_by_label("Dag")).to_have_value("2", timeout=20_000)


def test_a_rejected_change_is_explained_in_plain_words(new_context, demo, app):
    """The server refuses an offline change (here: a language it does not offer): the badge says so
    and links to the notice that explains it."""
    context = new_context()
    page = context.new_page()
    log_in(page, "buddy@demo.maatje.nl")
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced")
    queue_mutation(page, "profile.update", {"locale": "xx"})
    page.reload()
    alert = page.get_by_test_id("rejected")
    expect(alert).to_contain_text("1 wijziging is niet doorgevoerd", timeout=20_000)
    alert.get_by_role("link", name="Bekijk waarom").click()
    expect(page.get_by_test_id("notice").first).to_contain_text("ongeldige gegevens")
    page.get_by_role("button", name="Alles gelezen").click()
    expect(alert).to_be_hidden()
