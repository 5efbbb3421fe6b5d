"""The sync badge in real Chromium: a full phone is said plainly."""
from playwright.sync_api import expect

from tests.e2e.conftest import log_in


def test_a_full_phone_is_said_plainly(new_context, demo):
    context = new_context()
    leader = context.new_page()
    log_in(leader, "newcomer@demo.maatje.nl")
    expect(leader.get_by_test_id("sync-badge")).to_have_attribute("data-state", "synced")
    # A second tab never syncs while the first leads, so nothing overwrites the problem we set:
    # 'quota', which the sync engine records when IndexedDB throws QuotaExceededError.
    page = context.new_page()
    page.goto("/")
    page.get_by_test_id("home").wait_for()
    page.evaluate("""async () => {
        const open = indexedDB.open('maatje');
        await new Promise((ok) => open.onsuccess = ok);
        const tx = open.result.transaction(['meta'], 'readwrite');
        tx.objectStore('meta').put({key: 'sync_problem', value: 'quota'});
        await new Promise((ok) => tx.oncomplete = ok);
        open.result.close();
    }""")
    page.reload()
    badge = page.get_by_test_id("sync-badge")
    expect(badge).to_have_attribute("data-state", "quota")
    expect(badge).to_contain_text("Geheugen vol")
    # A problem the user must act on opens the details by itself.
    expect(page.get_by_test_id("sync-details")).to_contain_text("Het geheugen van deze telefoon is vol. Maak ruimte vrij")
