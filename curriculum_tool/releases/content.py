"""What a catalog release holds, and its digest.

A release is the catalog and graph as the contract's files would write them: the
competencies, modules, prerequisites, regions, regional and job standards and the
obligations, each table's rows in key order. Its digest is the SHA-256 of that content
as canonical JSON, so the same catalog always has the same digest, on SQLite or
PostgreSQL, whoever published it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Connection, select

from ..store import schema

__all__ = [
    "CATALOG_KINDS",
    "Content",
    "catalog_content",
    "catalog_digest",
    "content_digest",
    "current_release",
    "describe_content",
]

#: The tables a release holds, in the order the contract's files are imported.
CATALOG_KINDS = (
    "competencies",
    "regions",
    "modules",
    "prerequisites",
    "regional_standards",
    "job_standards",
    "obligations",
)

#: kind -> rows (as the contract's CSV cells), in key order.
Content = dict[str, list[dict[str, str]]]


def _sort_key(key: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in key)


def catalog_content(workspace, conn: Connection | None = None) -> Content:
    """The workspace's catalog and graph now, as a release would hold them."""
    content: Content = {}
    for kind in CATALOG_KINDS:
        records = sorted(workspace.load(kind, conn), key=lambda r: _sort_key(r.key()))
        content[kind] = [record.to_row() for record in records]
    return content


def content_digest(content: Content) -> str:
    """SHA-256 of ``content`` as canonical JSON (sorted keys, compact, UTF-8).

    >>> content_digest({"competencies": []})[:12]
    '8023c87b3b87'
    """
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def catalog_digest(workspace, conn: Connection | None = None) -> str:
    """The digest of the workspace's catalog now (:func:`content_digest`)."""
    return content_digest(catalog_content(workspace, conn))


def current_release(conn: Connection, digest: str) -> str:
    """The name of the newest published release whose content has ``digest``; "" when
    the catalog changed since (or nothing was published)."""
    releases = schema.releases
    row = conn.execute(
        select(releases.c.name)
        .where(releases.c.sha256 == digest)
        .order_by(releases.c.published.desc(), releases.c.name.desc())
        .limit(1)
    ).first()
    return "" if row is None else str(row.name)


def describe_content(content: Content) -> dict[str, Any]:
    """How many rows of each kind ``content`` holds (for a release's listing)."""
    return {kind: len(rows) for kind, rows in content.items()}
