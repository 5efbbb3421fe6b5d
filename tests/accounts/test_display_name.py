"""display_name: any script people write their names in; nothing invisible, nothing that flips text."""
import unicodedata

import pytest

from tests.sync.helpers import Device

REFUSED = {
    "trailing newline": "Amal\n",
    "tab inside": "Am\tal",
    "escape": "Amal\x1b[31m",
    "DEL": "Amal\x7f",
    "C1 control": "Amal\x85",
    "right-to-left override": "Amal\u202eevil",
    "left-to-right embedding": "\u202aAmal",
    "pop directional": "Amal\u202c",
    "right-to-left isolate": "\u2067Amal\u2069",
    "first-strong isolate": "\u2068Amal",
    "only spaces": "   ",
    "only a no-break space": "\u00a0",
    "only zero-width": "\u200b\u200c\u200d",
    "only a word joiner and BOM": "\u2060\ufeff",
    "empty": "",
    "too long": "x" * 81,
}
ACCEPTED = ["Amal Haddad", "Zoë de Vries-Çelik", "أمل حداد", "ሰላም ተስፋዬ", "Олена Шевченко", "Ali ‌Rezaei"]


@pytest.fixture
def device(auth, make_user):
    make_user(email="amal@example.org", name="Amal")
    auth.login("amal@example.org")
    return Device(auth)


def _field_error(response):
    assert response.status_code == 422, response.json
    return response.json["errors"]["display_name"][0]


@pytest.mark.parametrize("name", REFUSED.values(), ids=REFUSED.keys())
def test_refused_names_via_rest(auth, client, device, name):
    assert _field_error(auth.patch("/api/auth/me", json={"display_name": name}))
    assert client.get("/api/auth/me").json["user"]["display_name"] == "Amal"


@pytest.mark.parametrize("name", REFUSED.values(), ids=REFUSED.keys())
def test_refused_names_via_a_pushed_mutation(device, name):
    result = device.push(device.mutation("profile.update", display_name=name)).json["results"][0]
    assert result["status"] == "rejected" and result["code"] == "invalid_args"
    device.pull()
    assert {p["display_name"] for p in device.entities("profile").values()} == {"Amal"}


def test_each_reason_has_its_own_message(auth, device):
    messages = {_field_error(auth.patch("/api/auth/me", json={"display_name": name}))
                for name in ("Amal\n", "Amal\u202e", "\u200b", "  ", "x" * 81)}
    assert len(messages) == 5


@pytest.mark.parametrize("name", ACCEPTED)
def test_names_in_any_script_are_accepted(auth, device, name):
    response = auth.patch("/api/auth/me", json={"display_name": name})
    assert response.status_code == 200 and response.json["user"]["display_name"] == name


def test_names_are_stored_in_nfc(auth, device):
    decomposed = unicodedata.normalize("NFD", " Zoë Çelik ")  # and the spaces an autocomplete adds
    assert decomposed.strip() != "Zoë Çelik"
    response = auth.patch("/api/auth/me", json={"display_name": decomposed})
    assert response.status_code == 200 and response.json["user"]["display_name"] == "Zoë Çelik"
    result = device.push(device.mutation("profile.update", display_name=unicodedata.normalize("NFD", "Zoë"))).json
    assert result["results"][0]["status"] == "applied"
    device.pull()
    assert [p["display_name"] for p in device.entities("profile").values()] == ["Zoë"]


@pytest.mark.parametrize("locale, message", [
    ("nl", "Gebruik hoogstens 80 tekens."),
    ("en", "Use at most 80 characters."),
    ("uk", "Використовуй не більше ніж 80 символів."),  # 80: the "many" form of three
    ("fa", "حداکثر ۸۰ حرف بنویسید."),  # Persian digits, as the app writes numbers in Farsi
])
def test_the_length_limit_is_a_counted_number_in_the_users_language(auth, device, locale, message):
    assert auth.patch("/api/auth/me", json={"locale": locale}).status_code == 200
    assert _field_error(auth.patch("/api/auth/me", json={"display_name": "x" * 81})) == message
