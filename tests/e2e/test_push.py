"""Reminders on the phone in real Chromium: the prompt waits for a confirmed meeting (never on first
open), "Niet nu" puts it away on this phone; the service worker shows a pushed reminder and a tap
opens its meeting; a reminder notice opens its meeting too; axe and 360 px screenshots."""
import datetime as dt
import json
import uuid

import pytest
from playwright.sync_api import expect

from backend.config import ROOT
from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_violations, log_in, open_profile_by_nav, wait_for_service_worker

SCREENSHOTS = ROOT / "test-results" / "screenshots"
COUNT_NOTIFICATIONS = "async () => (await (await navigator.serviceWorker.ready).getNotifications()).length"


@pytest.fixture
def pair(make_user, make_match):
    newcomer = make_user("newcomer", name="Amal Haddad")
    buddy = make_user("buddy", name="Sanne de Vries")
    return newcomer, buddy, make_match(newcomer, buddy)


def confirm_meeting(app, match, starts=None) -> str:
    """A meeting the pair agreed on (as meeting.choose leaves it), in the pair's scope."""
    from backend.extensions import db
    from backend.meetings.models import Meeting
    from backend.meetings.service import meeting_data
    from backend.sync import changes

    starts = starts or (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    with app.app_context():
        meeting = Meeting(id=uuid.uuid4(), match_id=match.id, status="confirmed", version=2, proposed_by="buddy",
                          slots=[{"starts_at": starts.isoformat(), "minutes": 60}], starts_at=starts, minutes=60,
                          place="Bibliotheek", decided_by="newcomer", last_action="choose", last_actor="newcomer")
        db.session.add(meeting)
        db.session.flush()
        changes.record_put("meeting", meeting.id, f"match:{match.id}", meeting_data(meeting))
        db.session.commit()
        return str(meeting.id)


def synced(page):
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced", timeout=20_000)


def test_the_prompt_waits_for_a_confirmed_meeting_and_not_now_puts_it_away(new_context, app, pair):
    newcomer, _, match = pair
    page = new_context(bypass_csp=True, viewport={"width": 360, "height": 800}).new_page()  # axe is injected inline
    log_in(page, newcomer.email, PASSWORD)
    synced(page)
    expect(page.get_by_test_id("offer-card")).to_be_visible()
    expect(page.get_by_test_id("push-prompt")).to_have_count(0)  # first open: nothing asked

    confirm_meeting(app, match)
    page.reload()
    prompt = page.get_by_test_id("push-prompt")
    expect(prompt).to_be_visible()
    expect(prompt).to_contain_text("een dag en een uur voor elke afspraak")
    expect(prompt.get_by_role("button", name="Herinneringen aanzetten")).to_be_visible()
    expect(prompt.get_by_role("button", name="Niet nu")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for lang in ("nl", "ar", "ti"):
        page.goto("/profiel")
        page.get_by_test_id("language-picker").select_option(lang)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)
        page.goto("/")
        expect(prompt).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        prompt.screenshot(path=str(SCREENSHOTS / f"push-prompt-{lang}-360.png"))
        if lang == "ar":
            assert page.evaluate("() => document.documentElement.dir") == "rtl"
        if lang in ("nl", "ar"):
            assert axe_violations(page) == []
    page.goto("/profiel")
    page.get_by_test_id("language-picker").select_option("nl")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    # The choice is a queued profile change: reloading before it is stored would show the old language.
    expect(page.get_by_test_id("sync-badge")).to_have_attribute("data-pending", "0", timeout=15_000)
    page.goto("/")

    # "Niet nu" (its Dutch name was checked above; the language may still be settling here).
    prompt.get_by_test_id("push-later").click()
    expect(prompt).to_have_count(0)
    page.reload()
    synced(page)
    expect(page.get_by_test_id("offer-card")).to_be_visible()
    expect(page.get_by_test_id("push-prompt")).to_have_count(0)  # remembered on this phone


def test_blocked_notifications_say_where_to_turn_them_on(new_context, app, pair):
    newcomer, _, match = pair
    confirm_meeting(app, match)
    page = new_context().new_page()
    # Chromium's answer when the user blocked notifications for the site.
    page.add_init_script("Object.defineProperty(Notification, 'permission', {get: () => 'denied'})")
    log_in(page, newcomer.email, PASSWORD)
    prompt = page.get_by_test_id("push-prompt")
    expect(prompt).to_have_attribute("data-phase", "denied")
    expect(prompt).to_contain_text("instellingen van je browser")
    expect(prompt.get_by_role("button", name="Herinneringen aanzetten")).to_have_count(0)
    prompt.get_by_role("button", name="Begrepen").click()
    expect(prompt).to_have_count(0)


def test_a_pushed_reminder_is_shown_and_a_tap_opens_the_meeting(new_context, live_server, app, pair):
    newcomer, _, match = pair
    meeting_id = confirm_meeting(app, match)
    context = new_context()
    context.grant_permissions(["notifications"], origin=live_server)
    page = context.new_page()
    log_in(page, newcomer.email, PASSWORD)
    wait_for_service_worker(page)
    page.reload()  # now the worker controls the page (navigate() works on controlled windows only)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")

    url = f"/maatje/{match.id}/afspraak/{meeting_id}"
    payload = {"title": "Herinnering aan je afspraak", "body": "Morgen om 10:00: afspraak met Sanne.", "url": url,
               "tag": f"meeting-{meeting_id}", "lang": "nl", "dir": "ltr"}
    # A push message as the push service delivers it, through the DevTools protocol.
    cdp = context.new_cdp_session(page)
    registrations = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: registrations.extend(e["registrations"]))
    cdp.send("ServiceWorker.enable")
    for _ in range(50):
        if registrations:
            break
        page.wait_for_timeout(100)
    registration_id = next(r["registrationId"] for r in registrations if not r.get("isDeleted"))
    cdp.send("ServiceWorker.deliverPushMessage", {"origin": live_server, "registrationId": registration_id,
                                                  "data": json.dumps(payload)})
    for _ in range(100):
        if page.evaluate(COUNT_NOTIFICATIONS) == 1:
            break
        page.wait_for_timeout(100)
    shown = page.evaluate("""async () => {
        const reg = await navigator.serviceWorker.ready;
        const [n] = await reg.getNotifications();
        return {title: n.title, body: n.body, tag: n.tag, url: n.data.url, lang: n.lang};
    }""")
    assert shown == {"title": payload["title"], "body": payload["body"], "tag": payload["tag"], "url": url, "lang": "nl"}

    # The tap: headless Chromium has no notification to click, so the worker is handed the
    # notificationclick event for the notification it showed; its handler moves the open window.
    [worker] = context.service_workers
    worker.evaluate("""async () => {
        const [notification] = await self.registration.getNotifications();
        self.dispatchEvent(new NotificationEvent('notificationclick', {notification}));
    }""")
    page.wait_for_url(f"**{url}")
    assert page.evaluate(COUNT_NOTIFICATIONS) == 0  # the tap closed it


