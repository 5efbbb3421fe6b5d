"""GET /api/audit/reads: the branch sees who read its people's profiles, newest first."""
from tests.people_factories import as_coordinator, make_buddy, make_intake  # noqa: F401


def test_the_branch_sees_the_reads_of_its_people(auth, client, make_intake, make_buddy, make_user, as_coordinator):
    newcomer = make_intake(name="Amal")
    buddy = make_buddy(name="Sanne")
    elsewhere = make_intake(org="GM0363", name="Yonas")
    reader = as_coordinator("GM0344")
    client.get(f"/api/newcomers/{newcomer}")
    client.get(f"/api/buddies/{buddy}")
    client.get(f"/api/newcomers/{elsewhere}")  # 404: not a read
    reads = client.get("/api/audit/reads").json
    assert [(r["subject_name"], r["what"]) for r in reads] == [("Sanne", "buddy_profile"), ("Amal", "intake")]
    assert {r["reader_name"] for r in reads} == {reader.display_name}
    # A colleague of the same branch sees them too; Amsterdam does not.
    colleague = make_user("coordinator", org="GM0344")
    auth.login(colleague.email)
    assert len(client.get("/api/audit/reads").json) == 2
    amsterdam = make_user("coordinator", org="GM0363")
    auth.login(amsterdam.email)
    assert client.get("/api/audit/reads").json == []


def test_the_log_is_paged(auth, client, make_intake, as_coordinator):
    newcomer = make_intake()
    as_coordinator("GM0344")
    for _ in range(3):
        client.get(f"/api/newcomers/{newcomer}")
    page = client.get("/api/audit/reads?page=1&page_size=2")
    assert len(page.json) == 2 and '"total": 3' in page.headers["X-Pagination"]


def test_only_municipal_coordinators_see_the_log(auth, client, make_user):
    for role, org in (("coordinator", "PV26"), ("coordinator", "NL"), ("buddy", "GM0344")):
        user = make_user(role, org=org)
        auth.login(user.email)
        assert client.get("/api/audit/reads").status_code == 403
