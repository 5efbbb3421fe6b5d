"""The organisation tree: loading it from CBS data and the one subtree check."""
import csv
from importlib import resources

import sqlalchemy as sa

from backend.errors import NotFound
from backend.extensions import db
from backend.orgs.models import Organisation

NATIONAL = ("NL", "Landelijk bestuur Maatje")


def is_within(org: Organisation | None, ancestor: Organisation | None) -> bool:
    """Tell whether org lies in ancestor's subtree (an organisation is inside its own subtree).

    Every authorization check that asks "may a coordinator of Y act on X" comes here.
    """
    if org is None or ancestor is None:
        return False
    return org.path.startswith(ancestor.path)


def subtree_clause(org_column, ancestor: Organisation):
    """Return a SQL condition: the organisation in org_column lies in ancestor's subtree."""
    inner = sa.select(Organisation.id).where(Organisation.path.startswith(ancestor.path, autoescape=True))
    return org_column.in_(inner)


def get_by_code(code: str) -> Organisation:
    """Return the organisation with this code.

    :raise 404: if there is none.
    """
    org = db.session.scalar(sa.select(Organisation).where(Organisation.code == code))
    if org is None:
        raise NotFound()
    return org


def list_organisations(parent: str | None = None, kind: str | None = None):
    """Return a query of organisations, children of one parent code or of one kind."""
    query = sa.select(Organisation).where(Organisation.active.is_(True)).order_by(Organisation.path)
    if parent:
        query = query.where(Organisation.parent_id == get_by_code(parent).id)
    if kind:
        query = query.where(Organisation.kind == kind)
    return query


def read_municipalities():
    """Return the municipality rows of the bundled CBS data file."""
    with resources.files("backend.orgs").joinpath("data/gemeenten.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_tree() -> dict:
    """Create or update the whole tree from the bundled data; idempotent. Returns counts."""
    existing = {o.code: o for o in db.session.scalars(sa.select(Organisation))}
    counts = {"created": 0, "updated": 0}

    def upsert(code, name, kind, parent):
        org = existing.get(code)
        path = (parent.path if parent else "/") + code + "/"
        if org is None:
            org = Organisation(code=code, name=name, kind=kind, parent=parent, path=path, active=True)
            db.session.add(org)
            existing[code] = org
            counts["created"] += 1
        elif (org.name, org.parent_id, org.path) != (name, parent.id if parent else None, path):
            org.name, org.parent, org.path = name, parent, path
            counts["updated"] += 1
        return org

    national = upsert(*NATIONAL, "national", None)
    db.session.flush()
    rows = read_municipalities()
    provinces = {}
    for row in rows:
        if row["province_code"] not in provinces:
            provinces[row["province_code"]] = upsert(row["province_code"], row["province"], "province", national)
    db.session.flush()
    for row in rows:
        upsert(row["cbs_code"], row["display_name"] or row["name"], "municipality", provinces[row["province_code"]])
    db.session.commit()
    return counts
