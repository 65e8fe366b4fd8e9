"""Export a workspace table to CSV or XLSX in the contract's format.

Learner ids and names are personal data: they are masked (see :mod:`.masking`) unless
the caller passes ``unmask=True``, which the command line offers as ``--unmask``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..messages import Catalogue, Message
from ..store import Workspace
from ..store.names import table_name
from .importer import check_kind
from .masking import mask_record
from .tables import write_rows

__all__ = ["PERSONAL_KINDS", "export_file", "export_summary"]

#: Kinds that hold personal data and are masked by default.
PERSONAL_KINDS = frozenset({"learners", "outcomes", "audit"})

SAID = Catalogue(
    "io.exporter",
    {
        "exported": ("{count} {kind} → {path}{masked}", "{count} {kind} → {path}{masked}"),
        "masked": (" (personal data masked)", " (data pribadi disamarkan)"),
    },
)


def export_summary(
    count: int, kind: str, path: str | os.PathLike[str], masked: bool = False
) -> Message:
    """What an export wrote, for the app's status line: ``count`` records of ``kind`` (or
    learner paths, ``paths``) to ``path``, and whether personal data was masked.

    >>> summary = export_summary(3, "learners", "out.csv", masked=True)
    >>> str(summary), summary.indonesian
    ('3 learners → out.csv (personal data masked)', '3 peserta → out.csv (data pribadi disamarkan)')
    """
    shown = SAID("masked") if masked else ""
    return SAID("exported", count=count, kind=table_name(kind), path=str(path), masked=shown)


def export_file(
    workspace: Workspace, kind: str, path: str | os.PathLike[str], unmask: bool = False
) -> int:
    """Write every record of ``kind`` to ``path`` (``.csv`` or ``.xlsx``); returns the count.

    ``audit`` writes the audit trail (:mod:`.audit_export`), every change, newest first."""
    if kind == "audit":
        from .audit_export import export_audit

        return export_audit(workspace, path, unmask=unmask)
    record_type = check_kind(kind)
    records = workspace.load(kind)
    if kind in PERSONAL_KINDS and not unmask:
        secret = workspace.get_meta("pseudonym_key") or ""
        records = [mask_record(r, secret) for r in records]
    numeric = [column for column, cell in record_type.CELLS.items() if cell.numeric]
    return write_rows(
        Path(path),
        record_type.COLUMNS,
        (r.to_row() for r in records),
        sheet=record_type.KIND,
        numeric=numeric,
    )
