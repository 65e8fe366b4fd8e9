"""Single-record edits from the app, with the same checks as a file import.

A curriculum designer's edit of one module, or a regional officer's new standard, is
validated exactly as a file row would be (cells, references, cycles) and written in one
transaction; a deletion is refused when anything still refers to the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..domain import RECORD_TYPES, Record
from ..errors import SAID as SAID_PLACE, Problem, ValidationError
from ..messages import Catalogue
from ..store import Workspace
from ..store.integrity import dangling_references
from .importer import ParsedFile, import_parsed

__all__ = ["EDIT_LABEL", "delete_records", "save_records"]

#: How an edit made in the app is named in problem messages.
EDIT_LABEL = SAID_PLACE("edit")

SAID = Catalogue(
    "io.editing",
    {"cannot_delete": ("cannot delete: {reference}", "tidak dapat dihapus: {reference}")},
)


def save_records(workspace: Workspace, kind: str, records: Sequence[Record]) -> None:
    """Add or update ``records`` of ``kind``; refuse (changing nothing) as an import would."""
    parsed = ParsedFile(kind, EDIT_LABEL, list(records), list(range(2, len(records) + 2)), [])
    import_parsed(workspace, [parsed])


def delete_records(workspace: Workspace, kind: str, keys: Sequence[Any]) -> None:
    """Delete the records with ``keys``; refuse when other records still refer to them."""
    record_type = RECORD_TYPES[kind]
    with workspace.transaction() as conn:
        workspace.delete(conn, kind, keys)
        dangling = dangling_references(conn)
        if dangling:
            raise ValidationError(
                [
                    Problem(
                        EDIT_LABEL,
                        1,
                        record_type.KEY[0],
                        SAID("cannot_delete", reference=reference.message),
                    )
                    for reference in dangling
                ]
            )
