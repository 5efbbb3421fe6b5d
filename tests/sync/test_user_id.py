"""Every sync answer says whose it is, so a phone never applies or sends another person's data."""
from tests.sync.helpers import Device


def test_push_and_pull_answers_carry_the_session_user(auth, make_user):
    amal = make_user("newcomer", email="amal@example.org", name="Amal")
    bram = make_user("buddy", email="bram@example.org", name="Bram")
    auth.login("amal@example.org")
    device = Device(auth)
    pushed = device.push(device.mutation("profile.update", display_name="Amal H."))
    assert pushed.status_code == 200 and pushed.json["user_id"] == str(amal.id)
    pulled = device.pull()
    assert [page["user_id"] for page in pulled] == [str(amal.id)]
    # Up to date: the one-statement path answers, and says whose answer it is too.
    assert device.pull()[0]["user_id"] == str(amal.id)
    # Another person logs in on the same browser: the answers now name them, not Amal.
    auth.logout()
    auth.login("bram@example.org")
    other = Device(auth)
    assert other.push().json["user_id"] == str(bram.id)
    assert other.pull()[0]["user_id"] == str(bram.id)
