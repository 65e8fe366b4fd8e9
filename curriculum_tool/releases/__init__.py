"""Catalog releases: a named, dated, hashed snapshot of the catalog and graph that paths
and model cards record, and that two of can be compared."""

from .content import (
    CATALOG_KINDS,
    catalog_content,
    catalog_digest,
    content_digest,
    current_release,
)

__all__ = [
    "CATALOG_KINDS",
    "catalog_content",
    "catalog_digest",
    "content_digest",
    "current_release",
]
