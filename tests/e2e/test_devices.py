"""The device list in the profile (issue 7 item 1): "signed in on 2 devices", end another one.

Needs the session routes of the sessions branch (GET/DELETE /api/auth/sessions): it passes once
that branch is merged.
"""
import re

from playwright.sync_api import expect

from tests.e2e.conftest import log_in, screenshot_in_three_languages

AMAL = "newcomer@demo.maatje.nl"


def test_the_user_sees_their_devices_and_ends_another_one(new_context, demo):
    phone_ctx, laptop_ctx = new_context(), new_context()
    phone, laptop = phone_ctx.new_page(), laptop_ctx.new_page()
    log_in(laptop, AMAL)
    log_in(phone, AMAL)
    phone.goto("/#/profiel")
    devices = phone.get_by_test_id("devices")
    expect(devices.get_by_role("heading")).to_have_text("Ingelogd op 2 apparaten", timeout=20_000)
    rows = devices.get_by_test_id("device")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="dit apparaat")).to_have_count(1)
    expect(rows.first).to_contain_text("Laatst gezien:")
    devices.scroll_into_view_if_needed()
    screenshot_in_three_languages(phone, "devices-section", devices)

    # Ending the other session logs the laptop out; this phone stays in.
    devices.get_by_role("button", name=re.compile("^Uitloggen op ")).click()
    expect(devices.get_by_role("heading")).to_have_text("Ingelogd op 1 apparaat")
    expect(rows).to_have_count(1)
    laptop.reload()
    laptop.get_by_test_id("login-form").wait_for(timeout=20_000)
    expect(laptop.get_by_test_id("logout-reason")).to_contain_text("je sessie is verlopen of beëindigd")

    # Offline the list cannot be had: it says so plainly.
    phone_ctx.set_offline(True)
    expect(devices).to_contain_text("Dit kan alleen met internet.")
