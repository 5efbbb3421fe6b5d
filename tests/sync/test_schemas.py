"""The pull body's direct path accepts only what the fields accept, with the same result."""
import uuid

import marshmallow as ma
import pytest
from hypothesis import given, settings, strategies as st

from backend.sync.schemas import PullSchema

SCHEMA = PullSchema()

values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-5, max_value=2000), st.floats(allow_nan=False),
    st.text(max_size=20), st.uuids().map(str), st.uuids().map(lambda u: u.hex),
    st.just("{" + str(uuid.UUID(int=7)) + "}"), st.just("x" * 8193), st.lists(st.integers(), max_size=2),
)
FIELDS = ("client_id", "schema_version", "cursor", "limit")


@st.composite
def bodies(draw):
    """A well-formed body with up to two fields made odd, dropped or added; or no dict at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(values)
    body = {"client_id": str(draw(st.uuids())), "schema_version": draw(st.integers(-3, 3))}
    if draw(st.booleans()):
        body["cursor"] = draw(st.one_of(st.none(), st.text(max_size=12)))
    if draw(st.booleans()):
        body["limit"] = draw(st.integers(-2, 1002))
    for _ in range(draw(st.integers(0, 2))):
        field = draw(st.sampled_from(FIELDS + ("extra",)))
        if draw(st.integers(0, 4)) == 0:
            body.pop(field, None)
        else:
            body[field] = draw(values)
    return body


def typed(result):
    """Compare types too: True == 1 in Python, but not in the API."""
    if isinstance(result, dict):
        return sorted((k, type(v).__name__, v) for k, v in result.items())
    return result


def by_fields(body):
    try:
        return ma.Schema.load(SCHEMA, body)  # the fields only, without the direct path
    except ma.ValidationError as error:
        return ("error", error.messages)


@settings(max_examples=600, deadline=None)
@given(bodies())
def test_direct_path_agrees_with_the_fields(body):
    try:
        loaded = SCHEMA.load(body)
    except ma.ValidationError as error:
        loaded = ("error", error.messages)
    assert typed(loaded) == typed(by_fields(body))


@pytest.mark.parametrize("body", [
    {"client_id": str(uuid.uuid4()), "schema_version": 1},
    {"client_id": str(uuid.uuid4()), "schema_version": 1, "cursor": "abc", "limit": 7},
])
def test_the_usual_bodies_take_the_direct_path(body, monkeypatch):
    monkeypatch.setattr(ma.Schema, "load", lambda *a, **k: pytest.fail("went through the fields"))
    assert SCHEMA.load(body)["client_id"] == uuid.UUID(body["client_id"])