def test_a_reminder_notice_opens_its_meeting(new_context, app, pair):
    from backend.reminders import service

    newcomer, _, match = pair
    meeting_id = confirm_meeting(app, match, dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=30))
    with app.app_context():
        assert service.run()["notices"] == 2  # the one-hour reminder is due
    page = new_context().new_page()
    log_in(page, newcomer.email, PASSWORD)
    page.get_by_test_id("notice-bell").click()
    notice = page.get_by_test_id("notice").first
    expect(notice).to_contain_text("afspraak met Sanne")
    notice.get_by_role("link", name="Openen").click()
    page.wait_for_url(f"**/maatje/{match.id}/afspraak/{meeting_id}")


# Headless Chromium has no push service: pushManager.subscribe() fails there ("Registration
# failed"). So this test stands in for the browser's push service only: subscribe() gives a
# subscription made like a browser's (keys from tests/push/helpers.py); everything else (the
# permission, the server's key, the POST, the logout's DELETE) is the real app and server.
FAKE_PUSH_MANAGER = """
(() => {
  // Kept across reloads of the page (the browser's subscription outlives a page), as its key.
  const make = (key) => {
    const json = window.__browserSubscription;
    return {endpoint: json.endpoint, options: {applicationServerKey: Uint8Array.from(atob(key), (c) => c.charCodeAt(0)).buffer},
            toJSON: () => json,
            unsubscribe: async () => { sessionStorage.removeItem('fake-push-key'); sessionStorage.setItem('fake-push-gone', '1'); return true; }};
  };
  PushManager.prototype.subscribe = async function (options) {
    const key = btoa(String.fromCharCode(...new Uint8Array(options.applicationServerKey)));
    sessionStorage.setItem('fake-push-key', key);
    return make(key);
  };
  PushManager.prototype.getSubscription = async function () {
    const key = sessionStorage.getItem('fake-push-key');
    return key ? make(key) : null;
  };
})();
"""


def test_turning_reminders_on_saves_the_device_and_logout_forgets_it(new_context, live_server, app, pair):
    import sqlalchemy as sa

    from backend.extensions import db
    from backend.push import vapid
    from backend.push.models import PushSubscription
    from tests.push.helpers import BrowserSubscription

    newcomer, _, match = pair
    confirm_meeting(app, match)
    device = BrowserSubscription("https://fcm.googleapis.com/fcm/send/e2e-" + uuid.uuid4().hex)
    context = new_context()
    context.grant_permissions(["notifications"], origin=live_server)
    context.add_init_script(f"window.__browserSubscription = {json.dumps(device.json())};" + FAKE_PUSH_MANAGER)
    page = context.new_page()
    log_in(page, newcomer.email, PASSWORD)
    wait_for_service_worker(page)
    page.reload()  # the worker takes over once (a reload of its own): let it happen before the test
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    prompt = page.get_by_test_id("push-prompt")
    prompt.get_by_role("button", name="Herinneringen aanzetten").click()
    expect(prompt).to_contain_text("Herinneringen staan aan op deze telefoon.")

    def saved():
        with app.app_context():
            return [(s.user_id, s.endpoint, s.p256dh, s.auth, s.locale)
                    for s in db.session.scalars(sa.select(PushSubscription))]

    assert saved() == [(newcomer.id, device.endpoint, device.p256dh, device.auth, "nl")]
    with app.app_context():
        public_key = vapid.keys().public_key
    subscribed_with = page.evaluate("() => sessionStorage.getItem('fake-push-key')")
    assert vapid.b64url(__import__("base64").b64decode(subscribed_with)) == public_key  # the server's key

    open_profile_by_nav(page)  # within the app: the page (and its push subscription) stays
    page.get_by_test_id("logout").click()
    page.get_by_role("button", name="Inloggen").wait_for()  # logged out: the login screen
    assert saved() == []  # this phone gets no more reminders for Amal
    assert page.evaluate("() => sessionStorage.getItem('fake-push-gone')") == "1"
