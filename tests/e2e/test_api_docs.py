"""The API docs page in Chromium: "Try it out" logs in, then changes data with cookie and CSRF token."""
import json

from tests.conftest import PASSWORD


def try_it_out(page, operation_id, body=None):
    """Open one operation, send it with `body`, and return the status code Swagger UI shows."""
    block = page.locator(f"#operations-{operation_id}")
    block.locator(".opblock-summary").first.click()
    block.get_by_role("button", name="Try it out").click()
    if body is not None:
        block.locator("textarea.body-param__text").fill(json.dumps(body))
    block.get_by_role("button", name="Execute").click()
    status = block.locator(".live-responses-table tr.response .response-col_status").first
    status.wait_for()
    return int(status.inner_text().strip())


def test_try_it_out_sends_the_session_cookie_and_the_csrf_token(page, make_user):
    make_user(email="docs@example.org")
    page.goto("/api/docs/")
    assert try_it_out(page, "auth-post_api_auth_login", {"email": "docs@example.org", "password": PASSWORD}) == 200
    # A PATCH needs the cookie (401 without) and the X-CSRF-Token header (403 without).
    assert try_it_out(page, "auth-patch_api_auth_me", {"display_name": "Via de docs"}) == 200
    me = page.request.get("/api/auth/me")
    assert me.json()["user"]["display_name"] == "Via de docs"
