"""The region chain as a table: every region with each of its ancestors and itself.

A regional officer scoped to a province may write the rows of its regencies too. The
chain is :func:`~curriculum_tool.domain.regions.ancestry`, the one definition the
recommender and the lint use; this table is that function's result, stored so that
PostgreSQL's row-level policies can read it. It is rewritten whenever regions change, in
the same transaction.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, select

from ..domain import Region
from ..domain.regions import ancestry
from . import schema
from .migrations import data_step

__all__ = ["closure_pairs", "refresh_closure", "within"]


def closure_pairs(regions: dict[str, Region]) -> list[dict[str, str]]:
    """``(ancestor, descendant)`` rows for ``regions``.

    >>> province, city = Region("72", "Sulteng"), Region("72.71", "Palu", "72")
    >>> rows = closure_pairs({"72": province, "72.71": city})
    >>> sorted((r["ancestor"], r["descendant"]) for r in rows)
    [('72', '72'), ('72', '72.71'), ('72.71', '72.71')]
    """
    return [
        {"ancestor": ancestor, "descendant": code}
        for code in regions
        for ancestor in ancestry(code, regions)
        if ancestor in regions
    ]


def refresh_closure(conn: Connection) -> None:
    """Rewrite the region chain from the regions table."""
    table = schema.regions
    regions = {
        code: Region(code, name, parent)
        for code, name, parent in conn.execute(select(table.c.code, table.c.name, table.c.parent))
    }
    conn.execute(delete(schema.region_closure))
    rows = closure_pairs(regions)
    if rows:
        conn.execute(schema.region_closure.insert(), rows)


def within(conn: Connection, scope: str) -> set[str]:
    """``scope`` and every region below it."""
    closure = schema.region_closure
    query = select(closure.c.descendant).where(closure.c.ancestor == scope)
    return set(conn.execute(query).scalars())


data_step(4)(refresh_closure)
