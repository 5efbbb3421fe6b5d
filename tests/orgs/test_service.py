"""The organisation tree and the one subtree check every authorization uses."""
import pytest
import sqlalchemy as sa

from backend.orgs.models import Organisation
from backend.orgs.service import get_by_code, is_within, load_tree, subtree_clause


def test_tree_has_one_board_twelve_provinces_and_every_municipality(db):
    kinds = dict(db.session.execute(sa.select(Organisation.kind, sa.func.count()).group_by(Organisation.kind)).all())
    assert kinds == {"national": 1, "province": 12, "municipality": 342}
    utrecht = get_by_code("GM0344")
    assert (utrecht.name, utrecht.parent.code, utrecht.parent.parent.code) == ("Utrecht", "PV26", "NL")


def test_loading_twice_changes_nothing(db):
    assert load_tree() == {"created": 0, "updated": 0}


@pytest.mark.parametrize("org, ancestor, inside", [
    ("GM0344", "GM0344", True),   # itself
    ("GM0344", "PV26", True),     # its province
    ("GM0344", "NL", True),       # the national board
    ("PV26", "GM0344", False),    # never upwards
    ("GM0344", "PV27", False),    # never sideways (Noord-Holland)
    ("GM0363", "GM0344", False),  # another municipality
    ("PV26", "PV27", False),
])
def test_is_within(db, org, ancestor, inside):
    assert is_within(get_by_code(org), get_by_code(ancestor)) is inside


def test_is_within_refuses_missing_organisations(db):
    assert is_within(None, get_by_code("NL")) is False
    assert is_within(get_by_code("GM0344"), None) is False


def test_subtree_clause_matches_is_within_for_every_pair_under_a_province(db):
    utrecht_province = get_by_code("PV26")
    in_sql = set(db.session.scalars(sa.select(Organisation.code).where(subtree_clause(Organisation.id, utrecht_province))))
    in_python = {o.code for o in db.session.scalars(sa.select(Organisation)) if is_within(o, utrecht_province)}
    assert in_sql == in_python
    assert "PV26" in in_sql and "GM0344" in in_sql and "GM0363" not in in_sql and "NL" not in in_sql
    assert len(in_sql) == 1 + 26  # the province and its 26 municipalities (2025)
